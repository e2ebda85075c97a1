#include "benchgate/latency_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "model/sample_set.h"

namespace benchgate {
namespace {

// The nearest-rank quantile of sorted data, the definition Quantile()
// documents (numpy.quantile(x, q, method="inverted_cdf")): the value of rank
// ceil(q * n). Callers pick q and n so that q * n is not an integer.
std::uint64_t NearestRank(const std::vector<std::uint64_t>& sorted, double q) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

// Log-uniform values from 1 ns to one hour (3.6e12 ns), fixed seed.
std::vector<std::uint64_t> WideRangeData(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> log_value(0.0, std::log(3.6e12));
  std::vector<std::uint64_t> values(n);
  for (std::uint64_t& value : values) {
    value = static_cast<std::uint64_t>(std::exp(log_value(rng)));
  }
  return values;
}

LatencyHistogram HistogramOf(const std::vector<std::uint64_t>& values) {
  LatencyHistogram histogram;
  for (const std::uint64_t value : values) histogram.Record(value);
  return histogram;
}

void ExpectSameContents(const LatencyHistogram& a, const LatencyHistogram& b) {
  EXPECT_EQ(a.count(), b.count());
  EXPECT_EQ(a.min(), b.min());
  EXPECT_EQ(a.max(), b.max());
  for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i) {
    ASSERT_EQ(a.BucketCountAt(i), b.BucketCountAt(i)) << "bucket " << i;
  }
}

// Hand calculation from the scheme in the header: values below 256 are
// their own bucket; [256, 512) has buckets of width 2 starting at index 256;
// the last octave [2^63, 2^64) has width 2^56 and ends at index 7423.
TEST(LatencyHistogramTest, BucketSchemeBoundaries) {
  EXPECT_EQ(LatencyHistogram::kBucketCount, 7424u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(0), 0u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(255), 255u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(256), 256u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(257), 256u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(258), 257u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(511), 383u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(512), 384u);
  EXPECT_EQ(LatencyHistogram::BucketIndex(UINT64_MAX), 7423u);
  EXPECT_EQ(LatencyHistogram::BucketLowerBound(7423), std::uint64_t{255} << 56);
  EXPECT_EQ(LatencyHistogram::BucketUpperBound(7423), UINT64_MAX);
}

TEST(LatencyHistogramTest, BucketsTileTheRangeWithinOneIn128) {
  EXPECT_EQ(LatencyHistogram::BucketLowerBound(0), 0u);
  for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i) {
    const std::uint64_t lower = LatencyHistogram::BucketLowerBound(i);
    const std::uint64_t upper = LatencyHistogram::BucketUpperBound(i);
    ASSERT_LE(lower, upper);
    ASSERT_EQ(LatencyHistogram::BucketIndex(lower), i);
    ASSERT_EQ(LatencyHistogram::BucketIndex(upper), i);
    if (i + 1 < LatencyHistogram::kBucketCount) {
      ASSERT_EQ(upper + 1, LatencyHistogram::BucketLowerBound(i + 1));
    }
    // Width relative to the lower bound: at most 1/128 (width 1 below 256).
    if (lower >= 128) {
      ASSERT_LE(static_cast<double>(upper - lower + 1) / lower, 1.0 / 128);
    }
  }
}

// Reference: exact order statistics of the same seeded data, by sorting.
TEST(LatencyHistogramTest, QuantilesWithinBoundOverWideRange) {
  std::vector<std::uint64_t> values = WideRangeData(200003, 42);
  const LatencyHistogram histogram = HistogramOf(values);
  std::sort(values.begin(), values.end());
  ASSERT_EQ(histogram.count(), values.size());
  EXPECT_EQ(histogram.min(), values.front());
  EXPECT_EQ(histogram.max(), values.back());
  double worst = 0;
  for (int i = 1; i < 1000; ++i) {
    const double q = i / 1000.0;
    const auto exact = static_cast<double>(NearestRank(values, q));
    const double error = std::fabs(histogram.Quantile(q) - exact) / exact;
    worst = std::max(worst, error);
    ASSERT_LE(error, 1.0 / 256) << "q=" << q << " exact=" << exact;
  }
  for (const double q : {0.9999, 0.99999}) {
    const auto exact = static_cast<double>(NearestRank(values, q));
    EXPECT_LE(std::fabs(histogram.Quantile(q) - exact) / exact, 1.0 / 256) << q;
  }
  // The bound is not vacuous: some quantile shows a bucket's rounding.
  EXPECT_GT(worst, 0.0);
}

