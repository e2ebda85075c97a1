// What a suite left undecided, in the words every gate line uses (console,
// text, Markdown, HTML, JUnit, GitHub), so a pass that judged little never
// reads like a pass that judged everything.
#ifndef BENCHGATE_REPORT_UNDECIDED_H_
#define BENCHGATE_REPORT_UNDECIDED_H_

#include <string>

#include "gate/verdict.h"

namespace benchgate {

// "" when nothing stayed undecided; else e.g. "3 undecided (2 unstable,
// 1 interval straddles the tolerance) after 2 extra rounds", followed by
// "; more than 10.0% undecided fails the gate" when that failed the gate.
std::string UndecidedText(const SuiteAnalysis& suite);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_UNDECIDED_H_
