// benchgate-diff's command line (DESIGN.md, "benchgate-diff"): what the user
// asked for, parsed and checked before any file is read.
#ifndef BENCHGATE_TOOLS_DIFF_OPTIONS_H_
#define BENCHGATE_TOOLS_DIFF_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "judging_options.h"
#include "rounds_options.h"

namespace benchgate::diff {

// The shared judging and reporting options (tools/common/judging_options.h), plus
// benchgate-diff's own.
struct DiffOptions : tool::JudgingOptions, tool::RoundsOptions {
  // Two-run mode: BASELINE CANDIDATE as positionals, or --baseline and
  // --candidate (each repeatable: the files of a side are merged). History
  // mode: the runs, oldest first; a directory stands for its *.json files in
  // name order.
  std::vector<std::string> inputs;
  std::vector<std::string> baseline_files, candidate_files;
  bool history = false;
  // --baseline/--candidate files are rounds: the i-th of each side ran in
  // the same round (interleaved, as benchgate-ab runs them or as a team runs
  // them itself); judged with the process as the unit, by the design of
  // the round options (sequential unless --fixed-rounds), as benchgate-ab
  // judged them.
  bool paired = false;
  bool rounds_given = false;      // --rounds, --max-rounds or --fixed-rounds on the command line
  std::string p_method = "auto";  // auto | exact | asymptotic
  bool keep_slow = false;         // judge every sample: no slow outlier is set aside
  std::string filter;
};

// What parsing decided: run with `options`, or stop with `exit_code`
// having printed help (kExitPass) or a one-line error (kExitBadInput) to
// the given streams.
struct ParsedDiffArgs {
  std::optional<DiffOptions> options;
  int exit_code = kExitPass;
};

ParsedDiffArgs ParseDiffArgs(const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err);

}  // namespace benchgate::diff

#endif  // BENCHGATE_TOOLS_DIFF_OPTIONS_H_