// Hand calculation: 1..100 recorded once each, all in exact buckets; the
// quantile is the value of rank ceil(q * 100). For q = 0.07, 0.07 * 100 is
// 7.000000000000001 in binary; the rank is 7 (numpy's inverted_cdf, which
// takes the binary product, says 8).
TEST(LatencyHistogramTest, SmallValuesAreExact) {
  LatencyHistogram histogram;
  for (std::uint64_t v = 1; v <= 100; ++v) histogram.Record(v);
  EXPECT_EQ(histogram.Quantile(0.5), 50.0);
  EXPECT_EQ(histogram.Quantile(0.9), 90.0);
  EXPECT_EQ(histogram.Quantile(0.99), 99.0);
  EXPECT_EQ(histogram.Quantile(0.999), 100.0);
  EXPECT_EQ(histogram.Quantile(0.29), 29.0);
  EXPECT_EQ(histogram.Quantile(0.07), 7.0);
  EXPECT_EQ(histogram.Quantile(0.001), 1.0);
  EXPECT_EQ(histogram.Quantile(0.0), 1.0);
  EXPECT_EQ(histogram.Quantile(-3.0), 1.0);
  EXPECT_EQ(histogram.Quantile(1.0), 100.0);
  EXPECT_EQ(histogram.Quantile(7.0), 100.0);
  EXPECT_EQ(histogram.Quantile(std::numeric_limits<double>::quiet_NaN()), 0.0);
}

// Hand calculation: 1000 lies in [1000, 1003] (width 4 in [512, 1024)); its
// middle 1001.5 is clamped to the exact max 1000.
TEST(LatencyHistogramTest, QuantilesStayWithinMinAndMax) {
  LatencyHistogram histogram;
  histogram.RecordMany(1000, 5);
  EXPECT_EQ(histogram.Quantile(0.5), 1000.0);
  histogram.Record(1003);
  EXPECT_EQ(histogram.Quantile(0.5), 1001.5);
  EXPECT_EQ(histogram.Quantile(1.0), 1003.0);
}

TEST(LatencyHistogramTest, MergeEqualsRecordingAll) {
  const std::vector<std::uint64_t> values = WideRangeData(30000, 7);
  LatencyHistogram parts[3];
  for (std::size_t i = 0; i < values.size(); ++i) parts[i % 3].Record(values[i]);
  LatencyHistogram merged;
  for (const LatencyHistogram& part : parts) merged.Merge(part);
  const LatencyHistogram all = HistogramOf(values);
  ExpectSameContents(merged, all);
  for (const double q : {0.5, 0.9, 0.99, 0.999}) EXPECT_EQ(merged.Quantile(q), all.Quantile(q));
}

TEST(LatencyHistogramTest, RecordManyEqualsRepeatedRecord) {
  LatencyHistogram many;
  many.RecordMany(12345, 4);
  many.RecordMany(7, 0);
  LatencyHistogram single;
  for (int i = 0; i < 4; ++i) single.Record(12345);
  ExpectSameContents(many, single);
}

