#include "judging_options.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "benchgate/error.h"
#include "model/number_format.h"

namespace benchgate::tool {

CLI::Validator FiniteNumber(double low, double high) {
  const auto shown = [](double bound) {
    std::ostringstream text;
    text << bound;
    return text.str();
  };
  const std::string expected = std::isinf(high)
                                   ? "a number of at least " + shown(low)
                                   : "a number from " + shown(low) + " to " + shown(high);
  return CLI::Validator(
      [=](const std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        const bool whole = !text.empty() && end == text.c_str() + text.size();
        if (whole && std::isfinite(value) && value >= low && value <= high) return "";
        return "expected " + expected + ", got '" + text + "'";
      },
      "FLOAT");
}

JudgingFlags::JudgingFlags(CLI::App& app, JudgingOptions& o) : app_(app), options_(o) {
  app.add_option("--format,-f", o.format,
                 "text (default), markdown, json, html, junit, github, badge (SVG), badge-json "
                 "(shields.io endpoint)")
      ->check(CLI::IsMember(
          {"text", "markdown", "json", "html", "junit", "github", "badge", "badge-json"}));
  app.add_option("--output,-o", o.output, "write the report to FILE (atomically)");
  app.add_option("--metric,-m", o.metric, "real_time (default), cpu_time or a counter's name");
  app.add_option("--direction", o.direction,
                 "which way is better: auto (rates higher, the rest lower), lower, higher")
      ->check(CLI::IsMember({"auto", "lower", "higher"}));
  app.add_option("--alpha", o.alpha, "suite-wide significance level (default 0.05)")
      ->check(FiniteNumber(1e-12, 0.5));
  app.add_option("--correction", o.correction, "bh (Benjamini-Hochberg, default) or holm")
      ->check(CLI::IsMember({"bh", "holm"}));
  app.add_option("--tolerance", o.tolerance,
                 "smallest relative change that counts (default 0.05; budgets' max_regression "
                 "wins)")
      ->check(FiniteNumber(0.0, 10.0));
  app.add_option("--max-cv", o.max_cv,
                 "above this noise of the kept samples (the smaller of their CV and their clean "
                 "side's spread) a benchmark is inconclusive (default 0.05)")
      ->check(FiniteNumber(0.0, 100.0));
  app.add_option("--max-undecided", max_undecided_,
                 "fail the gate when more than SHARE of the judged benchmarks stay inconclusive, "
                 "e.g. 10% or 0.1 (default 1: never)");
  app.add_option("--thresholds,-t", o.thresholds, "threshold file or directory (budgets)");
  app.add_flag("--verbose,-v", o.verbose, "text: add n, CV, p90 and p99");
  app.add_option("--color", o.color, "auto (default: only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

std::string JudgingFlags::Finish() const {
  options_.tolerance_given = app_.count("--tolerance") > 0;
  if (app_.count("--max-undecided") == 0) return "";
  const std::optional<double> share = ParseShare(max_undecided_);
  if (!share) {
    return "--max-undecided: expected a share from 0 to 1 such as 10% or 0.1, got '" +
           max_undecided_ + "'";
  }
  options_.max_undecided = *share;
  return "";
}

std::optional<int> ParseOrStop(CLI::App& app, const JudgingFlags& judging,
                               const std::vector<std::string>& args, const std::string& tool,
                               std::ostream& out, std::ostream& err) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 pops from the back
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitPass;
  } catch (const CLI::ParseError& error) {
    return UsageError(tool, OneLine(error.what()), err);
  }
  const std::string problem = judging.Finish();
  if (!problem.empty()) return UsageError(tool, problem, err);
  return std::nullopt;
}

int UsageError(const std::string& tool, const std::string& problem, std::ostream& err) {
  err << tool << ": error: " << problem << " (see --help)\n";
  return kExitBadInput;
}

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

AnalysisConfig ConfigFromJudgingOptions(const JudgingOptions& o) {
  AnalysisConfig config = AnalysisConfigFrom(o.alpha);
  config.holm = o.correction == "holm";
  config.tolerance = o.tolerance;
  config.max_cv = o.max_cv;
  config.max_undecided = o.max_undecided;
  config.metric = o.metric;
  config.higher_is_better =
      o.direction == "auto" ? HigherIsBetter(o.metric) : o.direction == "higher";
  return config;
}

void AddCodeBudgets(const RunData& candidate, AnalysisConfig& config) {
  config.budgets.insert(config.budgets.begin(), candidate.budgets.begin(), candidate.budgets.end());
}

RenderOptions RenderOptionsFor(const JudgingOptions& o, bool out_is_terminal) {
  RenderOptions render;
  render.metric = o.metric;
  render.verbose = o.verbose;
  const bool terminal = o.output.empty() && out_is_terminal && std::getenv("NO_COLOR") == nullptr;
  render.color = o.color == "always" || (o.color == "auto" && terminal);
  return render;
}

}  // namespace benchgate::tool
