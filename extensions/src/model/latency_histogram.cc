#include "benchgate/latency_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace benchgate {
namespace {

// The shift of bucket `index`: 0 for the two exact octaves below 256, then
// one more per octave (BucketIndex() in reverse).
int BucketShift(std::size_t index) noexcept {
  return static_cast<int>(std::max<std::size_t>(index >> LatencyHistogram::kSubBucketBits, 1)) - 1;
}

// The value representing a bucket: the middle of its integer values, so that
// the error against any value in the bucket is at most half its width.
double BucketMiddle(std::size_t index) noexcept {
  const double lower = static_cast<double>(LatencyHistogram::BucketLowerBound(index));
  const double upper = static_cast<double>(LatencyHistogram::BucketUpperBound(index));
  return lower + (upper - lower) / 2;
}

// Saturating add, so that merging absurd totals cannot wrap around.
std::uint64_t AddSaturating(std::uint64_t a, std::uint64_t b) noexcept {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

// A non-negative integral double as uint64; nullopt otherwise. 2^64 and
// above only arise from rounding a value near UINT64_MAX, so they saturate.
std::optional<std::uint64_t> ToUint64(double value) {
  if (!std::isfinite(value) || value < 0 || std::floor(value) != value) return std::nullopt;
  if (value >= 18446744073709551616.0) return UINT64_MAX;  // 2^64
  return static_cast<std::uint64_t>(value);
}

}  // namespace

std::uint64_t LatencyHistogram::BucketLowerBound(std::size_t index) noexcept {
  const int shift = BucketShift(index);
  const std::uint64_t mantissa = index - (static_cast<std::size_t>(shift) << kSubBucketBits);
  return mantissa << shift;
}

std::uint64_t LatencyHistogram::BucketUpperBound(std::size_t index) noexcept {
  return BucketLowerBound(index) + ((std::uint64_t{1} << BucketShift(index)) - 1);
}

void LatencyHistogram::RecordMany(std::uint64_t value_ns, std::uint64_t n) noexcept {
  if (n == 0) return;
  std::uint64_t& bucket = counts_[BucketIndex(value_ns)];
  bucket = AddSaturating(bucket, n);
  count_ = AddSaturating(count_, n);
  min_ = std::min(min_, value_ns);
  max_ = std::max(max_, value_ns);
}

void LatencyHistogram::Merge(const LatencyHistogram& other) noexcept {
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    counts_[i] = AddSaturating(counts_[i], other.counts_[i]);
  }
  count_ = AddSaturating(count_, other.count_);
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void LatencyHistogram::Reset() noexcept { *this = LatencyHistogram(); }

double LatencyHistogram::Quantile(double q) const noexcept {
  if (count_ == 0 || std::isnan(q)) return 0;
  if (q <= 0) return static_cast<double>(min_);
  if (q >= 1) return static_cast<double>(max_);
  // Rank ceil(q * n), at least 1. q * n is rounded to 1e-9 first so that
  // e.g. 0.999 * 1000, which is 998.999... in binary, gives rank 999.
  const double scaled = q * static_cast<double>(count_);
  const double snapped = std::round(scaled * 1e9) / 1e9;
  const double rank_real = std::max(1.0, std::ceil(scaled < 1e6 ? snapped : scaled));
  const std::uint64_t rank = rank_real >= static_cast<double>(count_)
                                 ? count_
                                 : static_cast<std::uint64_t>(rank_real);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      return std::clamp(BucketMiddle(i), static_cast<double>(min_), static_cast<double>(max_));
    }
  }
  return static_cast<double>(max_);  // unreachable while counts_ sum to count_
}

std::vector<LatencyBucket> LatencyHistogram::NonEmptyBuckets() const {
  std::vector<LatencyBucket> buckets;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    if (counts_[i] != 0) buckets.push_back({BucketLowerBound(i), counts_[i]});
  }
  return buckets;
}

LatencySummary LatencyHistogram::Summarize() const {
  LatencySummary summary;
  summary.count = count_;
  summary.p50 = Quantile(0.5);
  summary.p90 = Quantile(0.9);
  summary.p99 = Quantile(0.99);
  summary.p999 = Quantile(0.999);
  summary.max = static_cast<double>(max());
  for (const LatencyBucket& bucket : NonEmptyBuckets()) {
    summary.buckets.emplace_back(static_cast<double>(bucket.lower_ns), bucket.count);
  }
  return summary;
}

std::optional<LatencyHistogram> LatencyHistogram::FromBuckets(
    const std::vector<LatencyBucket>& buckets, std::uint64_t min_ns, std::uint64_t max_ns) {
  LatencyHistogram histogram;
  if (buckets.empty()) {
    if (min_ns != 0 || max_ns != 0) return std::nullopt;
    return histogram;
  }
  std::size_t previous = 0;
  for (std::size_t n = 0; n < buckets.size(); ++n) {
    const std::size_t index = BucketIndex(buckets[n].lower_ns);
    const bool ordered = n == 0 || index > previous;
    if (BucketLowerBound(index) != buckets[n].lower_ns || buckets[n].count == 0 || !ordered ||
        histogram.count_ > UINT64_MAX - buckets[n].count) {
      return std::nullopt;
    }
    histogram.counts_[index] = buckets[n].count;
    histogram.count_ += buckets[n].count;
    previous = index;
  }
  const std::size_t first = BucketIndex(buckets.front().lower_ns);
  if (BucketIndex(min_ns) != first || BucketIndex(max_ns) != previous || min_ns > max_ns) {
    return std::nullopt;
  }
  histogram.min_ = min_ns;
  histogram.max_ = max_ns;
  return histogram;
}

std::optional<LatencyHistogram> LatencyHistogram::FromSummary(const LatencySummary& summary) {
  std::vector<LatencyBucket> buckets;
  buckets.reserve(summary.buckets.size());
  std::uint64_t total = 0;
  for (const auto& [lower, count] : summary.buckets) {
    const std::optional<std::uint64_t> lower_ns = ToUint64(lower);
    if (!lower_ns || total > UINT64_MAX - count) return std::nullopt;
    buckets.push_back({*lower_ns, count});
    total += count;
  }
  const std::optional<std::uint64_t> max_ns = ToUint64(std::round(summary.max));
  if (!max_ns || total != summary.count) return std::nullopt;
  if (buckets.empty()) return FromBuckets(buckets, 0, *max_ns);
  // summary.max went through a double: above 2^53 it may have rounded out of
  // its bucket by less than one unit in the last place; pull it back in.
  const std::size_t last = BucketIndex(buckets.back().lower_ns);
  const std::uint64_t max_in_bucket = std::clamp(*max_ns, BucketLowerBound(last),
                                                 BucketUpperBound(last));
  const double slack = std::ldexp(static_cast<double>(max_in_bucket), -52);
  if (std::fabs(static_cast<double>(max_in_bucket) - summary.max) > slack) return std::nullopt;
  return FromBuckets(buckets, buckets.front().lower_ns, max_in_bucket);
}

}  // namespace benchgate
