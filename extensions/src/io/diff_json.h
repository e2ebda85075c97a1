// benchgate-diff --format json: the schema "benchgate.diff/1" of DESIGN.md.
// Every benchmark of the analysis (candidate order, removed ones last) with
// its verdict, both sides' n and median, the change with its CI and the
// Mann-Whitney p-values; a summary with the counts and the geometric mean.
// Values of a duration metric are in nanoseconds ("unit": "ns").
#ifndef BENCHGATE_IO_DIFF_JSON_H_
#define BENCHGATE_IO_DIFF_JSON_H_

#include <ostream>

#include "gate/diff_summary.h"
#include "gate/history_series.h"
#include "gate/verdict.h"
#include "report/render_options.h"

namespace benchgate {

inline constexpr const char* kDiffSchema = "benchgate.diff/1";

// Beyond the contract's fields, each comparison has the decision's details:
//   "p_value_all", "p_method_all": the plain Mann-Whitney U test on every
//       sample (SciPy's value; p_value is the decision's test, "trimmed-..."
//       when samples were set aside),
//   "set_aside": {"baseline": [..], "candidate": [..]}: positions, in the
//       compared metric's values, of the samples set aside as interference,
//   "rounds_set_aside": {"baseline": [..], "candidate": [..]}: whole disturbed
//       rounds (only when there are any),
//   "spread": {"baseline": .., "candidate": ..}: CV (sd / mean) of the kept
//       samples, the instability measure,
//   "undecided": why an inconclusive one stayed undecided ("unstable", ...),
//   "extra_rounds": extra rounds it was measured in (only when > 0);
// and the summary has "undecided" ({reason: count}), "too_many_undecided"
// (the gate failed for --max-undecided), "max_undecided" and "extra_rounds".
//
// Pretty-printed (2 spaces), ends with a newline. A statistic that does not
// exist (no comparison, no interval, no geometric mean) is null, never NaN.
// With `history` (benchgate-diff --history), a "history" object is added:
//   { "runs": [label, ...],
//     "steps": [ { "benchmark", "run", "run_index", "before", "after", "change", "p_value" } ],
//     "series": { name: [ { "run", "median", "median_ci": [lo, hi], "change_point" } ] } }
void WriteDiffJson(const SuiteAnalysis& suite, const DiffSummary& summary,
                   const RenderOptions& options, std::ostream& out,
                   const HistorySeries* history = nullptr,
                   const std::vector<std::string>* run_labels = nullptr);

}  // namespace benchgate

#endif  // BENCHGATE_IO_DIFF_JSON_H_
