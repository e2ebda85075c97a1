#include "diff_command.h"

#include <cstdlib>
#include <exception>
#include <fstream>
#include <sstream>

#include "benchgate/error.h"
#include "benchgate/gate/analysis.h"
#include "benchgate/gate/budget_model.h"
#include "benchgate/gate/diff_summary.h"
#include "benchgate/gate/history_series.h"
#include "benchgate/io/diff_json.h"
#include "benchgate/io/files.h"
#include "benchgate/io/thresholds_reader.h"
#include "benchgate/report/github_report.h"
#include "benchgate/report/history_report.h"
#include "benchgate/report/html_report.h"
#include "benchgate/report/junit_report.h"
#include "benchgate/report/markdown_report.h"
#include "benchgate/report/text_report.h"
#include "diff_inputs.h"
#include "diff_options.h"

namespace benchgate::diff {
namespace {

// What was read: the two sides compared and, in history mode, every run.
struct Inputs {
  RunData baseline, candidate;
  std::vector<RunData> runs;        // history mode only, oldest first
  std::vector<std::string> labels;  // one per run
};

std::string FileName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Inputs ReadInputs(const DiffOptions& o) {
  Inputs in;
  if (o.history) {
    const std::vector<std::string> files = ExpandRunPaths(o.inputs);
    if (files.size() < 2) {
      throw Error(o.inputs.front(), "", "expected a history of at least two runs");
    }
    in.runs = ReadRuns(files);
    for (std::size_t i = 0; i < files.size(); ++i) {
      FilterBenchmarks(in.runs[i], o.filter);
      in.labels.push_back(FileName(files[i]));
    }
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
  std::vector<RunData> runs = ReadRuns(files);
  const auto middle = runs.begin() + static_cast<std::ptrdiff_t>(before.size());
  in.baseline =
      MergeSide({std::make_move_iterator(runs.begin()), std::make_move_iterator(middle)}, before);
  in.candidate =
      MergeSide({std::make_move_iterator(middle), std::make_move_iterator(runs.end())}, after);
  FilterBenchmarks(in.baseline, o.filter);
  FilterBenchmarks(in.candidate, o.filter);
  return in;
}

bool HasMetric(const RunData& run, const std::string& metric) {
  for (const SampleSet& set : run.benchmarks) {
    if (!MetricValues(set, metric).empty()) return true;
  }
  return false;
}

AnalysisConfig ConfigFor(const DiffOptions& o, const Inputs& in) {
  AnalysisConfig config = AnalysisConfigFrom(o.alpha);
  config.holm = o.correction == "holm";
  config.p_method = o.p_method == "exact"        ? MannWhitneyMethod::kExact
                    : o.p_method == "asymptotic" ? MannWhitneyMethod::kAsymptotic
                                                 : MannWhitneyMethod::kAuto;
  config.tolerance = o.tolerance;
  config.max_cv = o.max_cv;
  config.max_undecided = o.max_undecided;
  config.set_aside_slow = !o.keep_slow;
  config.metric = o.metric;
  config.higher_is_better =
      o.direction == "auto" ? HigherIsBetter(o.metric) : o.direction == "higher";
  const bool timed = o.metric == "real_time" || o.metric == "cpu_time";
  if (!timed && !HasMetric(in.baseline, o.metric) && !HasMetric(in.candidate, o.metric)) {
    throw Error("--metric", "",
                "expected real_time, cpu_time or a counter of the runs, got '" + o.metric + "'");
  }
  if (!o.thresholds.empty()) {
    config.budgets = ReadThresholds(o.thresholds);
    // A pattern that matches nothing is a mistake in the file, unless a
    // filter left benchmarks out on purpose (as the runner does).
    if (o.filter.empty()) {
      std::vector<std::string> names;
      for (const SampleSet& set : in.candidate.benchmarks) names.push_back(set.name);
      CheckPatternsMatch(config.budgets, names);
    }
  }
  return config;
}

void Render(const DiffOptions& o, const Inputs& in, const SuiteAnalysis& suite,
            const RenderOptions& render, std::ostream& out, std::ostream& err) {
  const DiffSummary summary = SummarizeDiff(suite);
  std::optional<HistorySeries> history;
  if (o.history) {
    history = BuildHistorySeries(in.runs, in.labels, o.metric, AnalysisConfig{}.ci_level,
                                 ChangePointOptions{});
  }
  if (o.format == "text") {
    RenderText(suite, summary, render, out);
    if (history) RenderHistoryText(*history, in.runs.size(), summary, render, out);
  } else if (o.format == "markdown") {
    RenderMarkdown(suite, summary, render, out);
    if (history) RenderHistoryMarkdown(*history, in.runs.size(), summary, render, out);
  } else if (o.format == "json") {
    WriteDiffJson(suite, summary, render, out, history ? &*history : nullptr, &in.labels);
  } else if (o.format == "html") {
    SamplesByName baseline_samples;
    for (const SampleSet& set : in.baseline.benchmarks) {
      baseline_samples[set.name] = MetricValues(set, o.metric);
    }
    RenderHtml(suite, summary, render, out, &baseline_samples,
               history ? &history->series : nullptr);
  } else if (o.format == "junit") {
    RenderJunit(suite, summary, render, out);
  } else if (o.format == "github") {
    const char* step_summary_path = std::getenv("GITHUB_STEP_SUMMARY");
    std::ofstream step_summary;
    if (step_summary_path != nullptr && *step_summary_path != '\0') {
      step_summary.open(step_summary_path, std::ios::app);
      if (!step_summary) {
        err << "benchgate-diff: warning: cannot append to $GITHUB_STEP_SUMMARY ("
            << step_summary_path << ")\n";
      }
    }
    RenderGithub(suite, summary, render, out, step_summary.is_open() ? &step_summary : nullptr);
  }
}

int Diff(const DiffOptions& o, std::ostream& out, std::ostream& err, bool out_is_terminal) {
  if (!o.output.empty()) CheckWritablePath(o.output, "--output");
  const Inputs in = ReadInputs(o);
  const AnalysisConfig config = ConfigFor(o, in);
  for (const RunData* run : {&in.baseline, &in.candidate}) {
    for (const std::string& warning : AggregateOnlyWarnings(*run)) {
      err << "benchgate-diff: warning: " << warning << "\n";
    }
  }
  const SuiteAnalysis suite = AnalyzeSuite(in.candidate, &in.baseline, config);

  RenderOptions render;
  render.metric = o.metric;
  render.verbose = o.verbose;
  const bool terminal = o.output.empty() && out_is_terminal && std::getenv("NO_COLOR") == nullptr;
  render.color = o.color == "always" || (o.color == "auto" && terminal);
  render.baseline_label = o.history ? in.labels.front() : in.baseline.source;
  render.candidate_label = o.history ? in.labels.back() : in.candidate.source;
  if (o.output.empty()) {
    Render(o, in, suite, render, out, err);
  } else {
    std::ostringstream text;
    Render(o, in, suite, render, text, err);
    WriteFileAtomically(o.output, text.str());
  }
  return suite.gate_failed ? 1 : 0;
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
  return 2;
}

}  // namespace benchgate::diff
