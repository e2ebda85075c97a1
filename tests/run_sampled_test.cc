// Sampled() inside real Google Benchmark runs: benchmarks are registered in
// each test and run in-process with a capturing reporter.
//
// Timing enters only as lower bounds (an iteration that spins until the clock
// has advanced T lasts at least T), which cannot fail on a slow machine, and
// in one generous upper bound noted where it is.
#include "benchgate/sampled.h"

#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/latency_histogram.h"
#include "run/gbench_api.h"
#include "run/latency_registry.h"

namespace benchgate {
namespace {

using GbRun = benchmark::BenchmarkReporter::Run;

struct Row {
  GbRun raw;  // as Google Benchmark reported it
  GbRun run;  // after TakeLatencyHistogram() / StripHiddenCounters()
  std::optional<LatencyHistogram> histogram;
};

// Takes each row's histogram the way benchgate's reporter does.
class CapturingReporter : public benchmark::BenchmarkReporter {
 public:
  bool ReportContext(const Context&) override { return true; }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      Row row{run, run, std::nullopt};
      if (run.run_type == GbRun::RT_Iteration) {
        row.histogram = TakeLatencyHistogram(row.run);
      } else {
        StripHiddenCounters(row.run);
      }
      rows.push_back(std::move(row));
    }
  }
  std::vector<const Row*> Iterations() const {
    std::vector<const Row*> out;
    for (const Row& row : rows) {
      if (row.run.run_type == GbRun::RT_Iteration) out.push_back(&row);
    }
    return out;
  }

  std::vector<Row> rows;
};

// Busy-waits until the clock has advanced `duration`.
void Spin(std::chrono::nanoseconds duration) {
  const auto until = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < until) {
  }
}

double CounterOf(const GbRun& run, const char* name) {
  const auto it = run.counters.find(name);
  return it == run.counters.end() ? -1.0 : it->second.value;
}

class SampledTest : public testing::Test {
 protected:
  // Google Benchmark's flags are process-wide and parsed once: short runs,
  // and repetitions randomly interleaved (a single instance runs as usual).
  static void SetUpTestSuite() {
    static bool initialized = false;
    if (initialized) return;
    initialized = true;
    static char arg0[] = "run_sampled_test";
    static char min_time[] = "--benchmark_min_time=0.01";
    static char interleave[] = "--benchmark_enable_random_interleaving=true";
    static char* argv[] = {arg0, min_time, interleave, nullptr};
    int argc = 3;
    benchmark::Initialize(&argc, argv);
  }

  void SetUp() override {
    benchmark::ClearRegisteredBenchmarks();
    DiscardLatencyHistograms();
  }
  void TearDown() override {
    benchmark::ClearRegisteredBenchmarks();
    DiscardLatencyHistograms();
  }

  CapturingReporter RunAll() {
    CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    return reporter;
  }
};

TEST_F(SampledTest, PublishesPlausibleQuantileCounters) {
  constexpr auto kSpin = std::chrono::microseconds(20);
  benchmark::RegisterBenchmark("BM_Spin", [&](benchmark::State& state) {
    for (auto _ : Sampled(state)) Spin(kSpin);
  })->Iterations(40);
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 1u);
  const Row& row = reporter.rows[0];
  ASSERT_TRUE(row.histogram.has_value());
  EXPECT_EQ(row.histogram->count(), 40u);
  EXPECT_EQ(static_cast<std::uint64_t>(row.run.iterations), 40u);
  // Every iteration lasted at least kSpin; quantiles err by < 1/256.
  EXPECT_GE(row.histogram->min(), 20000u);
  const double floor_ns = 20000.0 * (1 - 1.0 / 256);
  double previous = floor_ns;
  for (const char* name : kLatencyCounterNames) {
    const double value = CounterOf(row.run, name);
    EXPECT_GE(value, previous) << name;  // present, above the floor, ascending
    previous = value;
  }
  // The counters are the merged histogram's values, not sums over threads.
  EXPECT_EQ(CounterOf(row.run, "p50"), row.histogram->Quantile(0.5));
  EXPECT_EQ(CounterOf(row.run, "p999"), row.histogram->Quantile(0.999));
  EXPECT_EQ(CounterOf(row.run, "max"), static_cast<double>(row.histogram->max()));
}

