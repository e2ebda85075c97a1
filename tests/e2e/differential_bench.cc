// The differential test's benchmark file (issue 13): every registration
// feature Google Benchmark users rely on, written here for this test. Built
// twice from this one source: with benchmark::benchmark_main alone, and
// through benchgate_adopt_main(). Work is tiny and iterations fixed where a
// feature allows, so a run takes about a second.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

static void BM_Vector(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<int> values(static_cast<std::size_t>(state.range(0)));
    benchmark::DoNotOptimize(values.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * state.range(0) * 4);
  state.SetLabel("vector");
}
BENCHMARK(BM_Vector)->Arg(8)->Arg(64)->Iterations(100);
BENCHMARK(BM_Vector)->Name("BM_Renamed")->Range(8, 64)->Iterations(100);
BENCHMARK(BM_Vector)->ArgNames({"n"})->Args({16})->Iterations(50);
BENCHMARK(BM_Vector)->Arg(1)->Repetitions(3)->Iterations(20);
BENCHMARK(BM_Vector)->Arg(2)->MinTime(0.001);
BENCHMARK(BM_Vector)->Arg(3)->UseRealTime()->Iterations(20);
BENCHMARK(BM_Vector)->Arg(4)->Threads(2)->Iterations(20);
BENCHMARK(BM_Vector)->Arg(5)->ThreadPerCpu()->Iterations(20);
BENCHMARK(BM_Vector)
    ->Arg(6)
    ->Repetitions(3)
    ->ComputeStatistics("max",
                        [](const std::vector<double>& v) {
                          return *std::max_element(v.begin(), v.end());
                        })
    ->Iterations(20);
BENCHMARK(BM_Vector)->Arg(7)->Repetitions(2)->ReportAggregatesOnly(true)->Iterations(20);
BENCHMARK(BM_Vector)->Arg(9)->Repetitions(2)->DisplayAggregatesOnly(true)->Iterations(20);

static void BM_Manual(benchmark::State& state) {
  for (auto _ : state) state.SetIterationTime(1e-6);
}
BENCHMARK(BM_Manual)->UseManualTime()->Iterations(20)->Unit(benchmark::kMicrosecond);

static void BM_Linear(benchmark::State& state) {
  for (auto _ : state) {
    long sum = 0;
    for (long i = 0; i < state.range(0); ++i) benchmark::DoNotOptimize(sum += i);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Linear)->RangeMultiplier(2)->Range(16, 256)->Complexity(benchmark::oN)->Iterations(50);
// A complexity of the user's own (its BigO row says "f(N)"). The fitted
// ->Complexity() (oAuto) is left out: which curve fits best depends on the
// timings, so the two binaries could disagree by chance.
BENCHMARK(BM_Linear)
    ->Name("BM_LinearOwn")
    ->Arg(32)
    ->Arg(64)
    ->Complexity([](benchmark::IterationCount n) { return static_cast<double>(n); })
    ->Iterations(50);

static void BM_Counters(benchmark::State& state) {
  for (auto _ : state) {
  }
  state.counters["plain"] = 3;
  state.counters["rate"] = benchmark::Counter(10, benchmark::Counter::kIsRate);
  state.counters["average"] = benchmark::Counter(4, benchmark::Counter::kAvgThreads);
  state.counters["inverted"] =
      benchmark::Counter(2, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["per_iteration"] =
      benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["kibi"] =
      benchmark::Counter(1024, benchmark::Counter::kDefaults, benchmark::Counter::OneK::kIs1024);
}
BENCHMARK(BM_Counters)->Iterations(20)->Threads(2);

static void BM_Error(benchmark::State& state) {
  state.SkipWithError("deliberate");
  for (auto _ : state) {
  }
}
BENCHMARK(BM_Error);

#if defined(BENCHGATE_GBENCH_SKIPPED)
// Google Benchmark 1.8's skip on purpose (reported as skipped, not an error).
static void BM_Skipped(benchmark::State& state) {
  state.SkipWithMessage("not on this machine");
  for (auto _ : state) {
  }
}
BENCHMARK(BM_Skipped);
#endif

class Table : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override { rows.assign(4, 1); }
  void TearDown(const benchmark::State&) override { rows.clear(); }
  std::vector<int> rows;
};
BENCHMARK_F(Table, Sum)(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rows.size());
}
BENCHMARK_DEFINE_F(Table, Sized)(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rows.data());
}
BENCHMARK_REGISTER_F(Table, Sized)->Arg(4)->Arg(8)->Iterations(20);

template <typename T>
class Typed : public benchmark::Fixture {};
BENCHMARK_TEMPLATE_F(Typed, Int, int)(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
}

template <typename T>
static void BM_Template(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(T{});
}
BENCHMARK_TEMPLATE(BM_Template, double)->Iterations(20);
BENCHMARK_TEMPLATE(BM_Template, std::string)->Iterations(20);