TEST(LatencyHistogramTest, EmptyHistogram) {
  LatencyHistogram empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.count(), 0u);
  EXPECT_EQ(empty.min(), 0u);
  EXPECT_EQ(empty.max(), 0u);
  EXPECT_EQ(empty.Quantile(0.5), 0.0);
  EXPECT_EQ(empty.Quantile(1.0), 0.0);
  EXPECT_TRUE(empty.NonEmptyBuckets().empty());
  const LatencySummary summary = empty.Summarize();
  EXPECT_EQ(summary.count, 0u);
  EXPECT_EQ(summary.p50, 0.0);
  EXPECT_EQ(summary.max, 0.0);
  EXPECT_TRUE(summary.buckets.empty());
  const std::optional<LatencyHistogram> rebuilt = LatencyHistogram::FromSummary(summary);
  ASSERT_TRUE(rebuilt.has_value());
  EXPECT_TRUE(rebuilt->empty());

  LatencyHistogram some;
  some.Record(3);
  some.Merge(empty);
  EXPECT_EQ(some.count(), 1u);
  EXPECT_EQ(some.min(), 3u);
  EXPECT_EQ(some.max(), 3u);
}

TEST(LatencyHistogramTest, ResetEmpties) {
  LatencyHistogram histogram = HistogramOf(WideRangeData(100, 3));
  histogram.Reset();
  ExpectSameContents(histogram, LatencyHistogram());
}

// Hand calculation: zero is its own bucket (lower bound 0).
TEST(LatencyHistogramTest, ZeroIsRecorded) {
  LatencyHistogram histogram;
  histogram.RecordMany(0, 3);
  EXPECT_EQ(histogram.count(), 3u);
  EXPECT_EQ(histogram.min(), 0u);
  EXPECT_EQ(histogram.max(), 0u);
  EXPECT_EQ(histogram.Quantile(0.5), 0.0);
  const LatencySummary summary = histogram.Summarize();
  ASSERT_EQ(summary.buckets.size(), 1u);
  EXPECT_EQ(summary.buckets[0].first, 0.0);
  EXPECT_EQ(summary.buckets[0].second, 3u);
}

// The whole uint64 range is covered, so nothing clamps: the largest values
// land in the top bucket [255 * 2^56, 2^64 - 1] and max stays exact.
TEST(LatencyHistogramTest, HugeValuesLandInTopBucket) {
  LatencyHistogram histogram;
  histogram.Record(UINT64_MAX);
  histogram.Record(std::uint64_t{1} << 63);
  histogram.Record(10);
  EXPECT_EQ(histogram.max(), UINT64_MAX);
  EXPECT_EQ(histogram.BucketCountAt(LatencyHistogram::kBucketCount - 1), 1u);
  EXPECT_EQ(histogram.Quantile(1.0), 18446744073709551615.0);
  // 2^63 lies in [2^63, 2^63 + 2^56 - 1], whose middle is 2^63 + 2^55 in doubles.
  EXPECT_EQ(histogram.Quantile(0.5), std::ldexp(1.0, 63) + std::ldexp(1.0, 55));
  // max = 2^64 - 1 becomes the double 2^64 in the summary; reading it back
  // puts it at the top of its bucket again.
  const std::optional<LatencyHistogram> rebuilt =
      LatencyHistogram::FromSummary(histogram.Summarize());
  ASSERT_TRUE(rebuilt.has_value());
  EXPECT_EQ(rebuilt->max(), UINT64_MAX);
  EXPECT_EQ(rebuilt->count(), 3u);
}

TEST(LatencyHistogramTest, SummaryHoldsQuantilesAndBuckets) {
  const LatencyHistogram histogram = HistogramOf(WideRangeData(5000, 11));
  const LatencySummary summary = histogram.Summarize();
  EXPECT_EQ(summary.count, 5000u);
  EXPECT_EQ(summary.p50, histogram.Quantile(0.5));
  EXPECT_EQ(summary.p90, histogram.Quantile(0.9));
  EXPECT_EQ(summary.p99, histogram.Quantile(0.99));
  EXPECT_EQ(summary.p999, histogram.Quantile(0.999));
  EXPECT_EQ(summary.max, static_cast<double>(histogram.max()));
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < summary.buckets.size(); ++i) {
    const auto lower = static_cast<std::uint64_t>(summary.buckets[i].first);
    EXPECT_EQ(LatencyHistogram::BucketLowerBound(LatencyHistogram::BucketIndex(lower)), lower);
    EXPECT_GT(summary.buckets[i].second, 0u);
    if (i > 0) {
      EXPECT_LT(summary.buckets[i - 1].first, summary.buckets[i].first);
    }
    total += summary.buckets[i].second;
  }
  EXPECT_EQ(total, 5000u);
}

