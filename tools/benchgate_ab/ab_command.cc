#include "ab_command.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "ab_options.h"
#include "ab_process.h"
#include "benchgate/error.h"
#include "benchgate/gate/analysis.h"
#include "benchgate/gate/budget_model.h"
#include "benchgate/gate/process_analysis.h"
#include "benchgate/io/files.h"
#include "benchgate/io/run_reader.h"
#include "benchgate/io/thresholds_reader.h"

namespace benchgate::ab {
namespace {

namespace fs = std::filesystem;

// What the processes reported, round by round.
struct Rounds {
  std::vector<RunData> baseline, candidate;
};

// "r01" for round 1 of 10..99: zero-padded so that name order is round order.
std::string RoundName(int round, int rounds) {
  const std::string number = std::to_string(round);
  const std::size_t width = std::to_string(rounds).size();
  return "r" + std::string(width - std::min(width, number.size()), '0') + number;
}

bool Sets(const std::vector<std::string>& flags, const std::string& name) {
  for (const std::string& flag : flags) {
    if (flag == name || flag.rfind(name + "=", 0) == 0) return true;
  }
  return false;
}

std::vector<std::string> ChildArgs(const AbOptions& o, const std::string& json_path) {
  std::vector<std::string> args = o.child_flags;
  args.push_back("--benchmark_out=" + json_path);
  args.push_back("--benchmark_out_format=json");
  args.push_back("--benchmark_format=json");
  args.push_back("--benchmark_enable_random_interleaving=true");
  if (!Sets(o.child_flags, "--benchmark_repetitions")) {
    args.push_back("--benchmark_repetitions=" + std::to_string(kDefaultRepetitions));
  }
  return args;
}

std::string ReadIfAny(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One process: run, check how it ended, read its JSON.
RunData RunProcess(const AbOptions& o, const std::string& role, const std::string& binary,
                   int round, const std::string& json_path, const std::string& stderr_path) {
  const std::string source = role + " binary " + binary + ", round " + std::to_string(round);
  const ChildExit ended = RunChild(binary, ChildArgs(o, json_path), stderr_path);
  if (!ended.ok) {
    const std::string line = TellingLine(ReadIfAny(stderr_path));
    throw Error(source, "", ended.what + (line.empty() ? "" : ": " + line));
  }
  std::error_code error;
  if (!fs::is_regular_file(json_path, error)) {
    throw Error(source, "", "wrote no JSON to --benchmark_out (is it a Google Benchmark binary?)");
  }
  // Kept files are named by their path, temporary ones by their name alone.
  const std::string label = o.keep.empty() ? fs::path(json_path).filename().string() : json_path;
  try {
    return ReadRunText(ReadWholeFile(json_path), label);
  } catch (const Error& bad) {
    throw Error(source, "", bad.what());
  }
}

Rounds RunRounds(const AbOptions& o, std::uint64_t seed, const std::string& work,
                 const std::string& json_dir, std::ostream& err) {
  const InterruptGuard guard;
  const std::vector<bool> baseline_first = BaselineFirst(seed, o.rounds);
  Rounds rounds;
  for (int r = 1; r <= o.rounds; ++r) {
    const bool base_first = baseline_first[static_cast<std::size_t>(r - 1)];
    err << "benchgate-ab: round " << r << " of " << o.rounds << ": "
        << (base_first ? "base then candidate" : "candidate then base") << std::endl;
    const std::string name = RoundName(r, o.rounds);
    for (const bool base : {base_first, !base_first}) {
      const std::string side = base ? "base" : "cand";
      const std::string json = json_dir + "/" + name + "-" + side + ".json";
      const std::string stderr_path = work + "/" + name + "-" + side + ".stderr";
      RunData run = RunProcess(o, base ? "baseline" : "candidate",
                               base ? o.baseline_binary : o.candidate_binary, r, json, stderr_path);
      (base ? rounds.baseline : rounds.candidate).push_back(std::move(run));
    }
  }
  return rounds;
}

bool HasMetric(const std::vector<RunData>& runs, const std::string& metric) {
  for (const RunData& run : runs) {
    for (const SampleSet& set : run.benchmarks) {
      if (!MetricValues(set, metric).empty()) return true;
    }
  }
  return false;
}

AnalysisConfig ConfigFor(const AbOptions& o) {
  AnalysisConfig config = tool::ConfigFor(o);
  if (!o.thresholds.empty()) config.budgets = ReadThresholds(o.thresholds);
  return config;
}

// What only the runs can tell: the metric exists, every threshold pattern
// matches a benchmark.
void CheckAgainstRuns(const AbOptions& o, const AnalysisConfig& config, const Rounds& rounds) {
  const bool timed = o.metric == "real_time" || o.metric == "cpu_time";
  if (!timed && !HasMetric(rounds.baseline, o.metric) && !HasMetric(rounds.candidate, o.metric)) {
    throw Error("--metric", "",
                "expected real_time, cpu_time or a counter of the runs, got '" + o.metric + "'");
  }
  if (!config.budgets.empty()) {
    std::vector<std::string> names;
    for (const RunData& run : rounds.candidate) {
      for (const SampleSet& set : run.benchmarks) names.push_back(set.name);
    }
    CheckPatternsMatch(config.budgets, names);
  }
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

int Ab(const AbOptions& o, std::ostream& out, std::ostream& err, bool out_is_terminal) {
  // Everything that can be checked before the long work is checked first.
  if (!o.output.empty()) CheckWritablePath(o.output, "--output");
  CheckExecutable(o.baseline_binary, "baseline");
  CheckExecutable(o.candidate_binary, "candidate");
  const AnalysisConfig config = ConfigFor(o);
  const std::uint64_t seed = o.seed ? *o.seed : SeedFromClock();
  err << "benchgate-ab: seed " << seed << " (replay with --seed " << seed << ")\n";

  const TempDir work;
  const std::string json_dir = o.keep.empty() ? work.path() : MakeKeepDir(o.keep);
  const Rounds rounds = RunRounds(o, seed, work.path(), json_dir, err);
  CheckAgainstRuns(o, config, rounds);
  const SuiteAnalysis suite = AnalyzeProcesses(rounds.baseline, rounds.candidate, config);

  RenderOptions render = tool::RenderOptionsFor(o, out_is_terminal);
  render.title = "benchgate-ab";
  render.baseline_label = o.baseline_binary;
  render.candidate_label = o.candidate_binary;
  tool::ReportExtras extras;
  SamplesByName baseline_samples;  // only the HTML report draws them
  if (o.format == "html") {
    for (const SampleSet& set : MergeRuns(rounds.baseline).benchmarks) {
      baseline_samples[set.name] = MetricValues(set, o.metric);
    }
    extras.baseline_samples = &baseline_samples;
  }
  tool::WriteReport("benchgate-ab", o, suite, render, extras, out, err);
  return suite.gate_failed ? kExitGateFailed : kExitPass;
}

}  // namespace

int RunAb(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
          bool out_is_terminal) {
  const ParsedAbArgs parsed = ParseAbArgs(args, out, err);
  if (!parsed.options) return parsed.exit_code;
  try {
    return Ab(*parsed.options, out, err, out_is_terminal);
  } catch (const std::exception& error) {
    // benchgate::Error for every bad input; anything else is still one line
    // and the usage exit code, never an abort in a CI job.
    err << "benchgate-ab: error: " << error.what() << "\n";
  }
  return kExitBadInput;
}

}  // namespace benchgate::ab
