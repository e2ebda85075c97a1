// A fixed-size log-linear (HDR-style) histogram of latencies in nanoseconds.
//
// Bucket scheme: values below 256 ns have one bucket each (exact). Above,
// every power-of-two range [2^k, 2^(k+1)) is split into 128 equal sub-buckets
// of width 2^(k-7), so a bucket's width is at most 1/128 of its lower bound.
// Quantiles report the middle of their bucket, hence a relative error below
// 1/256 (0.4%) against the exact order statistic. The scheme covers the whole
// uint64 range (up to 584 years) in 7424 buckets of 8 bytes: 58 KiB, fixed,
// allocated once with the object; Record() never allocates and never clamps.
//
// Histograms with the same scheme merge by adding bucket counts, so threads
// and repetitions combine exactly as if one histogram had recorded it all.
//
// No Google Benchmark types here: benchgate-diff rebuilds histograms from
// the enriched JSON (LatencySummary::buckets) with FromSummary().
#ifndef BENCHGATE_LATENCY_HISTOGRAM_H_
#define BENCHGATE_LATENCY_HISTOGRAM_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace benchgate {

// Opt-in per-iteration latency of a Sampled() benchmark, all repetitions and
// threads merged. Values in nanoseconds.
struct LatencySummary {
  std::uint64_t count = 0;
  double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;
  // Non-empty buckets of the log-linear histogram: (lower bound ns, count).
  std::vector<std::pair<double, std::uint64_t>> buckets;
};

// One non-empty bucket: the smallest value it holds and how many values fell
// into it.
struct LatencyBucket {
  std::uint64_t lower_ns = 0;
  std::uint64_t count = 0;
};

class LatencyHistogram {
 public:
  static constexpr int kSubBucketBits = 7;  // 128 sub-buckets per octave
  // Octaves 7..63 of 128 buckets each, plus 128 exact buckets below 128.
  static constexpr std::size_t kBucketCount = (64 - kSubBucketBits + 1) << kSubBucketBits;  // 7424

  LatencyHistogram() noexcept = default;

  // The bucket holding value_ns, in [0, kBucketCount).
  static std::size_t BucketIndex(std::uint64_t value_ns) noexcept {
    // OR-ing in 255 makes every value below 256 land in the first two octaves
    // (k = 7, shift 0), where the index is the value itself.
    const int k = 63 - CountLeadingZeros(value_ns | 255u);
    const int shift = k - kSubBucketBits;
    return (static_cast<std::size_t>(shift) << kSubBucketBits) +
           static_cast<std::size_t>(value_ns >> shift);
  }
  // The smallest and the largest value of bucket `index` (both inclusive).
  static std::uint64_t BucketLowerBound(std::size_t index) noexcept;
  static std::uint64_t BucketUpperBound(std::size_t index) noexcept;

  // The hot path: no allocation, no branch on the value's size.
  void Record(std::uint64_t value_ns) noexcept {
    ++counts_[BucketIndex(value_ns)];
    ++count_;
    if (value_ns < min_) min_ = value_ns;
    if (value_ns > max_) max_ = value_ns;
  }
  // Records `n` values equal to value_ns (n == 0 records nothing).
  void RecordMany(std::uint64_t value_ns, std::uint64_t n) noexcept;
  void Merge(const LatencyHistogram& other) noexcept;
  void Reset() noexcept;

  std::uint64_t count() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  // Exact smallest and largest recorded value; 0 when empty.
  std::uint64_t min() const noexcept { return count_ == 0 ? 0 : min_; }
  std::uint64_t max() const noexcept { return max_; }
  std::uint64_t BucketCountAt(std::size_t index) const noexcept { return counts_[index]; }

  // Nearest-rank quantile (Hyndman-Fan type 1, numpy method="inverted_cdf"):
  // the value of rank ceil(q * count), estimated by the middle of its bucket
  // and kept within [min, max]. q <= 0 gives min, q >= 1 gives max; an empty
  // histogram gives 0; a NaN q gives 0.
  double Quantile(double q) const noexcept;

  // Non-empty buckets, ascending.
  std::vector<LatencyBucket> NonEmptyBuckets() const;

  // count, p50, p90, p99, p999, max and the non-empty buckets (lower bound,
  // count), as written into the enriched JSON.
  LatencySummary Summarize() const;

  // Rebuilds a histogram from non-empty buckets and the exact extremes.
  // nullopt when a lower bound is not a bucket's lower bound, a count is 0, a
  // bucket repeats or is out of order, the total overflows, or min/max do
  // not lie in the first/last bucket.
  static std::optional<LatencyHistogram> FromBuckets(const std::vector<LatencyBucket>& buckets,
                                                     std::uint64_t min_ns, std::uint64_t max_ns);
  // Rebuilds from a LatencySummary (e.g. read back from the enriched JSON).
  // min is not stored there, so it becomes the first bucket's lower bound;
  // max is taken from summary.max. nullopt as for FromBuckets(), or when a
  // bound is not a non-negative integer, or count disagrees with the buckets.
  static std::optional<LatencyHistogram> FromSummary(const LatencySummary& summary);

 private:
  static int CountLeadingZeros(std::uint64_t value) noexcept {  // value != 0
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_clzll(value);
#else
    int n = 0;
    for (std::uint64_t bit = std::uint64_t{1} << 63; (value & bit) == 0; bit >>= 1) ++n;
    return n;
#endif
  }

  std::array<std::uint64_t, kBucketCount> counts_{};
  std::uint64_t count_ = 0;
  std::uint64_t min_ = UINT64_MAX;
  std::uint64_t max_ = 0;
};

static_assert(sizeof(LatencyHistogram) <= 64 * 1024, "a histogram must fit in 64 KiB");

}  // namespace benchgate

#endif  // BENCHGATE_LATENCY_HISTOGRAM_H_
