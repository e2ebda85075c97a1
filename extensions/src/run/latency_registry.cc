#include "run/latency_registry.h"

#include <cmath>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "run/gbench_api.h"

namespace benchgate {
namespace {

// A histogram without its empty buckets: a few KiB instead of 58.
struct PackedHistogram {
  std::vector<LatencyBucket> buckets;
  std::uint64_t min_ns = 0;
  std::uint64_t max_ns = 0;
};

class Registry {
 public:
  std::uint64_t Store(const LatencyHistogram& histogram) {
    PackedHistogram packed{histogram.NonEmptyBuckets(), histogram.min(), histogram.max()};
    std::lock_guard<std::mutex> lock(mutex_);
    const std::uint64_t id = ++last_id_;
    entries_.emplace(id, std::move(packed));
    return id;
  }

  std::optional<PackedHistogram> Take(std::uint64_t id) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = entries_.find(id);
    if (it == entries_.end()) return std::nullopt;
    PackedHistogram packed = std::move(it->second);
    entries_.erase(it);
    return packed;
  }

  void Clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
  }

  std::size_t Size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
  }

 private:
  std::mutex mutex_;
  std::uint64_t last_id_ = 0;  // never reused, so a stale id finds nothing
  std::unordered_map<std::uint64_t, PackedHistogram> entries_;
};

Registry& TheRegistry() {
  static Registry* registry = new Registry();  // never destroyed: no exit-order hazards
  return *registry;
}

// The id a counter value names, if it is one: a positive integer.
std::optional<std::uint64_t> IdFromCounter(double value) {
  if (!std::isfinite(value) || value < 1 || value > 9007199254740992.0 ||  // 2^53
      std::floor(value) != value) {
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(value);
}

}  // namespace

std::uint64_t StoreLatencyHistogram(const LatencyHistogram& histogram) {
  return TheRegistry().Store(histogram);
}

std::optional<LatencyHistogram> TakeLatencyHistogram(benchmark::BenchmarkReporter::Run& run) {
  const auto it = run.counters.find(kLatencyIdCounter);
  if (it == run.counters.end()) return std::nullopt;
  const double value = it->second.value;
  run.counters.erase(it);
  if (run.run_type != benchmark::BenchmarkReporter::Run::RT_Iteration ||
      gbench::OutcomeOf(run) != gbench::Outcome::kMeasured) {
    return std::nullopt;
  }
  const std::optional<std::uint64_t> id = IdFromCounter(value);
  if (!id) return std::nullopt;
  std::optional<PackedHistogram> packed = TheRegistry().Take(*id);
  if (!packed) return std::nullopt;
  return LatencyHistogram::FromBuckets(packed->buckets, packed->min_ns, packed->max_ns);
}

void StripHiddenCounters(benchmark::BenchmarkReporter::Run& run) {
  run.counters.erase(kLatencyIdCounter);
}

void DiscardLatencyHistograms() { TheRegistry().Clear(); }

std::size_t StoredLatencyHistogramCount() { return TheRegistry().Size(); }

}  // namespace benchgate
