#include "benchgate/stats/summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>

#include "stats/bracket_pass.h"
#include "stats/checks.h"
#include "stats/random.h"
#include "stats/sort.h"

namespace benchgate {
namespace {

// Below this size a copy and std::nth_element per rank is as fast as the
// sampled selection and simpler. The values inside brackets are selected
// the same way again when there are at least this many.
constexpr std::size_t kSampledSelectionMin = 1 << 13;
// The sample is sorted on the 33 highest bits in which its values differ
// (3 radix passes instead of 6): bracket bounds off by 2^-33 of the
// sample's range serve as well, since the pass counts exactly.
constexpr int kSampleSortBits = 33;
// Neighbouring brackets closer than this share of the sample become one:
// each bracket costs the pass over all n values about as much as selecting
// among 10% of them (measured on a million values: 0.92 ms against 0.96 ms
// at 2% and 0.98 ms at 15%).
constexpr double kMergeGap = 0.1;
// A sample that misled a bracket is drawn again with another seed this many
// times before a plain selection of all values runs.
constexpr int kSelectionAttempts = 3;
// Levels of selection inside brackets at most (each at least shrinks the
// values; a level costs a sample and one pass over the values inside).
constexpr std::size_t kMaxSelectionDepth = 16;
// Half-width of a bracket in binomial standard deviations of the sample
// rank: the true order statistic falls outside with probability ~1.3e-3 per
// side, and then the sample is drawn again (the answer is exact either way;
// only the time changes). 3.5 and 4 cost 10-20% more on a million values.
constexpr double kBracketSigmas = 3.0;
// The sample positions are random but fixed: the same input always takes the
// same path, so timings are reproducible.
constexpr std::uint64_t kSelectionSeed = 0x73656c656374ULL;  // "select"

// Exact order statistics x_(r) (0-based r, ascending) of [first, last),
// appended to `result`. After nth_element at r, [first, r) holds smaller
// values, so later (larger) ranks only search the rest, and the next rank
// r + 1 (type 7 asks for pairs) is the minimum of the rest.
void SelectInPlace(double* first, double* last, const std::vector<std::size_t>& ranks,
                   std::vector<double>& result) {
  std::size_t done = 0;
  for (const std::size_t r : ranks) {
    double* const nth = first + r;
    if (r == done && done > 0) {
      std::iter_swap(nth, std::min_element(nth, last));
    } else {
      std::nth_element(first + done, nth, last);
    }
    result.push_back(*nth);
    done = r + 1;
  }
}

std::vector<double> SelectBySorting(SampleView values, const std::vector<std::size_t>& ranks) {
  std::vector<double> data(values.begin(), values.end());
  std::vector<double> result;
  result.reserve(ranks.size());
  SelectInPlace(data.data(), data.data() + data.size(), ranks, result);
  return result;
}

// Sample size: a fraction of n^(2/3) (Floyd and Rivest's rule), which
// balances sorting the sample against the values inside the brackets it
// gives (their share falls as 1/sqrt(s)), but at least n/8 up to 4 Ki: the
// deeper levels select up to eight ranks at once from a few ten thousand
// values, and n^(2/3) brackets them so loosely that the values barely shrink.
// Measured on a million values (bench/stats_descriptive_bench.cc): 0.80 ms,
// against 1.03 ms with n^(2/3) alone and 0.87 ms with n/8 up to 2 Ki.
std::size_t SampleSize(std::size_t n) {
  constexpr double kScale = 0.4;
  constexpr double kMin = 1 << 8;
  constexpr double kMax = 1 << 14;
  constexpr double kFloorMax = 1 << 12;
  const double root = std::cbrt(static_cast<double>(n));
  const double floor = std::min(static_cast<double>(n) / 8, kFloorMax);
  return static_cast<std::size_t>(std::clamp(std::max(kScale * root * root, floor), kMin, kMax));
}

// A value range [low, high] around one or more wanted order statistics, and
// the share of the values the sample expects inside it.
struct Bracket {
  double low = 0, high = 0;
  double expected_share = 0;
  std::vector<std::size_t> ranks;
};

// Brackets from a sorted random sample (Floyd and Rivest's idea): the rank of
// x_(r) in a sample of s is about r s / n, give or take a binomial spread.
// Overlapping or close brackets merge, so every value falls in at most one.
std::vector<Bracket> BracketsFromSample(SampleView values, const std::vector<std::size_t>& ranks,
                                        std::uint64_t seed) {
  Xoshiro256 rng(seed);
  std::vector<double> sample(SampleSize(values.size()));
  for (double& v : sample) v = values[rng.Below(values.size())];
  SortDoubles(sample, kSampleSortBits);
  const double n = static_cast<double>(values.size());
  const double s = static_cast<double>(sample.size());
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<Bracket> brackets;
  double last_hi_index = 0;
  for (const std::size_t r : ranks) {
    const double p = (static_cast<double>(r) + 0.5) / n;
    const double centre = p * s;
    const double half = std::ceil(kBracketSigmas * std::sqrt(s * p * (1.0 - p))) + 1.0;
    const double lo_index = std::max(std::floor(centre - half), -1.0);
    const double hi_index = std::min(std::ceil(centre + half), s);
    double low = lo_index < 0 ? -kInfinity : sample[static_cast<std::size_t>(lo_index)];
    double high = hi_index >= s ? kInfinity : sample[static_cast<std::size_t>(hi_index)];
    // The partial sort may leave two nearly equal values out of order.
    if (high < low) std::swap(low, high);
    if (!brackets.empty() &&
        (low <= brackets.back().high || lo_index - last_hi_index < kMergeGap * s)) {
      brackets.back().high = std::max(brackets.back().high, high);
    } else {
      brackets.push_back(Bracket{low, high, 0, {}});
    }
    last_hi_index = std::max(hi_index, last_hi_index);
    brackets.back().ranks.push_back(r);
  }
  // The share expected inside, counted by value: with ties a bracket can
  // hold far more than its span of sample positions (all of it when every
  // value is equal).
  for (Bracket& b : brackets) {
    const auto inside = std::count_if(sample.begin(), sample.end(),
                                      [&](double v) { return v >= b.low && v <= b.high; });
    b.expected_share = static_cast<double>(inside) / s;
  }
  return brackets;
}

std::vector<double> SelectRanks(SampleView values, const std::vector<std::size_t>& ranks,
                                std::size_t depth);

// Buffers for the passes, one pair per level of selection, kept per thread
// between calls: the page faults of fresh buffers cost as much as the rest
// of the selection. Released after a call when over kScratchKeep.
struct ScratchLevel {
  std::vector<double> inside, counting;
};
constexpr std::size_t kScratchKeep = std::size_t{1} << 19;  // doubles: 4 MiB

std::vector<ScratchLevel>& ScratchLevels() {
  thread_local std::vector<ScratchLevel> levels;
  return levels;
}

// The caller must not hold the reference across a call at a deeper level,
// which may grow the list (the buffers themselves never move).
ScratchLevel& Scratch(std::size_t depth) {
  std::vector<ScratchLevel>& levels = ScratchLevels();
  if (levels.size() <= depth) levels.resize(depth + 1);
  return levels[depth];
}

void TrimScratch() {
  for (ScratchLevel& level : ScratchLevels()) {
    if (level.inside.size() > kScratchKeep) std::vector<double>().swap(level.inside);
    if (level.counting.size() > kScratchKeep) std::vector<double>().swap(level.counting);
  }
}

// Exact order statistics of up to kMaxPassBrackets brackets from one pass:
// false when the sample misled a bracket (a wanted rank outside it, or far
// more values inside than expected); `finite` reports non-finite values.
bool SelectInGroup(SampleView values, const Bracket* group, std::size_t size, std::size_t depth,
                   bool& finite, std::vector<double>& result) {
  PassBrackets b;
  b.count = size;
  double share = 0;
  for (std::size_t j = 0; j < size; ++j) {
    b.low[j] = group[j].low;
    b.high[j] = group[j].high;
    share += group[j].expected_share;
  }
  // Twice the expected count: a sample that far off is rare, and then the
  // sample is drawn again.
  const auto capacity =
      static_cast<std::size_t>(2 * share * static_cast<double>(values.size())) + 4096;
  ScratchLevel& scratch = Scratch(depth);
  const PassResult pass = RunBracketPass(values, b, capacity, scratch.inside);
  if (pass.overflow) return false;
  finite = pass.all_finite;
  if (!finite) return true;
  // The values inside are selected from again, all brackets at once: the
  // rank of x_(r) among them is r less the values outside below its
  // bracket, which one more pass over the (few, cached) values inside
  // counts. No bracket has values inside: its lows alone are compared.
  PassBrackets lows = b;
  lows.high.fill(std::numeric_limits<double>::quiet_NaN());
  const SampleView inside(scratch.inside.data(), pass.inside_count);
  const PassResult within = RunBracketPass(inside, lows, 0, scratch.counting);
  // A bracket of one value (ties) holds its ranks' answer already: only the
  // others are selected among the values inside.
  std::vector<std::size_t> local;
  for (std::size_t j = 0; j < size; ++j) {
    const std::size_t outside_below = pass.below[j] - within.below[j];
    const std::size_t next = j + 1 < size ? within.below[j + 1] : pass.inside_count;
    const std::size_t end = pass.below[j] + (next - within.below[j]);  // past bracket j
    for (const std::size_t r : group[j].ranks) {
      if (r < pass.below[j] || r >= end) return false;
      if (b.low[j] != b.high[j]) local.push_back(r - outside_below);
    }
  }
  // Recursing only while the values shrink, and at most kMaxSelectionDepth
  // levels deep, bounds the work (a bracket can span nearly everything, e.g.
  // for many close ranks); even a slow shrink beats std::nth_element.
  const bool shrank = pass.inside_count < values.size() && depth < kMaxSelectionDepth;
  std::vector<double> selected;
  if (!local.empty()) {
    selected = shrank ? SelectRanks(inside, local, depth + 1) : SelectBySorting(inside, local);
  }
  auto next_selected = selected.begin();
  for (std::size_t j = 0; j < size; ++j) {
    for (std::size_t k = 0; k < group[j].ranks.size(); ++k) {
      result.push_back(b.low[j] == b.high[j] ? b.low[j] : *next_selected++);
    }
  }
  return true;
}

// Exact order statistics from one pass over the data per four brackets plus
// selections inside them; empty when a value is not finite, false when the
// sample misled a bracket.
bool SelectBySampling(SampleView values, const std::vector<std::size_t>& ranks, std::uint64_t seed,
                      std::size_t depth, std::vector<double>& result) {
  const std::vector<Bracket> brackets = BracketsFromSample(values, ranks, seed);
  result.clear();
  result.reserve(ranks.size());
  for (std::size_t first = 0; first < brackets.size(); first += kMaxPassBrackets) {
    const std::size_t size = std::min(kMaxPassBrackets, brackets.size() - first);
    bool finite = true;
    if (!SelectInGroup(values, brackets.data() + first, size, depth, finite, result)) return false;
    if (!finite) {
      result.clear();
      return true;
    }
  }
  return true;
}

// Exact order statistics at sorted, distinct 0-based ranks; empty when a
// value is not finite (only checked here from kSampledSelectionMin up, where
// the pass checks it for free; callers check smaller inputs themselves).
std::vector<double> SelectRanks(SampleView values, const std::vector<std::size_t>& ranks,
                                std::size_t depth) {
  if (values.size() < kSampledSelectionMin) return SelectBySorting(values, ranks);
  std::vector<double> result;
  for (int attempt = 0; attempt < kSelectionAttempts; ++attempt) {
    const std::uint64_t seed = kSelectionSeed + static_cast<std::uint64_t>(attempt);
    if (SelectBySampling(values, ranks, seed, depth, result)) return result;
  }
  if (!AllFinite(values)) return {};
  return SelectBySorting(values, ranks);
}

std::vector<double> SelectRanks(SampleView values, const std::vector<std::size_t>& ranks) {
  std::vector<double> result = SelectRanks(values, ranks, 0);
  TrimScratch();
  return result;
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
  if (selected.size() != ranks.size()) return {};  // a value is not finite
  const auto at = [&](std::size_t rank) {
    return selected[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), rank) -
                                             ranks.begin())];
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
  if (values.empty()) return {};
  // Large inputs are checked by the selection's own pass over the data.
  if (values.size() < kSampledSelectionMin && !AllFinite(values)) return {};
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
