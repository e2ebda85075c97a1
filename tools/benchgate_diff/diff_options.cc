#include "diff_options.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>

namespace benchgate::diff {
namespace {

constexpr const char* kUsage =
    "benchgate-diff: compare benchmark runs and gate on the result\n"
    "  benchgate-diff [options] BASELINE CANDIDATE\n"
    "  benchgate-diff [options] --baseline FILE... --candidate FILE...\n"
    "  benchgate-diff [options] --paired --baseline FILE... --candidate FILE...\n"
    "  benchgate-diff [options] --paired KEEP_DIR...   (benchgate-ab --keep, one per shard)\n"
    "  benchgate-diff [options] --history RUN... | DIR\n"
    "Files: enriched JSON (--benchgate_out) or Google Benchmark JSON (--benchmark_out).\n"
    "A directory stands for its *.json files in name order; several files of one side\n"
    "are merged (repeated runs, or shards of a suite run with --benchmark_filter).\n"
    "Exit codes: 0 gate passed, 1 regression, budget exceeded or too many undecided\n"
    "(--max-undecided), 2 bad input or usage.";

// "" when the files make one of the three modes.
std::string InputsProblem(const DiffOptions& o) {
  const bool sides = !o.baseline_files.empty() || !o.candidate_files.empty();
  if (o.history) {
    if (o.inputs.empty()) return "--history: expected runs or a directory of runs";
    if (sides) return "--history takes the runs as arguments, not --baseline/--candidate";
    if (o.paired) return "--paired and --history are two different modes";
  } else if (sides) {
    if (o.baseline_files.empty() || o.candidate_files.empty() || !o.inputs.empty()) {
      return "expected --baseline FILE... and --candidate FILE..., and no other file";
    }
  } else if (o.paired) {
    if (o.inputs.empty()) {
      return "--paired: expected benchgate-ab --keep directories (one per shard), or the rounds "
             "as --baseline FILE... --candidate FILE...";
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
  app.add_flag("--paired", o.paired,
               "the i-th --baseline and the i-th --candidate file ran in the same round "
               "(interleaved): judged as benchgate-ab judges, the process as the unit, with "
               "the same round options");
  const tool::JudgingFlags judging(app, o);
  tool::AddRoundsFlags(app, o);
  app.add_option("--p-method", o.p_method,
                 "Mann-Whitney p-value: auto (exact up to 50 per side without ties), exact, "
                 "asymptotic (compare.py's at more than 8 per side)")
      ->check(CLI::IsMember({"auto", "exact", "asymptotic"}));
  app.add_flag("--keep-slow", o.keep_slow,
               "judge every sample: set no slow outlier aside as interference");
  app.add_option("--filter", o.filter, "only benchmarks whose name matches REGEX (searched)");

  if (const auto stop = tool::ParseOrStop(app, judging, args, "benchgate-diff", out, err)) {
    return {std::nullopt, *stop};
  }
  if (const std::string problem = InputsProblem(o); !problem.empty()) {
    return {std::nullopt, tool::UsageError("benchgate-diff", problem, err)};
  }
  const bool rounds_given = app.count("--rounds") + app.count("--max-rounds") +
                                app.count("--suspect-rounds") + app.count("--fixed-rounds") >
                            0;
  o.rounds_given = rounds_given;
  if (rounds_given && !o.paired) {
    return {std::nullopt,
            tool::UsageError("benchgate-diff",
                             "--rounds, --max-rounds, --suspect-rounds and --fixed-rounds: only "
                             "with --paired",
                             err)};
  }
  if (const std::string problem = tool::ResolveRounds(o); !problem.empty()) {
    return {std::nullopt, tool::UsageError("benchgate-diff", problem, err)};
  }
  return {o, 0};
}

}  // namespace benchgate::diff
