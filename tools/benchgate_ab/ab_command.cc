#include "ab_command.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <set>
#include <system_error>
#include <vector>

#include "ab_counts.h"
#include "ab_options.h"
#include "ab_process.h"
#include "ab_rounds.h"
#include "benchgate/error.h"
#include "gate/analysis.h"
#include "gate/count_analysis.h"
#include "gate/more_rounds.h"
#include "gate/process_analysis.h"
#include "gate/run_warnings.h"
#include "io/files.h"
#include "io/run_reader.h"
#include "io/thresholds_reader.h"
#include "report_dispatch.h"
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

// Extra rounds for the benchmarks still undecided, in batches of half
// --rounds: the verdicts are looked at once per batch, not once per round,
// so waiting for a decision adds few looks (each look is a chance for an
// unchanged benchmark to cross the line by luck).
SuiteAnalysis RoundsForUndecided(const AbOptions& o, const AnalysisConfig& config,
                                 RoundRunner& rounds, Progress& progress, std::ostream& err,
                                 SuiteAnalysis suite, std::size_t& measured_again) {
  const int batch = std::max(1, (o.rounds + 1) / 2);
  std::set<std::string> again;
  while (rounds.rounds() < o.max_rounds) {
    const std::vector<std::string> undecided = NeedMoreRounds(suite, 0, true);
    if (undecided.empty()) break;
    if (o.max_seconds > 0 && progress.Seconds() >= o.max_seconds) {
      err << "benchgate-ab: no extra round: --max-seconds " << o.max_seconds << " reached with "
          << undecided.size() << " benchmark" << (undecided.size() == 1 ? "" : "s")
          << " undecided\n";
      break;
    }
    again.insert(undecided.begin(), undecided.end());
    for (int i = 0; i < batch && rounds.rounds() < o.max_rounds; ++i) rounds.Run(undecided);
    suite = AnalyzeProcesses(rounds.baseline(), rounds.candidate(), config);
  }
  measured_again = again.size();
  return suite;
}

// The machine's warnings first in the suite and on stderr, and how the
// report names the two sides.
RenderOptions AddWarningsAndRender(const AbOptions& o, const std::vector<std::string>& machine,
                                   SuiteAnalysis& suite, std::ostream& err,
                                   const Terminals& terminals) {
  for (const std::string& warning : machine) err << "benchgate-ab: warning: " << warning << "\n";
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
  const std::uint64_t seed = o.seed ? *o.seed : SeedFromClock();
  err << "benchgate-ab: seed " << seed << " (replay with --seed " << seed << ")\n";

  const TempDir work("benchgate-ab");
  const std::string json_dir = o.keep.empty() ? work.path() : MakeKeepDir(o.keep);
  const InterruptGuard guard;
  Progress progress(err, terminals.err);
  RoundRunner rounds(o, seed, work.path(), json_dir, progress);
  while (rounds.rounds() < o.rounds) rounds.Run();
  CheckAgainstRuns(o, config, rounds);
  if (!rounds.candidate().empty()) tool::AddCodeBudgets(rounds.candidate().front(), config);
  std::size_t measured_again = 0;
  SuiteAnalysis suite = RoundsForUndecided(
      o, config, rounds, progress, err,
      AnalyzeProcesses(rounds.baseline(), rounds.candidate(), config), measured_again);
  MarkExtraRounds(suite, {}, rounds.rounds() - o.rounds, o.rounds);
  progress.Summary(o.rounds, rounds.rounds() - o.rounds, measured_again);

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
