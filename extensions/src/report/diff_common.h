// Pieces shared by benchgate-diff's renderers (text, Markdown, HTML, JUnit,
// GitHub): ordering, marks, the summary line and cell texts. Presentation
// only; the numbers come from gate/.
#ifndef BENCHGATE_SRC_REPORT_DIFF_COMMON_H_
#define BENCHGATE_SRC_REPORT_DIFF_COMMON_H_

#include <cstddef>
#include <string>
#include <vector>

#include "gate/diff_summary.h"
#include "gate/verdict.h"
#include "report/render_options.h"

namespace benchgate::report_detail {

// Regressions (largest change first), budget breaches, improvements (largest
// gain first), inconclusive, errored, skipped, added, removed, then unchanged: what
// needs attention comes first. Input order within the other groups.
std::vector<const BenchmarkAnalysis*> RegressionsFirst(const SuiteAnalysis& suite);

// The rank of a verdict in that order: 0 for regression ... 9 for pass.
int AttentionRank(VerdictStatus status);

// "▲▲" strong regression ... "▼▼" strong improvement, "=" unchanged, "" not
// judged. The triangles follow the measured value like the change's sign:
// ▲ next to "+30%" means more time. ASCII: "^^", "^", "=", "v", "vv".
const char* TrendSymbol(TrendMark mark, bool unicode);

// "2 regressions, 1 improvement, 310 unchanged" plus every other non-zero
// count ("1 inconclusive, 1 over budget, 2 added, 1 removed, 1 errored").
std::string CountsLine(const DiffSummary& summary);

// CountsLine(), then, when something stayed undecided, "; " and
// UndecidedText(): the words of the console's gate line, so that a pass
// that judged little, or a gate failed for too many undecided, reads as
// such in every format.
std::string SummaryLine(const SuiteAnalysis& suite, const DiffSummary& summary);

// "+1.2%" or "n/a" when no benchmark had a comparison.
std::string GeomeanText(const DiffSummary& summary);

// A value of the compared metric: a duration for real_time and cpu_time, a
// number with three significant digits for a counter.
std::string FormatValue(double value, const RenderOptions& options);

// The candidate's statistics of the compared metric (real time unless the
// metric is cpu_time).
const MetricStats& ShownStats(const BenchmarkAnalysis& benchmark, const RenderOptions& options);

// The candidate's samples of the compared metric (empty for an unknown one).
const std::vector<double>& ShownSamples(const BenchmarkAnalysis& benchmark,
                                        const RenderOptions& options);

// "+30.0% [+28.0%, +33.0%]", or the change alone without an interval.
std::string ChangeWithCi(const Comparison& comparison);

// The first reason, or "".
std::string FirstReason(const BenchmarkAnalysis& benchmark);

// Regressions and budget breaches: what fails the gate.
bool Fails(VerdictStatus status);

}  // namespace benchgate::report_detail

#endif  // BENCHGATE_SRC_REPORT_DIFF_COMMON_H_
