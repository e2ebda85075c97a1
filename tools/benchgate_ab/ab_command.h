// benchgate-ab as a function, so tests run it in-process: arguments in,
// report on `out`, progress, warnings and the one-line error on `err`, exit
// code back (0 gate passed, 1 regression, budget exceeded or too many
// undecided, 2 bad input or usage).
#ifndef BENCHGATE_TOOLS_AB_COMMAND_H_
#define BENCHGATE_TOOLS_AB_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace benchgate::ab {

// out_is_terminal: whether --color=auto may colour the text report.
int RunAb(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
          bool out_is_terminal = false);

}  // namespace benchgate::ab

#endif  // BENCHGATE_TOOLS_AB_COMMAND_H_
