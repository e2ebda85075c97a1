// The fixture of run_instructions_e2e_test: every kind of registration the
// instructions measure must count (plain, Args, a fixture, a template,
// Sampled(), threads, benchgate::memory linked), and the knobs its tests
// turn through the environment, which the counting processes inherit:
//   COUNT_FIXTURE_EXTRA=0.01   BM_Work does 1% more work
//   COUNT_FIXTURE_CRASH=1      BM_Crash aborts inside its loop
//   COUNT_FIXTURE_HANG=1       BM_Hang never ends its loop
// COUNT_FIXTURE_EXTRA_BUILD (a compile definition) is the same 1% in a
// second build, for benchgate-ab.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "benchgate/benchgate.h"

namespace {

double Extra() {
  const char* text = std::getenv("COUNT_FIXTURE_EXTRA");
  double extra = text == nullptr ? 0.0 : std::strtod(text, nullptr);
#ifdef COUNT_FIXTURE_EXTRA_BUILD
  extra += COUNT_FIXTURE_EXTRA_BUILD;
#endif
  return extra;
}

std::uint64_t Chain(std::int64_t n) {
  std::uint64_t x = 88172645463325252ull;
  for (std::int64_t i = 0; i < n; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
  return x;
}

void BM_Work(benchmark::State& state) {
  const auto n = static_cast<std::int64_t>(static_cast<double>(state.range(0)) * (1 + Extra()));
  for (auto _ : state) benchmark::DoNotOptimize(Chain(n));
}
BENCHMARK(BM_Work)->Arg(2000)->Arg(20000);

class Table : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override { values_.assign(4096, 3); }
  std::vector<int> values_;
};
BENCHMARK_F(Table, Sum)(benchmark::State& state) {
  for (auto _ : state) {
    long sum = 0;
    for (const int v : values_) sum += v;
    benchmark::DoNotOptimize(sum);
  }
}

template <typename T>
void BM_Fill(benchmark::State& state) {
  std::vector<T> values(1024);
  for (auto _ : state) {
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<T>(i);
    benchmark::DoNotOptimize(values.data());
  }
}
BENCHMARK_TEMPLATE(BM_Fill, int);
BENCHMARK_TEMPLATE(BM_Fill, double);

void BM_SampledChain(benchmark::State& state) {
  for (auto _ : benchgate::Sampled(state)) benchmark::DoNotOptimize(Chain(3000));
}
BENCHMARK(BM_SampledChain);

void BM_Allocate(benchmark::State& state) {
  for (auto _ : state) {
    std::string text(200, 'x');
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_Allocate);

void BM_Threads(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Chain(1000));
}
BENCHMARK(BM_Threads)->Threads(2);

void BM_Crash(benchmark::State& state) {
  const bool crash = std::getenv("COUNT_FIXTURE_CRASH") != nullptr;
  for (auto _ : state) {
    if (crash) std::abort();
    benchmark::DoNotOptimize(Chain(100));
  }
}
BENCHMARK(BM_Crash);

void BM_Hang(benchmark::State& state) {
  const bool hang = std::getenv("COUNT_FIXTURE_HANG") != nullptr;
  for (auto _ : state) {
    volatile bool forever = hang;
    do {
      benchmark::DoNotOptimize(Chain(100));
    } while (forever);
  }
}
BENCHMARK(BM_Hang);

}  // namespace
