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

// Which of the two streams is a terminal: `out` lets --color=auto colour the
// text report, `err` shows progress round by round.
struct Terminals {
  bool out = false;
  bool err = false;
};

int RunAb(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
          const Terminals& terminals = {});

}  // namespace benchgate::ab

#endif  // BENCHGATE_TOOLS_AB_COMMAND_H_
