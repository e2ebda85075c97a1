// benchgate-ab's analysis: the process as the unit of replication.
//
// Timing varies at several levels: between repetitions of one process, and
// between processes of the same binary (code and buffer placement, CPU
// frequency, the neighbours of the moment), which no test on the
// repetitions of one process can tell from a code change (Kalibera & Jones
// 2013, "Rigorous benchmarking in reasonable time"). benchgate-ab runs the
// baseline and the candidate binary once each per round, in random order,
// and judges each benchmark on one number per round:
//
//   d_r = log(candidate centre_r / baseline centre_r)
//
// where a process's centre is its fastest repetition (the highest for a
// rate): interference only adds time, and a burst may cover most of one
// process's repetitions, beyond what setting slow outliers aside can mend
// (process_pairing.cc has the figures). With AnalysisConfig::set_aside_slow
// false, the median of its repetitions. The rounds are the blocks of a
// paired design: whatever a round shares (the machine's state at the time)
// cancels in d_r.
// - Test: the two-sided Wilcoxon signed-rank test on the d_r (SignedRankTest:
//   exact without ties and zeros up to 50 rounds, else the normal
//   approximation with tie correction, zeros dropped; SciPy's
//   wilcoxon(d, zero_method="wilcox", method=...)). p_method is
//   "signed-rank-exact" or "signed-rank-asymptotic". The exact two-sided p
//   is never below 2 / 2^R: 6 rounds can reach 0.031 at best, so gate with
//   10 or more.
// - Size: the Hodges-Lehmann estimate of the d_r with its Tukey interval
//   (HodgesLehmannOneSample), as exp(.) - 1: Comparison::shift, shift_lo,
//   shift_hi.
// - Then the runner's and benchgate-diff's rules decide (MatchByName):
//   BH or Holm across the suite, tolerance (or the budget's max_regression)
//   with the interval's margin, budgets, --max-undecided.
//
// The other fields of each Comparison:
// - baseline_n, candidate_n: every sample of the side, all rounds;
// - baseline_median, candidate_median: the median of the per-process
//   centres; change: their ratio - 1, with the Price-Bonett interval of that
//   ratio computed on the per-process centres (RelativeChangeOfMedians);
// - baseline_set_aside, candidate_set_aside: positions, in the side's
//   samples of all rounds in round order, of the slow outliers
//   (FindSlowOutliers) of their process, as the runner reports them; the
//   centre ignores them anyway; no round is ever set aside as a whole;
// - baseline_spread, candidate_spread: the median over the paired rounds of
//   each process's NoiseSpread of its kept samples (the noise within a
//   process: above AnalysisConfig::max_cv the benchmark is unstable);
//   *_majority: in more than half of the rounds the slow samples of that
//   side were no minority;
// - candidate_rounds: the paired rounds (both sides measured it);
// - p_value_all, p_method_all: the Mann-Whitney U test on every sample of
//   both sides pooled, as benchgate-diff computes it (SciPy's mannwhitneyu).
//
// A benchmark with fewer than kMinPairedRounds paired rounds, or with no
// interval at AnalysisConfig::ci_level, is inconclusive ("too few rounds"),
// outside the multiple-testing family.
// more_helps is true for every inconclusive benchmark that more rounds could
// settle (too few, unstable, interval straddling the tolerance or a budget
// limit): unlike the runner, each round measures both sides again.
// Rounds where a side has no positive centre (an errored or missing run, a
// zero counter) are not paired.
#ifndef BENCHGATE_GATE_PROCESS_ANALYSIS_H_
#define BENCHGATE_GATE_PROCESS_ANALYSIS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "gate/analysis_config.h"
#include "gate/process_pairing.h"
#include "gate/verdict.h"
#include "model/sample_set.h"
#include "stats/signed_rank.h"

namespace benchgate {

// The fewest rounds with a 95% interval for the size: the Tukey interval of
// n values has exact levels 1 - 2k / 2^n, and n = 6 is the first whose best
// (1 - 2/64 = 96.9%) reaches 95%. With 5 rounds a 30% slowdown could only be
// "not significant", never "too uncertain to say".
inline constexpr std::size_t kMinPairedRounds = 6;

// baseline_rounds[r] and candidate_rounds[r]: what the two processes of
// round r reported (one RunData per process, as read from its JSON). Rounds
// beyond the shorter list are ignored. Benchmarks are matched by name; in
// the candidate only: added; in the baseline only: removed. The samples of
// each BenchmarkAnalysis are the candidate's, all rounds merged (MergeRuns:
// SampleSet::rounds is the round index).
SuiteAnalysis AnalyzeProcesses(const std::vector<RunData>& baseline_rounds,
                               const std::vector<RunData>& candidate_rounds,
                               const AnalysisConfig& config);

// How one look of the paired analysis decides. AnalyzeProcesses looks once:
// the Tukey interval at config.ci_level and the signed-rank test. The
// sequential design (gate/sequential_analysis.h) looks after every round
// with the sign test, at a level and with a p-value that allow for the looks.
struct PairedLook {
  double level = 0.95;  // of the Hodges-Lehmann interval (shift_lo, shift_hi)
  // The size and its interval from the log ratios, in log units (status,
  // estimate, lower, upper), from kMinPairedRounds on; null: the
  // Hodges-Lehmann estimate at `level`.
  std::function<OneSampleShift(const std::vector<double>& log_ratios)> interval;
  // The decision's p-value of the log ratios (in round order) and its
  // p_method; null: the signed-rank test.
  std::function<double(const std::vector<double>& log_ratios)> p_value;
  std::string p_method;
  // The Mann-Whitney test on every sample (p_value_all): for the report,
  // not the decision, so a look that only decides may leave it out.
  bool all_samples_test = true;
  // Told each compared benchmark's pairing: its log ratios in round order,
  // each process's noise (may be null).
  std::function<void(const std::string& name, const Pairing& pairing)> seen;
};

SuiteAnalysis AnalyzeProcessesAt(const std::vector<RunData>& baseline_rounds,
                                 const std::vector<RunData>& candidate_rounds,
                                 const AnalysisConfig& config, const PairedLook& look);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_PROCESS_ANALYSIS_H_
