// The analysis of a run: statistics of every benchmark and, with a baseline,
// its comparison and verdict, and the gate status of the whole suite.
//
// This is where samples become numbers and verdicts (gate/verdict.h); the
// console table, the enriched JSON and benchgate-diff only render those
// structs (report/ and io/ never compute a statistic). AnalyzeSuite is the
// two-sample analysis of the runner and benchgate-diff; benchgate-ab's
// paired one is AnalyzeProcesses (gate/process_analysis.h). Both pair
// benchmarks by name and end with the same suite rules (MatchByName).
#ifndef BENCHGATE_GATE_ANALYSIS_H_
#define BENCHGATE_GATE_ANALYSIS_H_

#include "gate/analysis_config.h"
#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

// Statistics of one benchmark alone (no comparison): for the live table.
BenchmarkAnalysis AnalyzeMeasurement(const SampleSet& samples, const AnalysisConfig& config);

// Statistics, comparisons against `baseline` (may be null) and verdicts of a
// whole run, with multiple-testing control across every judged benchmark.
// Without a baseline, a benchmark with history is judged against its centre.
SuiteAnalysis AnalyzeSuite(const RunData& candidate, const RunData* baseline,
                           const AnalysisConfig& config);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_ANALYSIS_H_
