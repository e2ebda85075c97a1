// The skeleton of every comparison of two runs, one strategy per analysis:
// AnalyzeSuite compares two samples, AnalyzeProcesses paired rounds. Both
// pair benchmarks by name through MatchByName, so what they share cannot
// drift: added and removed benchmarks, errored, skipped and optimised-away
// ones left unjudged, the "unstable" suite warnings, budgets, the
// multiple-testing family (Benjamini-Hochberg or Holm over every benchmark
// with a test), the counts, the undecided reasons and the gate status.
#ifndef BENCHGATE_GATE_MATCH_BY_NAME_H_
#define BENCHGATE_GATE_MATCH_BY_NAME_H_

#include <functional>

#include "gate/analysis_config.h"
#include "gate/budget_resolve.h"
#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

// What an analysis does that the skeleton does not.
struct MatchStrategy {
  // A benchmark of both runs, judged (not errored, skipped or optimised
  // away) and with baseline samples of the compared metric: fills
  // b.comparison and returns true when its p-value joins the family, or
  // gives b its status (inconclusive and why) and returns false.
  std::function<bool(BenchmarkAnalysis& b, const SampleSet& baseline, const ResolvedBudget& budget)>
      compare;
  // Without a baseline run, a benchmark still at "pass" (may be empty).
  std::function<void(BenchmarkAnalysis& b, const ResolvedBudget& budget)> alone;
};

// Every benchmark of `candidate` analysed (AnalyzeMeasurement) and, with a
// `baseline` (may be null), matched to its namesake there: in the candidate
// only, "added"; in the baseline only, "removed" (after the candidate's, in
// baseline order); a baseline without samples of the metric, inconclusive.
// Then the verdicts of the family, budgets, the counts and the gate status.
SuiteAnalysis MatchByName(const RunData& candidate, const RunData* baseline,
                          const AnalysisConfig& config, const MatchStrategy& strategy);

// The counts by status, the undecided reasons and the gate status of the
// suite's verdicts as they stand: the end of MatchByName, and again after a
// caller changed verdicts (a sequential design's stops).
void TallySuite(SuiteAnalysis& suite, const AnalysisConfig& config);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_MATCH_BY_NAME_H_
