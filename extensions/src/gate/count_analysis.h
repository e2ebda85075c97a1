// The analysis of instructions runs (--benchgate_measure=instructions): a
// deterministic count has no noise, so there is nothing to test. A change is
// its relative size against the tolerance; no p-value, no multiple-testing
// family. Benchmarks are paired, budgets applied and the gate decided by the
// same skeleton as the timing analyses (gate/match_by_name.h).
#ifndef BENCHGATE_GATE_COUNT_ANALYSIS_H_
#define BENCHGATE_GATE_COUNT_ANALYSIS_H_

#include "gate/analysis_config.h"
#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

// The tolerance of the instructions measure unless --tolerance (benchgate-diff,
// benchgate-ab) says otherwise: 0.5%. A budget's max_regression is a
// tolerance on time and does not apply to counts.
inline constexpr double kInstructionsTolerance = 0.005;

// The p_method of a comparison of counts: no test was made.
inline constexpr const char* kCountsMethod = "exact-count";

// The first line of a comparison of counts in every report.
inline constexpr const char* kCountsJudgedExactly =
    "instructions are exact counts: each change is judged by its size against the tolerance, "
    "with no statistical test and no multiple-testing control (there is no noise to control)";

// Every benchmark of `candidate` against its namesake in `baseline` (may be
// null): regression when its instructions per iteration grew by more than
// the tolerance, improvement when they shrank by more, unchanged otherwise;
// inconclusive when a side is nondeterministic or was not counted. Warns
// where the two were counted differently (Valgrind version, options,
// harness floor) and where a count is within 10x of the harness floor.
SuiteAnalysis AnalyzeCounts(const RunData& candidate, const RunData* baseline,
                            const AnalysisConfig& config);

// Why a benchmark's count cannot be judged ("" when it can): not counted,
// or its two processes' counts differ.
std::string UncountableReason(const SampleSet& set);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_COUNT_ANALYSIS_H_