TEST_F(SampledTest, HistogramIsTheReportedInvocations) {
  std::atomic<int> invocations{0};
  benchmark::RegisterBenchmark("BM_Empty", [&](benchmark::State& state) {
    ++invocations;
    for (auto _ : Sampled(state)) benchmark::ClobberMemory();
  });
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 1u);
  const Row& row = reporter.rows[0];
  ASSERT_TRUE(row.histogram.has_value());
  EXPECT_EQ(row.histogram->count(), static_cast<std::uint64_t>(row.run.iterations));
  // Google Benchmark grew the iteration count from 1: trial invocations ran,
  // and their entries wait in the registry until discarded.
  EXPECT_GT(invocations.load(), 1);
  EXPECT_GT(row.run.iterations, 1);
  EXPECT_EQ(StoredLatencyHistogramCount(), static_cast<std::size_t>(invocations.load() - 1));
  DiscardLatencyHistograms();
  EXPECT_EQ(StoredLatencyHistogramCount(), 0u);
}

TEST_F(SampledTest, HiddenCounterIsRemoved) {
  benchmark::RegisterBenchmark("BM_Hidden", [](benchmark::State& state) {
    for (auto _ : Sampled(state)) benchmark::ClobberMemory();
  })->Iterations(10)->Repetitions(3);
  CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.Iterations().size(), 3u);
  ASSERT_GT(reporter.rows.size(), 3u);  // mean, median, stddev, cv
  for (const Row& row : reporter.rows) {
    EXPECT_EQ(row.raw.counters.count(kLatencyIdCounter), 1u) << row.raw.benchmark_name();
    EXPECT_EQ(row.run.counters.count(kLatencyIdCounter), 0u) << row.run.benchmark_name();
    EXPECT_EQ(row.run.counters.count("p99"), 1u) << row.run.benchmark_name();
    EXPECT_EQ(row.histogram.has_value(), row.run.run_type == GbRun::RT_Iteration);
  }
  // Taking again finds nothing: the entry left the registry with the first take.
  GbRun again = reporter.rows[0].raw;
  EXPECT_FALSE(TakeLatencyHistogram(again).has_value());
  // An aggregate row's "id" is a statistic of ids (the median is a real one):
  // it must never take anything.
  for (Row& row : reporter.rows) {
    if (row.raw.run_type != GbRun::RT_Aggregate) continue;
    GbRun aggregate = row.raw;
    EXPECT_FALSE(TakeLatencyHistogram(aggregate).has_value());
    EXPECT_EQ(aggregate.counters.count(kLatencyIdCounter), 0u);
  }
}

TEST_F(SampledTest, ThreadsAreMerged) {
  benchmark::RegisterBenchmark("BM_Threads", [](benchmark::State& state) {
    for (auto _ : Sampled(state)) Spin(std::chrono::microseconds(2));
  })->Threads(2)->Threads(3)->Iterations(100);
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 2u);
  for (const Row& row : reporter.rows) {
    ASSERT_TRUE(row.histogram.has_value()) << row.run.benchmark_name();
    // Iterations of all threads, each thread's 100 recorded.
    EXPECT_EQ(row.run.iterations, 100 * row.run.threads);
    EXPECT_EQ(row.histogram->count(), static_cast<std::uint64_t>(row.run.iterations));
    EXPECT_EQ(CounterOf(row.run, "p90"), row.histogram->Quantile(0.9));
    EXPECT_EQ(CounterOf(row.run, "max"), static_cast<double>(row.histogram->max()));
    EXPECT_GE(row.histogram->min(), 2000u);
  }
}

// Each instance has its own iteration count, so a histogram handed to the
// wrong row (another instance's, or another repetition's) shows.
TEST_F(SampledTest, RepetitionsWithRandomInterleaving) {
  for (const int iterations : {30, 40, 50}) {
    benchmark::RegisterBenchmark(("BM_Interleaved/" + std::to_string(iterations)).c_str(),
                                 [](benchmark::State& state) {
                                   for (auto _ : Sampled(state)) benchmark::ClobberMemory();
                                 })
        ->Iterations(iterations)
        ->Repetitions(4);
  }
  benchmark::RegisterBenchmark("BM_InterleavedAuto", [](benchmark::State& state) {
    for (auto _ : Sampled(state)) benchmark::ClobberMemory();
  })->Repetitions(3);
  const CapturingReporter reporter = RunAll();
  const std::vector<const Row*> rows = reporter.Iterations();
  ASSERT_EQ(rows.size(), 15u);
  for (const Row* row : rows) {
    ASSERT_TRUE(row->histogram.has_value()) << row->run.benchmark_name();
    EXPECT_EQ(row->histogram->count(), static_cast<std::uint64_t>(row->run.iterations))
        << row->run.benchmark_name() << " repetition " << row->run.repetition_index;
    EXPECT_EQ(CounterOf(row->run, "p50"), row->histogram->Quantile(0.5));
  }
}

