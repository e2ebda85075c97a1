#include "diff_options.h"

#include <CLI/CLI.hpp>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>

namespace benchgate::diff {
namespace {

constexpr const char* kUsage =
    "benchgate-diff: compare benchmark runs and gate on the result\n"
    "  benchgate-diff [options] BASELINE CANDIDATE\n"
    "  benchgate-diff [options] --baseline FILE... --candidate FILE...\n"
    "  benchgate-diff [options] --history RUN... | DIR\n"
    "Files: enriched JSON (--benchgate_out) or Google Benchmark JSON (--benchmark_out).\n"
    "A directory stands for its *.json files in name order; several files of one side\n"
    "are merged (repeated runs, or shards of a suite run with --benchmark_filter).\n"
    "Exit codes: 0 gate passed, 1 regression, budget exceeded or too many undecided\n"
    "(--max-undecided), 2 bad input or usage.";

// CLI11 words some errors over several lines; the contract is one line.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// "10%" or "0.1" as a share from 0 to 1; nullopt for anything else.
std::optional<double> ParseShare(const std::string& text) {
  const bool percent = !text.empty() && text.back() == '%';
  const std::string number = percent ? text.substr(0, text.size() - 1) : text;
  if (number.empty() || std::isspace(static_cast<unsigned char>(number.front()))) {
    return std::nullopt;
  }
  char* end = nullptr;
  const double value = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size() || !std::isfinite(value)) return std::nullopt;
  const double share = percent ? value / 100 : value;
  if (share < 0 || share > 1) return std::nullopt;
  return share;
}

// "" when --max-undecided is valid (then stored in `o`).
std::string ApplyMaxUndecided(const std::string& text, DiffOptions& o) {
  const std::optional<double> share = ParseShare(text);
  if (!share) {
    return "--max-undecided: expected a share from 0 to 1 such as 10% or 0.1, got '" + text + "'";
  }
  o.max_undecided = *share;
  return "";
}

// "" when the files make one of the three modes.
std::string InputsProblem(const DiffOptions& o) {
  const bool sides = !o.baseline_files.empty() || !o.candidate_files.empty();
  if (o.history) {
    if (o.inputs.empty()) return "--history: expected runs or a directory of runs";
    if (sides) return "--history takes the runs as arguments, not --baseline/--candidate";
  } else if (sides) {
    if (o.baseline_files.empty() || o.candidate_files.empty() || !o.inputs.empty()) {
      return "expected --baseline FILE... and --candidate FILE..., and no other file";
    }
  } else if (o.inputs.size() != 2) {
    return "expected two runs, BASELINE CANDIDATE, got " + std::to_string(o.inputs.size());
  }
  return "";
}

}  // namespace

ParsedDiffArgs ParseDiffArgs(const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err) {
  DiffOptions o;
  CLI::App app(kUsage, "benchgate-diff");
  app.add_option("inputs", o.inputs, "BASELINE CANDIDATE, or the runs of --history");
  app.add_option("--baseline,-b", o.baseline_files, "baseline file or directory (repeatable)");
  app.add_option("--candidate,-c", o.candidate_files, "candidate file or directory (repeatable)");
  app.add_flag("--history", o.history, "the inputs are a history of runs, oldest first");
  app.add_option("--format,-f", o.format, "text (default), markdown, json, html, junit, github")
      ->check(CLI::IsMember({"text", "markdown", "json", "html", "junit", "github"}));
  app.add_option("--output,-o", o.output, "write the report to FILE (atomically)");
  app.add_option("--metric,-m", o.metric, "real_time (default), cpu_time or a counter's name");
  app.add_option("--direction", o.direction,
                 "which way is better: auto (rates higher, the rest lower), lower, higher")
      ->check(CLI::IsMember({"auto", "lower", "higher"}));
  app.add_option("--alpha", o.alpha, "suite-wide significance level (default 0.05)")
      ->check(CLI::Range(1e-12, 0.5));
  app.add_option("--correction", o.correction, "bh (Benjamini-Hochberg, default) or holm")
      ->check(CLI::IsMember({"bh", "holm"}));
  app.add_option("--p-method", o.p_method,
                 "Mann-Whitney p-value: auto (exact up to 50 per side without ties), exact, "
                 "asymptotic (compare.py's at more than 8 per side)")
      ->check(CLI::IsMember({"auto", "exact", "asymptotic"}));
  app.add_option("--tolerance", o.tolerance,
                 "smallest relative change that counts (default 0.05; budgets' max_regression "
                 "wins)")
      ->check(CLI::Range(0.0, 10.0));
  app.add_option("--max-cv", o.max_cv,
                 "above this robust spread (1.4826 MAD / median of the kept samples) a "
                 "benchmark is inconclusive (default 0.05)")
      ->check(CLI::Range(0.0, 100.0));
  std::string max_undecided;
  app.add_option("--max-undecided", max_undecided,
                 "fail the gate when more than SHARE of the judged benchmarks stay inconclusive, "
                 "e.g. 10% or 0.1 (default 1: never)");
  app.add_flag("--keep-slow", o.keep_slow,
               "judge every sample: set no slow outlier aside as interference");
  app.add_option("--filter", o.filter, "only benchmarks whose name matches REGEX (searched)");
  app.add_option("--thresholds,-t", o.thresholds, "threshold file or directory (budgets)");
  app.add_flag("--verbose,-v", o.verbose, "text: add n, CV, p90 and p99");
  app.add_option("--color", o.color, "auto (default: only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return {std::nullopt, 0};
  } catch (const CLI::ParseError& error) {
    err << "benchgate-diff: error: " << OneLine(error.what()) << " (see --help)\n";
    return {std::nullopt, 2};
  }
  std::string problem;
  if (app.count("--max-undecided") > 0) problem = ApplyMaxUndecided(max_undecided, o);
  if (problem.empty()) problem = InputsProblem(o);
  if (!problem.empty()) {
    err << "benchgate-diff: error: " << problem << " (see --help)\n";
    return {std::nullopt, 2};
  }
  return {o, 0};
}

}  // namespace benchgate::diff
