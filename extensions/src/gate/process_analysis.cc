#include "gate/process_analysis.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "benchgate/stats/effect_size.h"
#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/percentile.h"
#include "gate/adaptive.h"
#include "gate/match_by_name.h"
#include "gate/process_pairing.h"
#include "gate/reasons.h"
#include "gate/verdict_rules.h"
#include "stats/signed_rank.h"

namespace benchgate {
namespace {

Comparison Compare(const Pairing& p, const AnalysisConfig& config, const PairedLook& look,
                   double tolerance) {
  Comparison c;
  c.baseline_n = p.before.size();
  c.candidate_n = p.after.size();
  c.baseline_median = Median(p.before_centres);
  c.candidate_median = Median(p.after_centres);
  c.change = c.baseline_median > 0 ? c.candidate_median / c.baseline_median - 1 : 0;
  const RelativeChange change =
      RelativeChangeOfMedians(p.before_centres, p.after_centres, config.ci_level);
  c.change_status = change.status;
  c.change_lo = change.lower;
  c.change_hi = change.upper;

  const OneSampleShift shift = look.interval ? look.interval(p.log_ratios)
                                             : HodgesLehmannOneSample(p.log_ratios, look.level);
  c.shift_status = shift.status;
  if (shift.status == StatStatus::kOk) {
    c.shift = std::expm1(shift.estimate);
    c.shift_lo = std::expm1(shift.lower);
    c.shift_hi = std::expm1(shift.upper);
  }
  if (look.p_value) {
    c.p_value = look.p_value(p.log_ratios);
    c.p_method = look.p_method;
  } else {
    const SignedRankResult test = SignedRankTest(p.log_ratios);
    c.p_value = test.p_value;
    c.p_method = std::string("signed-rank-") + SignedRankMethodName(test.method);
  }
  c.p_adjusted = c.p_value;
  if (look.all_samples_test) {
    const MannWhitneyResult all =
        MannWhitneyU(p.before, p.after, Alternative::kTwoSided, config.p_method);
    c.p_value_all = all.p_value;
    c.p_method_all = MannWhitneyMethodName(all.method);
  }
  c.tolerance = tolerance;
  c.baseline_set_aside = p.before_set_aside;
  c.candidate_set_aside = p.after_set_aside;
  c.candidate_rounds = p.log_ratios.size();
  c.baseline_spread = Median(p.before_spreads);
  c.candidate_spread = Median(p.after_spreads);
  c.baseline_majority = 2 * p.before_majority > p.log_ratios.size();
  c.candidate_majority = 2 * p.after_majority > p.log_ratios.size();
  return c;
}

// Every round measures both sides again: more rounds can settle any
// benchmark whose samples are the problem, whichever side is noisy.
bool MoreRoundsHelp(const BenchmarkAnalysis& b) {
  if (b.status != VerdictStatus::kInconclusive) return false;
  switch (b.undecided) {
    case Undecided::kTooFew:
    case Undecided::kUnstable:
    case Undecided::kStraddles:
    case Undecided::kBudgetUncertain:
      return true;
    case Undecided::kNone:
    case Undecided::kOptimisedAway:
    case Undecided::kNoBaseline:
    case Undecided::kNondeterministic:
    case Undecided::kNotCounted:
    case Undecided::kMachineSpeed:
      return false;
  }
  return false;
}

}  // namespace

SuiteAnalysis AnalyzeProcesses(const std::vector<RunData>& baseline_rounds,
                               const std::vector<RunData>& candidate_rounds,
                               const AnalysisConfig& config) {
  PairedLook once;
  once.level = config.ci_level;
  return AnalyzeProcessesAt(baseline_rounds, candidate_rounds, config, once);
}

SuiteAnalysis AnalyzeProcessesAt(const std::vector<RunData>& baseline_rounds,
                                 const std::vector<RunData>& candidate_rounds,
                                 const AnalysisConfig& config, const PairedLook& look) {
  const std::size_t rounds = std::min(baseline_rounds.size(), candidate_rounds.size());
  const std::vector<RunData> before_runs(
      baseline_rounds.begin(), baseline_rounds.begin() + static_cast<std::ptrdiff_t>(rounds));
  const std::vector<RunData> after_runs(
      candidate_rounds.begin(), candidate_rounds.begin() + static_cast<std::ptrdiff_t>(rounds));
  const PerRound before_index = IndexRounds(before_runs, rounds);
  const PerRound after_index = IndexRounds(after_runs, rounds);

  MatchStrategy paired;
  paired.compare = [&](BenchmarkAnalysis& b, const SampleSet&, const ResolvedBudget& budget) {
    const std::string& name = b.samples.name;
    const Pairing pairing = PairRounds(before_index.at(name), after_index.at(name), config);
    // Never learned from history: the rounds are the evidence.
    const double tolerance =
        ToleranceOf(name, budget, nullptr, config.adaptive, config.tolerance).value;
    b.comparison = Compare(pairing, config, look, tolerance);
    if (look.seen) look.seen(name, pairing);
    if (pairing.log_ratios.size() < kMinPairedRounds ||
        b.comparison->shift_status != StatStatus::kOk) {
      b.comparison->p_adjusted = 1;
      MarkUndecided(b, Undecided::kTooFew, true,
                    TooFewRoundsReason(pairing.log_ratios.size(), kMinPairedRounds));
      return false;
    }
    return true;
  };
  const RunData before = MergeRuns(before_runs);
  SuiteAnalysis suite = MatchByName(MergeRuns(after_runs), &before, config, paired);
  for (BenchmarkAnalysis& b : suite.benchmarks) b.more_helps = MoreRoundsHelp(b);
  return suite;
}

}  // namespace benchgate
