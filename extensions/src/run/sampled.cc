#include "benchgate/sampled.h"

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "run/gbench_api.h"
#include "run/latency_registry.h"

namespace benchgate {
namespace {

// Gathers the histograms of the threads of one invocation.
//
// Google Benchmark runs one invocation at a time and joins all its threads
// before the next starts, so one process-wide collector suffices:
//  - thread 0 empties it before entering the start barrier (inside
//    KeepRunningBatch), so leftovers of an invocation that broke off early
//    never mix in; no thread can add before passing that barrier;
//  - every thread adds its histogram before the end barrier (inside
//    KeepRunning), so after that barrier thread 0 finds all of them.
class Collector {
 public:
  void Clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    parts_.clear();
  }

  void Add(std::unique_ptr<LatencyHistogram> part) {
    std::lock_guard<std::mutex> lock(mutex_);
    parts_.push_back(std::move(part));
  }

  std::vector<std::unique_ptr<LatencyHistogram>> TakeAll() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(parts_, {});
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<LatencyHistogram>> parts_;
};

Collector& TheCollector() {
  static Collector* collector = new Collector();  // never destroyed: no exit-order hazards
  return *collector;
}

void Publish(benchmark::State& state, const LatencyHistogram& merged) {
  const double values[] = {merged.Quantile(0.5), merged.Quantile(0.9), merged.Quantile(0.99),
                           merged.Quantile(0.999), static_cast<double>(merged.max())};
  static_assert(std::size(values) == std::size(kLatencyCounterNames));
  for (std::size_t i = 0; i < std::size(values); ++i) {
    state.counters[kLatencyCounterNames[i]] = benchmark::Counter(values[i]);
  }
  state.counters[kLatencyIdCounter] =
      benchmark::Counter(static_cast<double>(StoreLatencyHistogram(merged)));
}

}  // namespace

SampledRange::SampledRange(benchmark::State& state)
    : state_(state), histogram_(std::make_unique<LatencyHistogram>()) {}

SampledRange::~SampledRange() = default;

SampledRange::Iterator SampledRange::begin() {
  if (state_.thread_index() == 0) TheCollector().Clear();
  // One batch of all iterations: starts the State's loop (barrier, timer)
  // and lets FinishLoop() end it with KeepRunning(). false: an error was set
  // before the loop, and the State's loop has already ended.
  const benchmark::IterationCount iterations = state_.max_iterations;
  if (state_.KeepRunningBatch(iterations)) {
    remaining_ = iterations;
  } else {
    finished_ = true;
  }
  last_ = Now();
  return Iterator(this);
}

void SampledRange::PauseTiming() {
  paused_at_ = Now();
  state_.PauseTiming();
}

void SampledRange::ResumeTiming() {
  state_.ResumeTiming();
  last_ += Now() - paused_at_;
}

void SampledRange::FinishLoop() {
  if (!finished_) {
    TheCollector().Add(std::move(histogram_));
    // All iterations were taken as one batch, so this ends the loop: it
    // stops the timer and waits for every thread at the end barrier.
    state_.KeepRunning();
    finished_ = true;
  }
  if (state_.thread_index() != 0) return;
  std::vector<std::unique_ptr<LatencyHistogram>> parts = TheCollector().TakeAll();
  if (parts.empty() || gbench::Skipped(state_)) return;
  for (std::size_t i = 1; i < parts.size(); ++i) parts.front()->Merge(*parts[i]);
  Publish(state_, *parts.front());
}

}  // namespace benchgate
