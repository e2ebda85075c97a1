// The rules that turn one benchmark's comparison into its verdict, the same
// for the two-sample analysis (AnalyzeSuite), the paired one
// (AnalyzeProcesses) and the judgement against history.
#ifndef BENCHGATE_GATE_VERDICT_RULES_H_
#define BENCHGATE_GATE_VERDICT_RULES_H_

#include <string>

#include "gate/analysis_config.h"
#include "gate/verdict.h"

namespace benchgate {

// Below this many nanoseconds per iteration no loop body can have run
// (about one cycle of a 6.5 GHz core): the compiler removed the work.
inline constexpr double kOptimisedAwayNs = 0.15;

// The judged metric's noise, with slow outliers set aside, is above max_cv.
bool Unstable(const BenchmarkAnalysis& b, const AnalysisConfig& config);

// Inconclusive for `why`, with the reason in words.
void MarkUndecided(BenchmarkAnalysis& b, Undecided why, bool more_helps, std::string reason);

// The size half of a verdict: regression when the shift in the worse
// direction is beyond the tolerance and its CI beyond ci_margin x tolerance;
// improvement symmetrically; unchanged otherwise. For a rate (higher is
// better) the worse direction is down.
VerdictStatus SizedVerdict(const Comparison& c, const AnalysisConfig& config);

// The verdict of a benchmark whose comparison is filled, p_adjusted included:
// inconclusive when nothing can decide it (optimised away, too few samples,
// unstable), else significance and size, inconclusive again when the
// estimate is beyond the tolerance but its interval straddles it. The
// reasons say why, and what was set aside.
void JudgeComparison(BenchmarkAnalysis& b, const AnalysisConfig& config);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_VERDICT_RULES_H_
