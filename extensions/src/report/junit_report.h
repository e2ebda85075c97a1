// benchgate-diff --format junit: JUnit XML, so CI systems list every
// benchmark as a test case: regressions and budget breaches as failures,
// errored benchmarks as errors, inconclusive, added and removed ones as
// skipped, the rest as passed.
#ifndef BENCHGATE_REPORT_JUNIT_REPORT_H_
#define BENCHGATE_REPORT_JUNIT_REPORT_H_

#include <ostream>
#include <string>

#include "gate/diff_summary.h"
#include "gate/verdict.h"
#include "report/markup_escape.h"  // XmlEscape
#include "report/render_options.h"

namespace benchgate {

void RenderJunit(const SuiteAnalysis& suite, const DiffSummary& summary,
                 const RenderOptions& options, std::ostream& out);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_JUNIT_REPORT_H_
