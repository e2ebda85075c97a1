#include "gate/sequential_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "gate/reasons.h"
#include "stats/repeated_sign_test.h"

namespace benchgate {
namespace {

using DecidedAt = std::map<std::string, std::size_t>;

// The first `k` rounds, each benchmark only up to the round that decided it.
std::vector<RunData> Cut(const std::vector<RunData>& rounds, std::size_t k,
                         const DecidedAt& decided) {
  std::vector<RunData> cut(rounds.begin(), rounds.begin() + static_cast<std::ptrdiff_t>(k));
  for (std::size_t r = 0; r < k; ++r) {
    std::vector<SampleSet>& sets = cut[r].benchmarks;
    sets.erase(std::remove_if(sets.begin(), sets.end(),
                              [&](const SampleSet& set) {
                                const auto it = decided.find(set.name);
                                return it != decided.end() && it->second < r + 1;
                              }),
               sets.end());
  }
  return cut;
}

// What a benchmark's rounds so far say about how its looks can end.
struct RoundCounts {
  std::size_t rounds = 0;
  std::size_t beyond = 0;  // beyond the tolerance in the worse direction
  // The "unchanged" half: the one-sided sign test rejects "the median round
  // is at or beyond the tolerance in the worse direction" (RepeatedSignTest:
  // a round beyond the limit costs one count however far beyond, so a burst
  // over a whole process does not keep a benchmark open).
  bool no_regression = false;
  // No look up to the last could decide it (Undecidable).
  bool undecidable = false;
  // Not beyond the margin upwards, and not beyond it downwards.
  std::size_t short_up = 0, short_down = 0;
  std::size_t short_of_margin = 0;  // of the two, the worse direction's
};

// Curtailment: a look finds a regression only when its interval,
// [x_(k+1), x_(n-k)] of the sorted rounds, clears the margin, so at most k
// rounds lie short of it, and k grows with n up to k_last at the last look;
// an improvement likewise on the other side. "Unchanged" stops only with at
// most MostBeyond(n) rounds beyond the tolerance, which grows with n too.
// Once more than k_last rounds lie short of the margin on both sides and
// more than MostBeyond(last) beyond the tolerance, the remaining rounds
// cannot make any look decide: the benchmark stops and is judged as it
// stands, as at the last look. Such a stop never rejects, so it spends
// none of the false-alarm rate and loses no power; it spares the rounds of
// a benchmark whose round-to-round scatter is wider than the tolerance
// (memcpy placement in the calibration suite). Not with budget limits:
// more rounds may still break one.
bool Undecidable(const RoundCounts& counts, const RepeatedSignTest& looks, double nominal,
                 double one_sided) {
  const int k_last = looks.MostBeyond(looks.last(), nominal / 2);
  const int most_beyond = looks.MostBeyond(looks.last(), one_sided);
  const auto more = [](std::size_t count, int most) {
    return most < 0 || count > static_cast<std::size_t>(most);
  };
  return more(counts.short_up, k_last) && more(counts.short_down, k_last) &&
         more(counts.beyond, most_beyond);
}

RoundCounts CountsOf(const std::vector<double>& log_ratios, bool has_limits,
                     const RepeatedSignTest& looks, double nominal, double one_sided,
                     double tolerance, double margin, bool higher_is_better) {
  RoundCounts r;
  r.rounds = log_ratios.size();
  const double limit =
      higher_is_better ? std::log1p(-std::min(tolerance, 0.99)) : std::log1p(tolerance);
  const double up = std::log1p(margin);
  const double down = std::log1p(-std::min(margin, 0.99));
  for (const double d : log_ratios) {
    r.beyond += (higher_is_better ? d <= limit : d >= limit) ? 1 : 0;
    r.short_up += d <= up ? 1 : 0;
    r.short_down += d >= down ? 1 : 0;
  }
  r.short_of_margin = higher_is_better ? r.short_down : r.short_up;
  const int most = looks.MostBeyond(r.rounds, one_sided);
  r.no_regression = most >= 0 && r.beyond <= static_cast<std::size_t>(most);
  r.undecidable =
      !has_limits && r.rounds >= looks.first() && Undecidable(r, looks, nominal, one_sided);
  return r;
}

// The median round with its repeated interval at the nominal level. Before
// the level is attainable (too few rounds), from kMinPairedRounds on, the
// widest interval there is, [min, max]: such a look cannot be significant
// (its repeated p-value is above the level too), but it shows the size.
OneSampleShift SizeOf(const std::vector<double>& log_ratios, double nominal) {
  MedianInterval median = SignTestInterval(log_ratios, 1 - nominal);
  if (median.status == StatStatus::kTooFew && log_ratios.size() >= kMinPairedRounds) {
    median =
        SignTestInterval(log_ratios, 1 - std::ldexp(2.0, -static_cast<int>(log_ratios.size())));
  }
  OneSampleShift shift;
  shift.status = median.status;
  shift.estimate = median.median;
  shift.lower = median.lower;
  shift.upper = median.upper;
  shift.coverage = median.coverage;
  shift.exact = true;
  return shift;
}

// kStopped: open, but no later look could decide it (Undecidable).
enum class Look { kDecided, kStopped, kOpen, kClosed };

// Round `index` (0-based) holds the benchmark.
bool MeasuredIn(const std::vector<RunData>& rounds, std::size_t index, const BenchmarkAnalysis& b) {
  const std::vector<SampleSet>& sets = rounds[index].benchmarks;
  return std::any_of(sets.begin(), sets.end(),
                     [&](const SampleSet& set) { return set.name == b.samples.name; });
}

Look JudgeOpen(const BenchmarkAnalysis& b, const RoundCounts& counts) {
  if (!b.comparison) return Look::kClosed;
  switch (b.status) {
    case VerdictStatus::kRegression:
    case VerdictStatus::kImprovement:
    case VerdictStatus::kBudgetExceeded:
      return Look::kDecided;
    case VerdictStatus::kUnchanged:
      return counts.no_regression ? Look::kDecided : Look::kOpen;
    case VerdictStatus::kInconclusive:
      return b.more_helps ? Look::kOpen : Look::kClosed;
    default:
      return Look::kClosed;
  }
}

Look JudgeLook(const BenchmarkAnalysis& b, const RoundCounts& counts) {
  const Look look = JudgeOpen(b, counts);
  return look == Look::kOpen && counts.undecidable ? Look::kStopped : look;
}

}  // namespace

SuiteAnalysis AnalyzeSequential(const std::vector<RunData>& baseline_rounds,
                                const std::vector<RunData>& candidate_rounds,
                                const AnalysisConfig& config, const SequentialDesign& design,
                                SequentialState* state) {
  const std::size_t last = std::clamp<std::size_t>(design.last_look, 1, kMaxLooks);
  const std::size_t first = std::clamp<std::size_t>(design.first_look, 1, last);
  const RepeatedSignTest& looks = RepeatedSignTest::For(first, last);
  const double nominal = looks.TwoSidedNominal(1 - config.ci_level);
  const double one_sided = looks.OneSidedNominal(kFalseQuiet);
  PairedLook look;
  look.interval = [&](const std::vector<double>& d) { return SizeOf(d, nominal); };
  look.p_method = "sign-sequential";
  look.p_value = [&](const std::vector<double>& d) { return looks.RepeatedP(d); };
  struct Seen {
    std::vector<double> ratios;
    bool has_limits = false;
  };
  std::map<std::string, Seen> seen;
  look.seen = [&](const std::string& name, const std::vector<double>& d, bool has_limits) {
    seen[name] = Seen{d, has_limits};
  };
  const auto counts_of = [&](const BenchmarkAnalysis& b) {
    const auto it = seen.find(b.samples.name);
    if (!b.comparison || it == seen.end()) return RoundCounts{};
    const double tolerance = b.comparison->tolerance;
    return CountsOf(it->second.ratios, it->second.has_limits, looks, nominal, one_sided, tolerance,
                    config.ci_margin * tolerance, config.higher_is_better);
  };

  const std::size_t rounds = std::min({baseline_rounds.size(), candidate_rounds.size(), last});
  SequentialState fresh;
  SequentialState& s = state != nullptr ? *state : fresh;
  const auto analyse = [&](std::size_t k, bool report) {
    seen.clear();
    look.all_samples_test = report;
    return AnalyzeProcessesAt(Cut(baseline_rounds, k, s.decided),
                              Cut(candidate_rounds, k, s.decided), config, look);
  };
  // Looks before the first decide nothing; looks already taken (the state)
  // are not taken again.
  std::size_t k = std::max(std::min(first, rounds), std::min(s.looked + 1, rounds));
  for (;; ++k) {
    const SuiteAnalysis suite = analyse(k, false);
    bool open = false;
    for (const BenchmarkAnalysis& b : suite.benchmarks) {
      if (s.decided.count(b.samples.name) > 0) continue;
      Look outcome = JudgeLook(b, counts_of(b));
      // The rounds go on without it: whoever ran them stopped it here (the
      // shard of a CI matrix that judged its own benchmarks).
      if (outcome == Look::kOpen && k < rounds && !MeasuredIn(baseline_rounds, k, b) &&
          !MeasuredIn(candidate_rounds, k, b)) {
        outcome = Look::kDecided;
      }
      if (outcome == Look::kDecided || outcome == Look::kStopped) s.decided[b.samples.name] = k;
      open = open || (outcome == Look::kOpen && k < last);
    }
    s.looked = std::max(s.looked, k);
    if (!open || k >= rounds) break;
  }
  // The last look again, with the all-samples test for the report.
  SuiteAnalysis suite = analyse(k, true);
  suite.last_look = static_cast<int>(last);
  for (BenchmarkAnalysis& b : suite.benchmarks) {
    if (!b.comparison) continue;
    const auto it = s.decided.find(b.samples.name);
    const RoundCounts e = counts_of(b);
    const Look outcome = JudgeLook(b, e);
    b.look_round = static_cast<int>(it != s.decided.end() ? it->second : k);
    b.decided_early = it != s.decided.end() && it->second < last;
    b.open = it == s.decided.end() && outcome == Look::kOpen && k < last;
    const bool decided = b.decided_early && outcome == Look::kDecided;
    if (decided && b.status == VerdictStatus::kUnchanged) {
      b.reasons.push_back(NoRegressionReason(b.look_round, suite.last_look, e.rounds - e.beyond,
                                             e.rounds, b.comparison->tolerance, kFalseQuiet,
                                             config.higher_is_better));
    } else if (decided) {
      b.reasons.push_back(DecidedEarlyReason(b.look_round, suite.last_look));
    } else if (b.decided_early && outcome == Look::kStopped) {
      const double tolerance = b.comparison->tolerance;
      b.reasons.push_back(
          CannotDecideReason(b.look_round, suite.last_look, e.rounds, e.beyond, e.short_of_margin,
                             tolerance, config.ci_margin * tolerance, config.higher_is_better));
    } else if (b.open || b.decided_early) {
      // Open when the rounds ended, or no longer measured though no look of
      // this judgment decided it (its shard's own looks did).
      b.reasons.push_back(StillOpenReason(b.look_round, suite.last_look));
    }
  }
  return suite;
}

std::vector<std::string> OpenBenchmarks(const SuiteAnalysis& suite) {
  std::vector<std::string> names;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    if (b.open) names.push_back(b.samples.name);
  }
  return names;
}

}  // namespace benchgate
