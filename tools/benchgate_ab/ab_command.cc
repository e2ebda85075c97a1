#include "ab_command.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>
#include <vector>

#include "ab_counts.h"
#include "ab_options.h"
#include "ab_process.h"
#include "ab_rounds.h"
#include "benchgate/error.h"
#include "gate/analysis.h"
#include "gate/count_analysis.h"
#include "gate/paired_rounds.h"
#include "gate/run_warnings.h"
#include "io/files.h"
#include "io/run_reader.h"
#include "io/thresholds_reader.h"
#include "kept_rounds.h"
#include "model/shard.h"
#include "report_dispatch.h"
#include "run/benchmark_listing.h"
#include "run/child_process.h"
#include "run_checks.h"

namespace benchgate::ab {
namespace {

namespace fs = std::filesystem;

// The shared settings and the budgets of --thresholds.
AnalysisConfig ConfigWithFileBudgets(const AbOptions& o) {
  AnalysisConfig config = tool::ConfigFromJudgingOptions(o);
  if (!o.thresholds.empty()) config.budgets = ReadThresholds(o.thresholds);
  return config;
}

// What only the runs can tell: the metric exists, every threshold pattern
// matches a benchmark.
void CheckAgainstRuns(const AbOptions& o, const AnalysisConfig& config, const RoundRunner& rounds) {
  std::vector<const RunData*> runs = tool::EachRun(rounds.baseline());
  const std::vector<const RunData*> candidate = tool::EachRun(rounds.candidate());
  runs.insert(runs.end(), candidate.begin(), candidate.end());
  tool::CheckMetricInRuns(o.metric, runs);
  tool::CheckBudgetsMatchRuns(config.budgets, candidate);
}

std::string MakeKeepDir(const std::string& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error || !fs::is_directory(dir)) {
    throw Error("--keep", "",
                "cannot create the directory '" + dir + "' (" +
                    (error ? error.message() : "not a directory") + ")");
  }
  return dir;
}

// What the processes said of the machine (CPU scaling, a debug build, ...)
// and of their builds, each once: 2 x rounds processes would repeat the
// same words.
std::vector<std::string> MachineWarnings(const RoundRunner& rounds) {
  RunData baseline = MergeRuns(rounds.baseline());
  RunData candidate = MergeRuns(rounds.candidate());
  // benchgate-ab's own processes keep a core busy, so each one sees the load
  // of the previous: "high load" would be said of every run, and interleaved
  // rounds are what make load harmless here.
  for (RunData* side : {&baseline, &candidate}) {
    std::vector<std::string>& said = side->warnings;
    said.erase(std::remove_if(said.begin(), said.end(),
                              [](const std::string& w) { return WarningKind(w) == "high load"; }),
               said.end());
  }
  return ComparisonWarnings(baseline, candidate);
}

// --shard K/N: the shard's benchmarks among both binaries' selections (a
// benchmark the candidate adds has its shard too), in listing order.
std::vector<std::string> ShardNames(const AbOptions& o) {
  if (!o.shard) return {};
  std::vector<std::string> names = ListBenchmarks(o.baseline_binary, o.child_flags, {}, 0);
  for (const std::string& name : ListBenchmarks(o.candidate_binary, o.child_flags, {}, 0)) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return NamesToRun(names, *o.shard, "--shard");
}

// How the kept rounds were run, for benchgate-diff --paired KEEP_DIR....
void KeepManifest(const AbOptions& o, std::uint64_t seed, const std::string& dir) {
  tool::KeptRun run;
  run.seed = seed;
  run.shard = o.shard;
  run.baseline_binary = o.baseline_binary;
  run.candidate_binary = o.candidate_binary;
  run.rounds = o;
  tool::WriteManifest(dir, run);
}

// The rounds after the first ones, as the plan says (gate/paired_rounds.h);
// no round starts after --max-seconds.
SuiteAnalysis LaterRounds(const AbOptions& o, const AnalysisConfig& config, RoundRunner& rounds,
                          Progress& progress, std::ostream& err, std::size_t& measured_again) {
  const RoundsPlan plan = tool::PlanOf(o);
  std::set<std::string> again;
  const NextRound next = [&](const std::vector<std::string>& only) {
    if (o.max_seconds > 0 && progress.Seconds() >= o.max_seconds) {
      err << "benchgate-ab: no further round: --max-seconds " << o.max_seconds << " reached with "
          << only.size() << " benchmark" << (only.size() == 1 ? "" : "s")
          << (o.fixed_rounds ? " undecided" : " open") << "\n";
      return false;
    }
    again.insert(only.begin(), only.end());
    rounds.Run(only);
    return true;
  };
  SuiteAnalysis suite = ContinueRounds(plan, config, rounds.baseline(), rounds.candidate(), next);
  measured_again = again.size();
  return suite;
}

// The machine's warnings first in the suite, and on stderr unless the text
// report on stdout already shows them (a person at a terminal reads both
// streams: once is enough); and how the report names the two sides.
RenderOptions AddWarningsAndRender(const AbOptions& o, const std::vector<std::string>& machine,
                                   SuiteAnalysis& suite, std::ostream& err,
                                   const Terminals& terminals) {
  const bool report_shows_them = o.format == "text" && o.output.empty();
  if (!report_shows_them) {
    for (const std::string& warning : machine) err << "benchgate-ab: warning: " << warning << "\n";
  }
  suite.warnings.insert(suite.warnings.begin(), machine.begin(), machine.end());
  RenderOptions render = tool::RenderOptionsFor(o, terminals.out);
  render.title = "benchgate-ab";
  render.baseline_label = o.baseline_binary;
  render.candidate_label = o.candidate_binary;
  return render;
}

// --measure instructions: each binary once, counted exactly; judged as
// benchgate-diff judges two files.
int AbCounts(AbOptions o, std::ostream& out, std::ostream& err, const Terminals& terminals) {
  const TempDir work("benchgate-ab");
  const std::string json_dir = o.keep.empty() ? work.path() : MakeKeepDir(o.keep);
  const InterruptGuard guard;
  const RunData baseline = CountBinary(o, "baseline", o.baseline_binary, json_dir + "/base.json",
                                       work.path() + "/base.stderr");
  const RunData candidate = CountBinary(o, "candidate", o.candidate_binary, json_dir + "/cand.json",
                                        work.path() + "/cand.stderr");
  tool::UseMeasure(Measure::kInstructions, o);
  AnalysisConfig config = ConfigWithFileBudgets(o);
  tool::CheckBudgetsMatchRuns(config.budgets, {&candidate});
  tool::AddCodeBudgets(candidate, config);
  SuiteAnalysis suite = AnalyzeCounts(candidate, &baseline, config);
  const RenderOptions render =
      AddWarningsAndRender(o, ComparisonWarnings(baseline, candidate), suite, err, terminals);
  tool::WriteReport("benchgate-ab", o, suite, render, tool::ReportExtras{}, out, err);
  return suite.gate_failed ? kExitGateFailed : kExitPass;
}

int Ab(const AbOptions& o, std::ostream& out, std::ostream& err, const Terminals& terminals) {
  // Everything that can be checked before the long work is checked first.
  if (!o.output.empty()) CheckWritablePath(o.output, "--output");
  CheckExecutable(o.baseline_binary, "baseline");
  CheckExecutable(o.candidate_binary, "candidate");
  if (o.measure == "instructions") return AbCounts(o, out, err, terminals);
  AnalysisConfig config = ConfigWithFileBudgets(o);
  std::vector<std::string> shard_names = ShardNames(o);
  const std::uint64_t seed = o.seed ? *o.seed : SeedFromClock();
  err << "benchgate-ab: seed " << seed << " (replay with --seed " << seed << ")\n";

  const TempDir work("benchgate-ab");
  const std::string json_dir = o.keep.empty() ? work.path() : MakeKeepDir(o.keep);
  if (!o.keep.empty()) KeepManifest(o, seed, json_dir);
  const InterruptGuard guard;
  Progress progress(err, terminals.err);
  RoundRunner rounds(o, seed, work.path(), json_dir, progress, std::move(shard_names));
  while (rounds.rounds() < o.rounds) rounds.Run();
  CheckAgainstRuns(o, config, rounds);
  if (!rounds.candidate().empty()) tool::AddCodeBudgets(rounds.candidate().front(), config);
  std::size_t measured_again = 0;
  SuiteAnalysis suite = LaterRounds(o, config, rounds, progress, err, measured_again);
  if (o.fixed_rounds) {
    progress.Summary(o.rounds, rounds.rounds() - o.rounds, measured_again);
  } else {
    std::size_t early = 0;
    for (const BenchmarkAnalysis& b : suite.benchmarks) early += b.decided_early ? 1 : 0;
    progress.Sequential(rounds.rounds(), MeanRoundsPerBenchmark(suite), early);
  }

  // The machine's state, as the processes saw it: each warning once.
  const RenderOptions render =
      AddWarningsAndRender(o, MachineWarnings(rounds), suite, err, terminals);
  tool::ReportExtras extras;
  SamplesByName baseline_samples;  // only the HTML report draws them
  if (o.format == "html") {
    for (const SampleSet& set : MergeRuns(rounds.baseline()).benchmarks) {
      baseline_samples[set.name] = MetricValues(set, o.metric);
    }
    extras.baseline_samples = &baseline_samples;
  }
  tool::WriteReport("benchgate-ab", o, suite, render, extras, out, err);
  return suite.gate_failed ? kExitGateFailed : kExitPass;
}

}  // namespace

int RunAb(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
          const Terminals& terminals) {
  const ParsedAbArgs parsed = ParseAbArgs(args, out, err);
  if (!parsed.options) return parsed.exit_code;
  try {
    return Ab(*parsed.options, out, err, terminals);
  } catch (const std::exception& error) {
    // benchgate::Error for every bad input; anything else is still one line
    // and the usage exit code, never an abort in a CI job.
    err << "benchgate-ab: error: " << error.what() << "\n";
  }
  return kExitBadInput;
}

}  // namespace benchgate::ab
