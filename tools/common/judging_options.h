// The options benchgate-diff and benchgate-ab share: how to judge and how to
// report (same names, same parsing, same errors), and the analysis and
// render settings they make. The dispatch to the renderers is in
// report_dispatch.h, the checks only the runs can answer in run_checks.h.
#ifndef BENCHGATE_TOOLS_COMMON_JUDGING_OPTIONS_H_
#define BENCHGATE_TOOLS_COMMON_JUDGING_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "benchgate/error.h"
#include "gate/analysis.h"
#include "report/render_options.h"

namespace benchgate::tool {

struct JudgingOptions {
  std::string format = "text";
  std::string output;  // "" = standard output
  std::string metric = "real_time";
  std::string direction = "auto";  // auto | lower | higher (which is better)
  double alpha = 0.05;
  std::string correction = "bh";
  double tolerance = 0.05;
  bool tolerance_given = false;  // --tolerance on the command line
  double max_cv = 0.05;
  // Fail the gate when more than this share of the judged benchmarks stay
  // inconclusive; 1 never fails for that.
  double max_undecided = 1.0;
  std::string thresholds;
  bool verbose = false;
  std::string color = "auto";  // auto | always | never
};

// Declares the shared options on `app`, writing into `options`; after
// app.parse(), Finish() checks what CLI11 cannot and returns "" or the
// problem in one line.
class JudgingFlags {
 public:
  JudgingFlags(CLI::App& app, JudgingOptions& options);
  std::string Finish() const;

 private:
  CLI::App& app_;
  JudgingOptions& options_;
  std::string max_undecided_;  // as given: "10%" or "0.1"
};

// Parses `args` with `app` (whose options include `judging`'s): nullopt to
// go on, or the exit code to stop with: kExitPass after printing --help to
// `out`, kExitBadInput after a one-line usage error naming `tool` on `err`.
std::optional<int> ParseOrStop(CLI::App& app, const JudgingFlags& judging,
                               const std::vector<std::string>& args, const std::string& tool,
                               std::ostream& out, std::ostream& err);

// Prints "TOOL: error: PROBLEM (see --help)" and returns kExitBadInput.
int UsageError(const std::string& tool, const std::string& problem, std::ostream& err);

// CLI11 words some errors over several lines; the contract is one line.
std::string OneLine(std::string text);

// A number option's check: finite and from `low` to `high` (no upper bound
// when `high` is infinite). CLI11's Range lets NaN through (every comparison
// with it is false: "--tolerance nan" passed every gate) and prints the
// bounds of a double; this one says "expected a number from 0 to 10, got
// 'nan'".
CLI::Validator FiniteNumber(double low, double high);

// The analysis settings the shared options make (budgets are read by the
// tool).
AnalysisConfig ConfigFromJudgingOptions(const JudgingOptions& options);

// Adds the candidate binary's own BENCHGATE_BUDGET rules (carried in its
// enriched JSON) to the budgets of the --thresholds files, as the runner
// judges that binary: a file's rule still wins over code (gate/budget_resolve.h).
void AddCodeBudgets(const RunData& candidate, AnalysisConfig& config);

// How reports render, given whether standard output is a terminal.
RenderOptions RenderOptionsFor(const JudgingOptions& options, bool out_is_terminal);

}  // namespace benchgate::tool

#endif  // BENCHGATE_TOOLS_COMMON_JUDGING_OPTIONS_H_
