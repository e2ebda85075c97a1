#include "ab_options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <limits>
#include <optional>
#include <string>

namespace benchgate::ab {
namespace {

constexpr const char* kUsage =
    "benchgate-ab: run two benchmark binaries in interleaved rounds and gate on the result\n"
    "  benchgate-ab [options] BASELINE_BINARY CANDIDATE_BINARY [-- flags for both binaries]\n"
    "Each round runs both binaries once, in a random order (--seed replays it); each\n"
    "benchmark is judged on one log ratio of the two processes' fastest repetitions per\n"
    "round (Wilcoxon signed-rank test, Hodges-Lehmann size). Sequential by default: from\n"
    "round 6 each round is a look, at levels that allow for the looks, and a benchmark\n"
    "stops as soon as one decides it; later rounds run only the open ones. Any Google\n"
    "Benchmark binary works.\n"
    "Exit codes: 0 gate passed, 1 regression, budget exceeded or too many undecided\n"
    "(--max-undecided), 2 bad input or usage.";

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// "" when the flags for the binaries leave benchgate-ab its own.
std::string ChildFlagsProblem(const std::vector<std::string>& flags) {
  for (const std::string& flag : flags) {
    for (const char* own : {"--benchmark_out", "--benchmark_out_format"}) {
      if (flag == own || StartsWith(flag, std::string(own) + "=")) {
        return std::string(own) +
               ": set by benchgate-ab for each process (--keep DIR keeps the files)";
      }
    }
  }
  return "";
}

}  // namespace

ParsedAbArgs ParseAbArgs(const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err) {
  AbOptions o;
  const auto dashes = std::find(args.begin(), args.end(), "--");
  const std::vector<std::string> own(args.begin(), dashes);
  if (dashes != args.end()) o.child_flags.assign(dashes + 1, args.end());

  std::vector<std::string> binaries;
  std::uint64_t seed = 0;
  CLI::App app(kUsage, "benchgate-ab");
  app.add_option("binaries", binaries, "BASELINE_BINARY CANDIDATE_BINARY");
  tool::AddRoundsFlags(app, o);
  app.add_option(
         "--max-seconds", o.max_seconds,
         "start no extra round after this many seconds of the whole run (default: no limit)")
      ->check(tool::FiniteNumber(0, std::numeric_limits<double>::infinity()));
  app.add_option("--measure", o.measure,
                 "time (default: interleaved rounds) or instructions: each binary counts "
                 "instructions per iteration under Valgrind once (two processes each); needs "
                 "binaries linked with benchgate")
      ->check(CLI::IsMember({"time", "instructions"}));
  app.add_option("--seed", seed, "seed of the order within rounds (default: from the clock)");
  std::string shard;
  app.add_option("--shard", shard,
                 "K/N: only shard K of N of the benchmarks, a stable split by name (a CI matrix "
                 "of N jobs; benchgate-diff --paired combines their --keep directories)");
  app.add_option("--keep", o.keep,
                 "keep each process's JSON in DIR (rNN-base.json, rNN-cand.json)");
  const tool::JudgingFlags judging(app, o);

  if (const auto stop = tool::ParseOrStop(app, judging, own, "benchgate-ab", out, err)) {
    return {std::nullopt, *stop};
  }
  std::string problem = ChildFlagsProblem(o.child_flags);
  if (binaries.size() != 2) {
    problem = "expected two binaries, BASELINE_BINARY CANDIDATE_BINARY, got " +
              std::to_string(binaries.size());
  }
  if (!problem.empty()) return {std::nullopt, tool::UsageError("benchgate-ab", problem, err)};
  if (const std::string wrong = tool::ResolveRounds(o); !wrong.empty()) {
    return {std::nullopt, tool::UsageError("benchgate-ab", wrong, err)};
  }
  o.repetitions = o.fixed_rounds ? kRepetitionsPerRound : kSequentialRepetitions;
  if (app.count("--shard") > 0) {
    o.shard = ParseShard(shard);
    if (!o.shard) {
      return {
          std::nullopt,
          tool::UsageError("benchgate-ab",
                           "--shard: expected " + ShardExpected() + ", got '" + shard + "'", err)};
    }
  }
  o.baseline_binary = binaries[0];
  o.candidate_binary = binaries[1];
  if (app.count("--seed") > 0) o.seed = seed;
  return {o, 0};
}

}  // namespace benchgate::ab
