// benchgate-diff's command line (DESIGN.md, "benchgate-diff"): what the user
// asked for, parsed and checked before any file is read.
#ifndef BENCHGATE_TOOLS_DIFF_OPTIONS_H_
#define BENCHGATE_TOOLS_DIFF_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

namespace benchgate::diff {

struct DiffOptions {
  // Two-run mode: BASELINE CANDIDATE as positionals, or --baseline and
  // --candidate (each repeatable: the files of a side are merged). History
  // mode: the runs, oldest first; a directory stands for its *.json files in
  // name order.
  std::vector<std::string> inputs;
  std::vector<std::string> baseline_files, candidate_files;
  bool history = false;
  std::string format = "text";
  std::string output;  // "" = standard output
  std::string metric = "real_time";
  std::string direction = "auto";  // auto | lower | higher (which is better)
  double alpha = 0.05;
  std::string correction = "bh";
  std::string p_method = "auto";  // auto | exact | asymptotic
  double tolerance = 0.05;
  double max_cv = 0.05;
  // Fail the gate when more than this share of the judged benchmarks stay
  // inconclusive; 1 never fails for that.
  double max_undecided = 1.0;
  bool keep_slow = false;  // judge every sample: no slow outlier is set aside
  std::string filter;
  std::string thresholds;
  bool verbose = false;
  std::string color = "auto";  // auto | always | never
};

// What parsing decided: run with `options`, or stop with `exit_code`
// having printed help (0) or a one-line error (2) to the given streams.
struct ParsedDiffArgs {
  std::optional<DiffOptions> options;
  int exit_code = 0;
};

ParsedDiffArgs ParseDiffArgs(const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err);

}  // namespace benchgate::diff

#endif  // BENCHGATE_TOOLS_DIFF_OPTIONS_H_
