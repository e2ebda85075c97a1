// What the inputs of a comparison put in doubt before any statistic is
// computed: a baseline and a candidate measured in different environments
// (another CPU, compiler or build type makes a difference that is not the
// code's), and each side's machine warnings (a debug build, high load, ...).
// benchgate-diff and benchgate-ab put these first among a report's warnings.
#ifndef BENCHGATE_GATE_RUN_WARNINGS_H_
#define BENCHGATE_GATE_RUN_WARNINGS_H_

#include <string>
#include <vector>

#include "model/sample_set.h"

namespace benchgate {

// - Different environment keys (both known): one warning naming the fields
//   that differ ("compiler_version 12.2.0 vs 13.2.0"), or the keys when the
//   fields are not in the files.
// - A machine warning both sides carry (of the same WarningKind): once, in
//   the baseline's words. One side's only: prefixed with "baseline: " or
//   "candidate: ".
std::vector<std::string> ComparisonWarnings(const RunData& baseline, const RunData& candidate);

// The first of those alone ("" when the keys match or one is unknown): what
// a binary judging its own run against a stored baseline says of it.
std::string EnvironmentDifference(const RunData& baseline, const RunData& candidate);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_RUN_WARNINGS_H_
