#include "benchgate/stats/summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

#include "stats/checks.h"
#include "stats/random.h"
#include "stats/sort.h"

namespace benchgate {
namespace {

// Below this size a copy and std::nth_element per rank is as fast as the
// sampled selection and simpler.
constexpr std::size_t kSampledSelectionMin = 1 << 16;
// Sample size of the sampled selection: large enough that the brackets hold
// ~1% of a million values, small enough to sort in well under 100 us.
constexpr std::size_t kSelectionSample = 1 << 14;
// Half-width of a bracket in binomial standard deviations of the sample
// rank: the true order statistic falls outside with probability ~5e-4 per
// side, and then one exact fallback selection runs (the answer is exact
// either way; only the time changes).
constexpr double kBracketSigmas = 3.5;
// The sample positions are random but fixed: the same input always takes the
// same path, so timings are reproducible.
constexpr std::uint64_t kSelectionSeed = 0x73656c656374ULL;  // "select"

// Exact order statistics x_(r) (0-based r, ascending) by copy + nth_element;
// after nth_element at r, [0, r) holds smaller values, so later (larger)
// ranks only search the rest.
std::vector<double> SelectBySorting(SampleView values, const std::vector<std::size_t>& ranks) {
  std::vector<double> data(values.begin(), values.end());
  std::vector<double> result;
  result.reserve(ranks.size());
  std::size_t done = 0;
  for (const std::size_t r : ranks) {
    const auto first = data.begin() + static_cast<std::ptrdiff_t>(done);
    const auto nth = data.begin() + static_cast<std::ptrdiff_t>(r);
    std::nth_element(first, nth, data.end());
    result.push_back(*nth);
    done = r + 1;
  }
  return result;
}

// A value range around one or more wanted order statistics: `below` counts
// the values under `low`, `inside` collects the values in [low, high].
struct Bracket {
  double low = 0, high = 0;
  std::size_t below = 0;
  std::vector<double> inside;
  std::vector<std::size_t> ranks;
};

// Brackets from a sorted random sample (Floyd and Rivest's idea): the rank of
// x_(r) in a sample of s is about r s / n, give or take a binomial spread.
// Overlapping brackets merge, so every value falls in at most one.
std::vector<Bracket> BracketsFromSample(SampleView values, const std::vector<std::size_t>& ranks) {
  Xoshiro256 rng(kSelectionSeed);
  std::vector<double> sample(kSelectionSample);
  for (double& v : sample) v = values[rng.Below(values.size())];
  SortDoubles(sample);
  const double n = static_cast<double>(values.size());
  const double s = static_cast<double>(sample.size());
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<Bracket> brackets;
  for (const std::size_t r : ranks) {
    const double p = (static_cast<double>(r) + 0.5) / n;
    const double centre = p * s;
    const double half = std::ceil(kBracketSigmas * std::sqrt(s * p * (1.0 - p))) + 1.0;
    const double lo_index = std::floor(centre - half);
    const double hi_index = std::ceil(centre + half);
    const double low = lo_index < 0 ? -kInfinity : sample[static_cast<std::size_t>(lo_index)];
    const double high = hi_index >= s ? kInfinity : sample[static_cast<std::size_t>(hi_index)];
    if (!brackets.empty() && low <= brackets.back().high) {
      brackets.back().high = std::max(brackets.back().high, high);
    } else {
      brackets.push_back(Bracket{low, high, 0, {}, {}});
    }
    brackets.back().ranks.push_back(r);
  }
  return brackets;
}

// Fills `below` and `inside` of up to kGroup brackets in two passes written
// for speed: the counting pass has no branch (half the values lie below a
// median bracket: a branch would mispredict half the time) and keeps
// kGroup independent counters, so the comparisons overlap; the collecting
// pass tests a bracket with one unsigned comparison of the order-preserving
// integer images (sort.h), so its only branch is the rare "inside".
constexpr std::size_t kGroup = 4;

void FillGroup(SampleView values, Bracket* group, std::size_t size) {
  std::array<double, kGroup> lows;
  std::array<std::uint64_t, kGroup> starts, widths;
  for (std::size_t j = 0; j < kGroup; ++j) {
    const Bracket& b = group[std::min(j, size - 1)];  // padding repeats the last one
    lows[j] = b.low;
    starts[j] = OrderedBits(b.low);
    widths[j] = OrderedBits(b.high) - starts[j];
  }
  std::array<std::size_t, kGroup> below{};
  for (const double v : values) {
    for (std::size_t j = 0; j < kGroup; ++j) below[j] += static_cast<std::size_t>(v < lows[j]);
  }
  std::vector<double> inside;
  for (const double v : values) {
    const std::uint64_t key = OrderedBits(v);
    bool in = false;
    for (std::size_t j = 0; j < kGroup; ++j) in |= key - starts[j] <= widths[j];
    if (in) inside.push_back(v);
  }
  for (std::size_t j = 0; j < size; ++j) {
    group[j].below = below[j];
    for (const double v : inside) {
      if (v >= group[j].low && v <= group[j].high) group[j].inside.push_back(v);
    }
  }
}

void FillBrackets(SampleView values, std::vector<Bracket>& brackets) {
  for (std::size_t first = 0; first < brackets.size(); first += kGroup) {
    FillGroup(values, brackets.data() + first, std::min(kGroup, brackets.size() - first));
  }
}

// Exact order statistics in two passes over the data plus selections inside
// small brackets; falls back to SelectBySorting when the sample misled a
// bracket (a wanted rank outside it).
std::vector<double> SelectBySampling(SampleView values, const std::vector<std::size_t>& ranks) {
  std::vector<Bracket> brackets = BracketsFromSample(values, ranks);
  FillBrackets(values, brackets);
  std::vector<double> result;
  result.reserve(ranks.size());
  for (Bracket& b : brackets) {
    for (const std::size_t r : b.ranks) {
      if (r < b.below || r - b.below >= b.inside.size()) return SelectBySorting(values, ranks);
    }
    std::vector<std::size_t> local(b.ranks.size());
    for (std::size_t i = 0; i < local.size(); ++i) local[i] = b.ranks[i] - b.below;
    for (const double v : SelectBySorting(b.inside, local)) result.push_back(v);
  }
  return result;
}

// Exact order statistics at sorted, distinct 0-based ranks.
std::vector<double> SelectRanks(SampleView values, const std::vector<std::size_t>& ranks) {
  if (values.size() < kSampledSelectionMin) return SelectBySorting(values, ranks);
  return SelectBySampling(values, ranks);
}

// Type-7 percentiles (percentile.h) of finite, non-empty values: the two
// order statistics around h = (n - 1) q, interpolated.
std::vector<double> Type7(SampleView values, SampleView probabilities) {
  const std::size_t n = values.size();
  std::vector<std::size_t> ranks;
  for (const double probability : probabilities) {
    const double h = static_cast<double>(n - 1) * std::clamp(probability, 0.0, 1.0);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    ranks.push_back(lo);
    if (lo + 1 < n) ranks.push_back(lo + 1);
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  const std::vector<double> selected = SelectRanks(values, ranks);
  const auto at = [&](std::size_t rank) {
    return selected[static_cast<std::size_t>(
        std::lower_bound(ranks.begin(), ranks.end(), rank) - ranks.begin())];
  };
  std::vector<double> result;
  result.reserve(probabilities.size());
  for (const double probability : probabilities) {
    const double h = static_cast<double>(n - 1) * std::clamp(probability, 0.0, 1.0);
    const double lo_index = std::floor(h);
    const auto lo = static_cast<std::size_t>(lo_index);
    const double lower = at(lo);
    const double fraction = h - lo_index;
    // Same expression as QuantileOfSorted, so both agree to the last bit.
    result.push_back(lo + 1 < n ? lower + fraction * (at(lo + 1) - lower) : lower);
  }
  return result;
}

// Two-pass mean and variance: stable for times that share many digits (a
// one-pass sum of squares loses them all at 1e9 + small).
void MeanAndStddev(SampleView values, Summary& s) {
  double sum = 0;
  for (const double v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  double squares = 0;
  for (const double v : values) squares += (v - s.mean) * (v - s.mean);
  s.stddev = std::sqrt(squares / static_cast<double>(values.size() - 1));
  // The CV is a ratio to the mean: undefined at mean 0, reported as 0 there
  // (documented in summary.h) rather than infinity.
  s.cv = s.mean != 0 ? s.stddev / std::fabs(s.mean) : 0;
}

}  // namespace

std::vector<double> Percentiles(SampleView values, SampleView probabilities) {
  if (values.empty() || !AllFinite(values)) return {};
  return Type7(values, probabilities);
}

Summary Summarize(SampleView values) {
  Summary s;
  s.n = values.size();
  if (values.empty()) return s;
  if (!AllFinite(values)) {
    s.status = StatStatus::kNonFinite;
    return s;
  }
  const auto [min, max] = std::minmax_element(values.begin(), values.end());
  s.min = *min;
  s.max = *max;
  s.all_equal = s.min == s.max;
  static constexpr double kProbabilities[] = {0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
  const std::vector<double> p = Type7(values, kProbabilities);
  s.q1 = p[0];
  s.median = s.p50 = p[1];
  s.q3 = p[2];
  s.p90 = p[3];
  s.p95 = p[4];
  s.p99 = p[5];
  s.iqr = s.q3 - s.q1;
  if (values.size() == 1) {
    s.mean = s.min;
    s.status = StatStatus::kTooFew;
    return s;
  }
  MeanAndStddev(values, s);
  std::vector<double> deviations(values.begin(), values.end());
  for (double& v : deviations) v = std::fabs(v - s.median);
  static constexpr double kHalf[] = {0.5};
  s.mad = Type7(deviations, kHalf)[0];
  s.mad_scaled = kMadToSigma * s.mad;
  s.status = StatStatus::kOk;
  return s;
}

}  // namespace benchgate
