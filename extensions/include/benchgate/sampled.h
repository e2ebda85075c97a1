// Per-iteration latency of a Google Benchmark loop:
//
//   static void BM_Lookup(benchmark::State& state) {
//     for (auto _ : benchgate::Sampled(state)) {
//       Lookup(key);
//     }
//   }
//
// Every iteration's wall time goes into a LatencyHistogram (<= 0.4% relative
// error, 58 KiB allocated before the loop, nothing allocated inside it). The
// clock (std::chrono::steady_clock) is read once per iteration boundary:
// the end of one iteration is the start of the next, so N iterations cost
// N + 1 reads. Each recorded latency includes the cost of one read and one
// Record() (about 30 ns on a 2020s x86 Linux box, vDSO clock_gettime): the
// floor below which Sampled() cannot resolve. bench/sampled_overhead_bench.cc
// measures it.
//
// The loop drives the State's own iteration, so Google Benchmark's timing,
// iteration count, SkipWithError, counters and ->Threads(n) keep working.
// When the loop ends, the histograms of all threads of the invocation are
// merged and thread 0 publishes user counters p50, p90, p99, p999 and max
// (nanoseconds, Counter::kDefaults: set by thread 0 alone, so Google
// Benchmark's sum over threads leaves them as they are) and hands the merged
// histogram to benchgate's runner for the enriched JSON.
//
// Time inside state.PauseTiming()/ResumeTiming() still counts as latency
// (it is wall time between boundaries); call the range's own PauseTiming()/
// ResumeTiming() to leave it out:
//
//   auto sampled = benchgate::Sampled(state);
//   for (auto _ : sampled) {
//     sampled.PauseTiming();
//     Refill(queue);
//     sampled.ResumeTiming();
//     queue.Pop();
//   }
//
// Requirements: one Sampled() loop per invocation, used by every thread of a
// threaded benchmark, and, as with Google Benchmark's own loop, no `break`
// out of it unless after SkipWithError().
#ifndef BENCHGATE_SAMPLED_H_
#define BENCHGATE_SAMPLED_H_

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <memory>

#include "benchgate/latency_histogram.h"

namespace benchgate {

// The user counters a Sampled() loop publishes, in nanoseconds.
inline constexpr const char* kLatencyCounterNames[] = {"p50", "p90", "p99", "p999", "max"};

class SampledRange {
 public:
  struct Sentinel {};

  class Iterator {
   public:
    using Value = benchmark::State::StateIterator::Value;

    explicit Iterator(SampledRange* range) noexcept : range_(range) {}
    Value operator*() const noexcept { return Value(); }
    Iterator& operator++() noexcept {
      range_->EndIteration();
      return *this;
    }
    bool operator!=(Sentinel) {
      if (BENCHMARK_BUILTIN_EXPECT(range_->remaining_ != 0, true)) return true;
      range_->FinishLoop();
      return false;
    }

   private:
    SampledRange* range_;
  };

  explicit SampledRange(benchmark::State& state);
  ~SampledRange();
  SampledRange(const SampledRange&) = delete;
  SampledRange& operator=(const SampledRange&) = delete;

  // Starts the State's loop (like State::begin()/end()).
  Iterator begin();
  Sentinel end() noexcept { return Sentinel(); }

  // state.PauseTiming()/ResumeTiming() that also leave the paused span out
  // of the current iteration's latency.
  void PauseTiming();
  void ResumeTiming();

 private:
  static std::uint64_t Now() noexcept {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::steady_clock::now().time_since_epoch())
                                          .count());
  }

  // The hot path: one clock read closes this iteration and opens the next.
  void EndIteration() noexcept {
    const std::uint64_t now = Now();
    histogram_->Record(now - last_);
    last_ = now;
    --remaining_;
  }

  // Hands this thread's histogram over, finishes the State's loop and, on
  // thread 0, merges and publishes (sampled.cc).
  void FinishLoop();

  benchmark::State& state_;
  std::unique_ptr<LatencyHistogram> histogram_;
  std::uint64_t last_ = 0;  // the clock at the current iteration's start
  benchmark::IterationCount remaining_ = 0;
  std::uint64_t paused_at_ = 0;
  bool finished_ = false;  // the State's loop has ended
};

// The range for `for (auto _ : benchgate::Sampled(state))`.
inline SampledRange Sampled(benchmark::State& state) { return SampledRange(state); }

}  // namespace benchgate

#endif  // BENCHGATE_SAMPLED_H_