TEST_F(SampledTest, StatePauseTimingInsideTheLoopCountsAsLatency) {
  benchmark::RegisterBenchmark("BM_StatePause", [](benchmark::State& state) {
    for (auto _ : Sampled(state)) {
      state.PauseTiming();
      Spin(std::chrono::microseconds(50));
      state.ResumeTiming();
    }
  })->Iterations(20);
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 1u);
  const Row& row = reporter.rows[0];
  ASSERT_EQ(gbench::OutcomeOf(row.run), gbench::Outcome::kMeasured);
  ASSERT_TRUE(row.histogram.has_value());
  EXPECT_EQ(row.histogram->count(), 20u);
  EXPECT_GE(row.histogram->min(), 50000u);
}

TEST_F(SampledTest, RangePauseTimingIsLeftOut) {
  benchmark::RegisterBenchmark("BM_RangePause", [](benchmark::State& state) {
    auto sampled = Sampled(state);
    for (auto _ : sampled) {
      sampled.PauseTiming();
      Spin(std::chrono::milliseconds(20));
      sampled.ResumeTiming();
    }
  })->Iterations(9);
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 1u);
  const Row& row = reporter.rows[0];
  ASSERT_TRUE(row.histogram.has_value());
  EXPECT_EQ(row.histogram->count(), 9u);
  // The one upper bound: outside the paused 20 ms an iteration does nothing,
  // so its median is far below 10 ms unless most iterations were preempted
  // for that long.
  EXPECT_LT(row.histogram->Quantile(0.5), 10e6);
}

TEST_F(SampledTest, ErrorBeforeTheLoopReportsNoLatency) {
  benchmark::RegisterBenchmark("BM_ErrorBefore", [](benchmark::State& state) {
    state.SkipWithError("no input");
    for (auto _ : Sampled(state)) benchmark::ClobberMemory();
  })->Threads(2);
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 1u);
  EXPECT_EQ(gbench::OutcomeOf(reporter.rows[0].run), gbench::Outcome::kError);
  EXPECT_FALSE(reporter.rows[0].histogram.has_value());
  EXPECT_EQ(StoredLatencyHistogramCount(), 0u);
}

TEST_F(SampledTest, ErrorInsideTheLoopWithBreak) {
  benchmark::RegisterBenchmark("BM_ErrorInside", [](benchmark::State& state) {
    int n = 0;
    for (auto _ : Sampled(state)) {
      if (++n == 5) {
        state.SkipWithError("failed at 5");
        break;
      }
    }
  })->Iterations(10);
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 1u);
  EXPECT_EQ(gbench::OutcomeOf(reporter.rows[0].run), gbench::Outcome::kError);
  EXPECT_EQ(gbench::OutcomeMessage(reporter.rows[0].run), "failed at 5");
  EXPECT_FALSE(reporter.rows[0].histogram.has_value());
}

#if defined(BENCHGATE_GBENCH_SKIPPED)
// Google Benchmark 1.8's SkipWithMessage: skipped, not errored, and no
// latency is published for the iterations before the skip.
TEST_F(SampledTest, SkipWithMessageInsideTheLoopReportsNoLatency) {
  benchmark::RegisterBenchmark("BM_SkipInside", [](benchmark::State& state) {
    int n = 0;
    for (auto _ : Sampled(state)) {
      if (++n == 3) {
        state.SkipWithMessage("not on this machine");
        break;
      }
    }
  })->Iterations(10);
  const CapturingReporter reporter = RunAll();
  ASSERT_EQ(reporter.rows.size(), 1u);
  EXPECT_EQ(gbench::OutcomeOf(reporter.rows[0].run), gbench::Outcome::kSkipped);
  EXPECT_EQ(gbench::OutcomeMessage(reporter.rows[0].run), "not on this machine");
  EXPECT_FALSE(reporter.rows[0].histogram.has_value());
}
#endif

// A later benchmark is not polluted by the histogram of one that broke off.
TEST_F(SampledTest, BrokenOffThreadsDoNotLeakIntoTheNextRun) {
  benchmark::RegisterBenchmark("BM_A_Breaks", [](benchmark::State& state) {
    for (auto _ : Sampled(state)) {
      if (state.thread_index() == 0) {
        state.SkipWithError("thread 0 stops");
        break;
      }
    }
  })->Threads(2)->Iterations(10);
  benchmark::RegisterBenchmark("BM_B_Fine", [](benchmark::State& state) {
    for (auto _ : Sampled(state)) benchmark::ClobberMemory();
  })->Iterations(7);
  CapturingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter, "BM_A_Breaks");
  benchmark::RunSpecifiedBenchmarks(&reporter, "BM_B_Fine");
  ASSERT_EQ(reporter.rows.size(), 2u);
  EXPECT_EQ(gbench::OutcomeOf(reporter.rows[0].run), gbench::Outcome::kError);
  ASSERT_TRUE(reporter.rows[1].histogram.has_value());
  EXPECT_EQ(reporter.rows[1].histogram->count(), 7u);
}

}  // namespace
}  // namespace benchgate
