#include "diff_command.h"

#include <exception>
#include <optional>

#include "benchgate/error.h"
#include "diff_inputs.h"
#include "diff_options.h"
#include "gate/analysis.h"
#include "gate/count_analysis.h"
#include "gate/history_series.h"
#include "gate/paired_rounds.h"
#include "gate/process_analysis.h"
#include "gate/run_warnings.h"
#include "io/files.h"
#include "io/thresholds_reader.h"
#include "kept_rounds.h"
#include "report/html_report.h"
#include "report_dispatch.h"
#include "run_checks.h"

namespace benchgate::diff {
namespace {

// What was read: the two sides compared and, in history mode, every run.
struct Inputs {
  RunData baseline, candidate;
  std::vector<RunData> runs;                               // history mode only, oldest first
  std::vector<RunData> baseline_rounds, candidate_rounds;  // --paired only, round by round
  std::optional<tool::RoundsOptions> design;               // --paired KEEP_DIR...: as they ran
  std::vector<std::string> labels;                         // one per run
};

std::string FileName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// One round of every kept directory (shard), merged: the shards hold no
// benchmark in common.
RunData MergeShardsOfRound(const std::vector<std::string>& files) {
  std::vector<RunData> runs = ReadRuns(files);
  CheckNoBenchmarkInTwo(tool::EachRun(runs), files);
  return MergeSide(std::move(runs), files);
}

// --paired KEEP_DIR...: benchgate-ab's kept rounds, its shards combined.
Inputs ReadKeptRounds(const DiffOptions& o) {
  const tool::CombinedRounds kept = tool::CombineKept(o.inputs);
  Inputs in;
  in.design = kept.run.rounds;
  if (o.rounds_given &&
      (o.fixed_rounds != in.design->fixed_rounds || o.rounds != in.design->rounds ||
       o.max_rounds != in.design->max_rounds || o.suspect_rounds != in.design->suspect_rounds)) {
    throw Error(o.inputs.front(), "",
                "expected the round options it ran with (" +
                    std::string(in.design->fixed_rounds ? "--fixed-rounds " : "") + "--rounds " +
                    std::to_string(in.design->rounds) + " --max-rounds " +
                    std::to_string(in.design->max_rounds) +
                    (in.design->fixed_rounds
                         ? ""
                         : " --suspect-rounds " + std::to_string(in.design->suspect_rounds)) +
                    ") or none");
  }
  std::vector<std::string> files;
  for (std::size_t r = 0; r < kept.baseline.size(); ++r) {
    in.baseline_rounds.push_back(MergeShardsOfRound(kept.baseline[r]));
    in.candidate_rounds.push_back(MergeShardsOfRound(kept.candidate[r]));
    files.insert(files.end(), kept.baseline[r].begin(), kept.baseline[r].end());
    files.insert(files.end(), kept.candidate[r].begin(), kept.candidate[r].end());
  }
  std::vector<const RunData*> each = tool::EachRun(in.baseline_rounds);
  const std::vector<const RunData*> candidate = tool::EachRun(in.candidate_rounds);
  each.insert(each.end(), candidate.begin(), candidate.end());
  tool::CheckSameMeasure(each, files);
  FilterBenchmarks(in.baseline_rounds, o.filter);
  FilterBenchmarks(in.candidate_rounds, o.filter);
  in.baseline = MergeRuns(in.baseline_rounds);
  in.candidate = MergeRuns(in.candidate_rounds);
  in.baseline.source = o.inputs.front() + " (baseline)";
  in.candidate.source = o.inputs.front() + " (candidate)";
  return in;
}

Inputs ReadInputs(const DiffOptions& o) {
  if (o.paired && !o.inputs.empty()) return ReadKeptRounds(o);
  Inputs in;
  if (o.history) {
    const std::vector<std::string> files = ExpandRunPaths(o.inputs);
    if (files.size() < 2) {
      throw Error(o.inputs.front(), "", "expected a history of at least two runs");
    }
    in.runs = ReadRuns(files);
    tool::CheckSameMeasure(tool::EachRun(in.runs), files);
    FilterBenchmarks(in.runs, o.filter);
    for (const std::string& file : files) in.labels.push_back(FileName(file));
    in.baseline = in.runs.front();
    in.candidate = in.runs.back();
    return in;
  }
  const bool sides = !o.baseline_files.empty();
  const std::vector<std::string> before =
      ExpandRunPaths(sides ? o.baseline_files : std::vector{o.inputs[0]});
  const std::vector<std::string> after =
      ExpandRunPaths(sides ? o.candidate_files : std::vector{o.inputs[1]});
  std::vector<std::string> files = before;
  files.insert(files.end(), after.begin(), after.end());
  if (o.paired && before.size() != after.size()) {
    throw Error("--candidate", "",
                "--paired: expected as many candidate files as baseline files (" +
                    std::to_string(before.size()) + "), got " + std::to_string(after.size()));
  }
  std::vector<RunData> runs = ReadRuns(files);
  tool::CheckSameMeasure(tool::EachRun(runs), files);
  const auto middle = runs.begin() + static_cast<std::ptrdiff_t>(before.size());
  if (!o.paired) {
    const std::vector<const RunData*> each = tool::EachRun(runs);
    CheckShards({each.begin(), each.begin() + static_cast<std::ptrdiff_t>(before.size())}, before);
    CheckShards({each.begin() + static_cast<std::ptrdiff_t>(before.size()), each.end()}, after);
  }
  FilterBenchmarks(runs, o.filter);
  if (o.paired) {
    in.baseline_rounds.assign(runs.begin(), middle);
    in.candidate_rounds.assign(middle, runs.end());
  }
  in.baseline =
      MergeSide({std::make_move_iterator(runs.begin()), std::make_move_iterator(middle)}, before);
  in.candidate =
      MergeSide({std::make_move_iterator(middle), std::make_move_iterator(runs.end())}, after);
  return in;
}

// The shared settings, benchgate-diff's own, the budgets of --thresholds
// (checked against the runs read) and the candidate's code budgets.
AnalysisConfig ConfigForInputs(const DiffOptions& o, const Inputs& in) {
  AnalysisConfig config = tool::ConfigFromJudgingOptions(o);
  config.p_method = o.p_method == "exact"        ? MannWhitneyMethod::kExact
                    : o.p_method == "asymptotic" ? MannWhitneyMethod::kAsymptotic
                                                 : MannWhitneyMethod::kAuto;
  config.set_aside_slow = !o.keep_slow;
  tool::CheckMetricInRuns(o.metric, {&in.baseline, &in.candidate});
  if (!o.thresholds.empty()) {
    config.budgets = ReadThresholds(o.thresholds);
    // A pattern that matches nothing is a mistake in the file, unless a
    // filter left benchmarks out on purpose (as the runner does).
    if (o.filter.empty()) tool::CheckBudgetsMatchRuns(config.budgets, {&in.candidate});
  }
  tool::AddCodeBudgets(in.candidate, config);
  return config;
}

// The measure of the runs read (ReadInputs refused a mix), and what it
// changes in the options.
Measure MeasureOfInputs(DiffOptions& o, const Inputs& in) {
  tool::UseMeasure(in.candidate.measure, o);
  return in.candidate.measure;
}

// --paired: the kept rounds, judged by the design that ran them.
SuiteAnalysis AnalyzePairedRounds(const DiffOptions& o, const Inputs& in,
                                  const AnalysisConfig& config) {
  const tool::RoundsOptions& design = in.design ? *in.design : o;
  if (design.fixed_rounds) {
    return AnalyzeProcesses(in.baseline_rounds, in.candidate_rounds, config);
  }
  return AnalyzeSequential(in.baseline_rounds, in.candidate_rounds, config,
                           DesignOf(tool::PlanOf(design)));
}

int Diff(DiffOptions o, std::ostream& out, std::ostream& err, bool out_is_terminal) {
  if (!o.output.empty()) CheckWritablePath(o.output, "--output");
  const Inputs in = ReadInputs(o);
  const Measure measure = MeasureOfInputs(o, in);
  const AnalysisConfig config = ConfigForInputs(o, in);
  for (const RunData* run : {&in.baseline, &in.candidate}) {
    for (const std::string& warning : AggregateOnlyWarnings(*run)) {
      err << "benchgate-diff: warning: " << warning << "\n";
    }
  }
  SuiteAnalysis suite = measure == Measure::kInstructions
                            ? AnalyzeCounts(in.candidate, &in.baseline, config)
                        : o.paired ? AnalyzePairedRounds(o, in, config)
                                   : AnalyzeSuite(in.candidate, &in.baseline, config);
  // What the runs' machines put in doubt comes first.
  const std::vector<std::string> inputs = ComparisonWarnings(in.baseline, in.candidate);
  suite.warnings.insert(suite.warnings.begin(), inputs.begin(), inputs.end());

  RenderOptions render = tool::RenderOptionsFor(o, out_is_terminal);
  render.baseline_label = o.history ? in.labels.front() : in.baseline.source;
  render.candidate_label = o.history ? in.labels.back() : in.candidate.source;
  tool::ReportExtras extras;
  SamplesByName baseline_samples;  // only the HTML report draws them
  if (o.format == "html") {
    for (const SampleSet& set : in.baseline.benchmarks) {
      baseline_samples[set.name] = MetricValues(set, o.metric);
    }
    extras.baseline_samples = &baseline_samples;
  }
  std::optional<HistorySeries> history;
  if (o.history) {
    history = BuildHistorySeries(in.runs, in.labels, o.metric, AnalysisConfig{}.ci_level,
                                 ChangePointOptions{});
    extras.history = &*history;
    extras.runs = in.runs.size();
  }
  extras.labels = &in.labels;
  tool::WriteReport("benchgate-diff", o, suite, render, extras, out, err);
  return suite.gate_failed ? kExitGateFailed : kExitPass;
}

}  // namespace

int RunDiff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool out_is_terminal) {
  const ParsedDiffArgs parsed = ParseDiffArgs(args, out, err);
  if (!parsed.options) return parsed.exit_code;
  try {
    return Diff(*parsed.options, out, err, out_is_terminal);
  } catch (const Error& error) {
    err << "benchgate-diff: error: " << error.what() << "\n";
  } catch (const std::exception& error) {
    // Not expected from any input; still one line and the usage exit code,
    // never an abort in a CI job.
    err << "benchgate-diff: error: " << error.what() << "\n";
  }
  return kExitBadInput;
}

}  // namespace benchgate::diff
