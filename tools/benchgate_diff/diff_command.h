// benchgate-diff as a function, so tests run it in-process: arguments in,
// report on `out`, warnings and the one-line error on `err`, exit code back
// (0 gate passed, 1 regression or budget exceeded, 2 bad input or usage).
#ifndef BENCHGATE_TOOLS_DIFF_COMMAND_H_
#define BENCHGATE_TOOLS_DIFF_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace benchgate::diff {

// out_is_terminal: whether --color=auto may colour the text report.
int RunDiff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool out_is_terminal = false);

}  // namespace benchgate::diff

#endif  // BENCHGATE_TOOLS_DIFF_COMMAND_H_
