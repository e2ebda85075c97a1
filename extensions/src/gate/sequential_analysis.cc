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

// The "unchanged" half: the one-sided sign test rejects "the median round
// is at or beyond the tolerance in the worse direction" (RepeatedSignTest:
// a round beyond the limit costs one count however far beyond, so a burst
// over a whole process does not keep a benchmark open).
struct NoRegression {
  bool shown = false;
  std::size_t rounds = 0, below = 0;  // rounds, and those short of the limit
};

NoRegression NoRegressionOf(const std::vector<double>& log_ratios, const RepeatedSignTest& looks,
                            double level, double tolerance, bool higher_is_better) {
  NoRegression r;
  r.rounds = log_ratios.size();
  const double limit =
      higher_is_better ? std::log1p(-std::min(tolerance, 0.99)) : std::log1p(tolerance);
  std::size_t beyond = 0;
  for (const double d : log_ratios) beyond += (higher_is_better ? d <= limit : d >= limit) ? 1 : 0;
  r.below = r.rounds - beyond;
  const int most = looks.MostBeyond(r.rounds, level);
  r.shown = most >= 0 && beyond <= static_cast<std::size_t>(most);
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

enum class Look { kDecided, kOpen, kClosed };

// Round `index` (0-based) holds the benchmark.
bool MeasuredIn(const std::vector<RunData>& rounds, std::size_t index, const BenchmarkAnalysis& b) {
  const std::vector<SampleSet>& sets = rounds[index].benchmarks;
  return std::any_of(sets.begin(), sets.end(),
                     [&](const SampleSet& set) { return set.name == b.samples.name; });
}

Look JudgeLook(const BenchmarkAnalysis& b, const NoRegression& no_regression) {
  if (!b.comparison) return Look::kClosed;
  switch (b.status) {
    case VerdictStatus::kRegression:
    case VerdictStatus::kImprovement:
    case VerdictStatus::kBudgetExceeded:
      return Look::kDecided;
    case VerdictStatus::kUnchanged:
      return no_regression.shown ? Look::kDecided : Look::kOpen;
    case VerdictStatus::kInconclusive:
      return b.more_helps ? Look::kOpen : Look::kClosed;
    default:
      return Look::kClosed;
  }
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
  std::map<std::string, std::vector<double>> ratios;
  look.seen = [&](const std::string& name, const std::vector<double>& d) { ratios[name] = d; };
  const auto no_regression = [&](const BenchmarkAnalysis& b) {
    const auto it = ratios.find(b.samples.name);
    if (!b.comparison || it == ratios.end()) return NoRegression{};
    return NoRegressionOf(it->second, looks, one_sided, b.comparison->tolerance,
                          config.higher_is_better);
  };

  const std::size_t rounds = std::min({baseline_rounds.size(), candidate_rounds.size(), last});
  SequentialState fresh;
  SequentialState& s = state != nullptr ? *state : fresh;
  const auto analyse = [&](std::size_t k, bool report) {
    ratios.clear();
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
      Look outcome = JudgeLook(b, no_regression(b));
      // The rounds go on without it: whoever ran them stopped it here (the
      // shard of a CI matrix that judged its own benchmarks).
      if (outcome == Look::kOpen && k < rounds && !MeasuredIn(baseline_rounds, k, b) &&
          !MeasuredIn(candidate_rounds, k, b)) {
        outcome = Look::kDecided;
      }
      if (outcome == Look::kDecided) s.decided[b.samples.name] = k;
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
    const NoRegression e = no_regression(b);
    const Look outcome = JudgeLook(b, e);
    b.look_round = static_cast<int>(it != s.decided.end() ? it->second : k);
    b.decided_early = it != s.decided.end() && it->second < last;
    b.open = it == s.decided.end() && outcome == Look::kOpen && k < last;
    const bool decided = b.decided_early && outcome == Look::kDecided;
    if (decided && b.status == VerdictStatus::kUnchanged) {
      b.reasons.push_back(NoRegressionReason(b.look_round, suite.last_look, e.below, e.rounds,
                                             b.comparison->tolerance, kFalseQuiet,
                                             config.higher_is_better));
    } else if (decided) {
      b.reasons.push_back(DecidedEarlyReason(b.look_round, suite.last_look));
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