TEST(LatencyHistogramTest, RoundTripThroughSummaryBuckets) {
  const LatencyHistogram original = HistogramOf(WideRangeData(20000, 5));
  const std::optional<LatencyHistogram> rebuilt =
      LatencyHistogram::FromSummary(original.Summarize());
  ASSERT_TRUE(rebuilt.has_value());
  EXPECT_EQ(rebuilt->count(), original.count());
  EXPECT_EQ(rebuilt->max(), original.max());
  // min is not in the summary: it becomes its bucket's lower bound.
  EXPECT_EQ(rebuilt->min(), LatencyHistogram::BucketLowerBound(
                                LatencyHistogram::BucketIndex(original.min())));
  for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i) {
    ASSERT_EQ(rebuilt->BucketCountAt(i), original.BucketCountAt(i));
  }
  for (const double q : {0.5, 0.9, 0.99, 0.999}) EXPECT_EQ(rebuilt->Quantile(q), original.Quantile(q));
}

TEST(LatencyHistogramTest, RoundTripThroughBucketsWithExtremesIsExact) {
  const LatencyHistogram original = HistogramOf(WideRangeData(3000, 9));
  const std::optional<LatencyHistogram> rebuilt = LatencyHistogram::FromBuckets(
      original.NonEmptyBuckets(), original.min(), original.max());
  ASSERT_TRUE(rebuilt.has_value());
  ExpectSameContents(*rebuilt, original);
}

TEST(LatencyHistogramTest, FromSummaryRejectsInconsistentInput) {
  LatencySummary good;
  good.count = 3;
  good.max = 299;
  good.buckets = {{10, 1}, {298, 2}};  // 298 = 149 << 1, a lower bound
  ASSERT_TRUE(LatencyHistogram::FromSummary(good).has_value());

  LatencySummary not_a_bound = good;
  not_a_bound.buckets[1].first = 299;
  EXPECT_FALSE(LatencyHistogram::FromSummary(not_a_bound).has_value());

  LatencySummary fractional = good;
  fractional.buckets[0].first = 10.5;
  EXPECT_FALSE(LatencyHistogram::FromSummary(fractional).has_value());

  LatencySummary negative = good;
  negative.buckets[0].first = -10;
  EXPECT_FALSE(LatencyHistogram::FromSummary(negative).has_value());

  LatencySummary wrong_count = good;
  wrong_count.count = 4;
  EXPECT_FALSE(LatencyHistogram::FromSummary(wrong_count).has_value());

  LatencySummary out_of_order = good;
  std::swap(out_of_order.buckets[0], out_of_order.buckets[1]);
  EXPECT_FALSE(LatencyHistogram::FromSummary(out_of_order).has_value());

  LatencySummary repeated = good;
  repeated.buckets[1].first = 10;
  EXPECT_FALSE(LatencyHistogram::FromSummary(repeated).has_value());

  LatencySummary zero_count = good;
  zero_count.buckets.push_back({1000, 0});
  EXPECT_FALSE(LatencyHistogram::FromSummary(zero_count).has_value());

  LatencySummary max_outside = good;
  max_outside.max = 5000;  // the last bucket is [298, 299]
  EXPECT_FALSE(LatencyHistogram::FromSummary(max_outside).has_value());

  LatencySummary max_nan = good;
  max_nan.max = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(LatencyHistogram::FromSummary(max_nan).has_value());

  EXPECT_FALSE(LatencyHistogram::FromBuckets({{10, 1}}, 11, 10).has_value());  // min > max
  EXPECT_FALSE(LatencyHistogram::FromBuckets({}, 0, 5).has_value());
}

}  // namespace
}  // namespace benchgate
