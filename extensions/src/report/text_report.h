// benchgate-diff's default output: an aligned, judged table (like Google
// Benchmark's compare.py, plus verdicts): trend mark, name, baseline and
// candidate medians, change with its CI, adjusted p, verdict; regressions
// first; a geometric-mean row; the gate line.
#ifndef BENCHGATE_REPORT_TEXT_REPORT_H_
#define BENCHGATE_REPORT_TEXT_REPORT_H_

#include <ostream>

#include "gate/diff_summary.h"
#include "gate/verdict.h"
#include "report/render_options.h"

namespace benchgate {

// options.verbose adds n (baseline/candidate), CV, p90 and p99 of the
// candidate; options.color adds ANSI colours (set it for a terminal only).
void RenderText(const SuiteAnalysis& suite, const DiffSummary& summary,
                const RenderOptions& options, std::ostream& out);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_TEXT_REPORT_H_
