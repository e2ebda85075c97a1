// Confirmation re-runs, the running half: a suspect regression is re-run
// through Google Benchmark's filter before it may fail the gate, so a noise
// spike clears and a real regression survives.
#ifndef BENCHGATE_RUN_CONFIRMATION_H_
#define BENCHGATE_RUN_CONFIRMATION_H_

#include <ostream>
#include <string>
#include <vector>

#include "benchgate/gate/analysis.h"
#include "benchgate/model/sample_set.h"

namespace benchgate {

// A Google Benchmark filter matching exactly these names (regex-escaped).
std::string ExactNameFilter(const std::vector<std::string>& names);

// Re-runs the suspects of `analysis` `rounds` times, merges their samples into
// `run` and returns the new analysis with each suspect marked confirmed or
// cleared. Progress goes to `log`. Returns `analysis` unchanged when there is
// nothing to confirm.
SuiteAnalysis ConfirmSuspects(RunData& run, const RunData* baseline, const AnalysisConfig& config,
                              SuiteAnalysis analysis, int rounds, std::ostream& log);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_CONFIRMATION_H_
