// benchgate::Initialize / RunSpecifiedBenchmarks: the one-way flow of a run.
//   flags -> preflight (outputs writable, baseline readable) -> environment
//   -> Google Benchmark runs (rows collected) -> analysis (stats, verdicts)
//   -> console / enriched JSON / Google Benchmark file -> exit code.
#include "benchgate/runner.h"

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "benchgate/error.h"
#include "gate/analysis.h"
#include "gate/budget_registry.h"
#include "gate/budget_resolve.h"
#include "gate/count_analysis.h"
#include "gate/more_rounds.h"
#include "gate/run_warnings.h"
#include "io/enriched_writer.h"
#include "io/files.h"
#include "io/history_file.h"
#include "io/run_reader.h"
#include "io/thresholds_reader.h"
#include "report/console_table.h"
#include "run/collecting_reporter.h"
#include "run/counting_child.h"
#include "run/environment_capture.h"
#include "run/instruction_counting.h"
#include "run/latency_registry.h"
#include "run/measure_again.h"
#include "run/memory_stats.h"
#include "run/options.h"
#include "run/shard_selection.h"
#include "run/speed_probe.h"

namespace benchgate {
namespace {

struct RunnerState {
  bool initialized = false;
  Options options;
  std::optional<Error> flag_error;
  BuildInfo build;
  std::string program = "benchgate";  // argv[0], for messages about the binary itself
  // Storage for the argv handed to Google Benchmark; the user's argv points
  // into it afterwards, so it lives as long as the process.
  std::vector<std::string> arg_storage;
  std::vector<char*> arg_pointers;
  // The user's arguments as given (argv[1...]): what a counting process of
  // --benchgate_measure=instructions is started with.
  std::vector<std::string> user_args;
};

RunnerState& State() {
  static RunnerState state;
  return state;
}

void PrintHelp() {
  benchmark::PrintDefaultHelp();
  std::fputs(FlagsHelp().c_str(), stdout);
}

bool ShouldColor(const std::string& color) {
  if (color == "auto") {
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) != 0 && term != nullptr && std::string(term) != "dumb";
  }
  return color == "true" || color == "yes" || color == "1" || color == "on" || color.empty();
}

std::unique_ptr<benchmark::BenchmarkReporter> MakeGbenchReporter(const std::string& format,
                                                                 bool color, bool tabular) {
  if (format == "json") return std::make_unique<benchmark::JSONReporter>();
  if (format == "csv") {
    // Deprecated upstream but still a documented --benchmark_format value.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    return std::make_unique<benchmark::CSVReporter>();
#pragma GCC diagnostic pop
  }
  int options = benchmark::ConsoleReporter::OO_None;
  if (color) options |= benchmark::ConsoleReporter::OO_Color;
  if (tabular) options |= benchmark::ConsoleReporter::OO_Tabular;
  return std::make_unique<benchmark::ConsoleReporter>(
      static_cast<benchmark::ConsoleReporter::OutputOptions>(options));
}

// No benchmark ran: none registered, or the filter matched none.
[[noreturn]] void NoBenchmarkSelected(const std::string& program) {
  const std::string filter = benchmark::GetBenchmarkFilter();
  if (filter.empty() || filter == "." || filter == "all") {
    throw Error(program, "", "expected at least one registered benchmark");
  }
  throw Error("--benchmark_filter", "",
              "expected a filter matching at least one benchmark, got '" + filter + "'");
}

// A file of another measure is never a baseline: its numbers mean something else.
void CheckSameMeasure(const RunData& baseline, Measure measure, const std::string& path) {
  if (baseline.measure == measure) return;
  throw Error(path, "",
              DifferentMeasures(measure, std::string("--benchgate_measure=") + MeasureName(measure),
                                baseline.measure));
}

// This binary, to be started again under Valgrind.
std::string SelfPath(const std::string& program) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? program : self.string();
}

struct RunInputs {
  std::optional<RunData> baseline;
  History history;
  std::vector<BudgetRule> code_budgets;  // BENCHGATE_BUDGET: also written to the enriched JSON
  std::vector<BudgetRule> file_budgets;
  std::vector<BudgetRule> budgets;  // code and files together
};

// Everything that can be wrong with the command line or its files is found
// here, before the first benchmark runs.
RunInputs Preflight(const Options& options) {
  if (!options.out.empty()) CheckWritablePath(options.out, "--benchgate_out");
  if (!options.gbench_out.empty()) CheckWritablePath(options.gbench_out, "--benchmark_out");
  if (options.display_format != "console" && options.display_format != "json" &&
      options.display_format != "csv") {
    throw Error("--benchmark_format", "",
                "expected console, json or csv, got '" + options.display_format + "'");
  }
  RunInputs run_inputs;
  run_inputs.code_budgets = CodeBudgets();
  run_inputs.budgets = run_inputs.code_budgets;
  if (!options.thresholds.empty()) {
    run_inputs.file_budgets = ReadThresholds(options.thresholds);
    run_inputs.budgets.insert(run_inputs.budgets.end(), run_inputs.file_budgets.begin(),
                              run_inputs.file_budgets.end());
  }
  if (!options.baseline.empty()) {
    run_inputs.baseline = ReadRunFile(options.baseline);
    CheckSameMeasure(*run_inputs.baseline, options.measure, options.baseline);
  }
  if (options.measure == Measure::kInstructions && !options.history.empty()) {
    throw Error("--benchgate_history", "",
                "expected no history with --benchgate_measure=instructions: exact counts have no "
                "noise to learn from; compare with --benchgate_baseline");
  }
  if (options.record && options.history.empty()) {
    throw Error("--benchgate_record", "", "expected --benchgate_history=FILE to record into");
  }
  if (!options.history.empty()) {
    CheckWritablePath(options.history, "--benchgate_history");
    run_inputs.history = ReadHistoryFile(options.history);
  }
  return run_inputs;
}

// A threshold-file pattern that matches no benchmark is a mistake (a typo or
// a renamed benchmark), unless a filter chose to run only some of them.
void CheckFileBudgetsMatch(const std::vector<BudgetRule>& file_budgets, const RunData& run) {
  const std::string filter = benchmark::GetBenchmarkFilter();
  if (!(filter.empty() || filter == "." || filter == "all")) return;
  std::vector<std::string> names;
  for (const SampleSet& set : run.benchmarks) names.push_back(set.name);
  CheckPatternsMatch(file_budgets, names);
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// What this run adds to the history: each measured benchmark's median.
std::vector<std::pair<std::string, HistoryEntry>> HistoryEntries(const SuiteAnalysis& analysis,
                                                                 const Environment& environment) {
  std::vector<std::pair<std::string, HistoryEntry>> entries;
  const std::string time = UtcNow();
  for (const BenchmarkAnalysis& b : analysis.benchmarks) {
    if (b.real_time.status != StatStatus::kOk) continue;
    entries.emplace_back(b.samples.name, HistoryEntry{b.real_time.median, b.real_time.mad,
                                                      b.real_time.n, time, environment.git_sha});
  }
  return entries;
}

// What a measurement hands to the common end of a run: the run, its
// analysis, Google Benchmark's JSON of it, and what its registrations put in
// doubt (kept with the verdicts; on stderr when stdout is machine-readable).
struct Measured {
  RunData run;
  SuiteAnalysis analysis;
  std::string gbench_json;
  std::vector<std::string> registration;
};

struct Reporters {
  benchmark::BenchmarkReporter* display = nullptr;
  benchmark::BenchmarkReporter* file = nullptr;
};

// While a person at a terminal waits for the rows: how many benchmarks have
// finished, on one line of stderr rewritten in place, cleared before the
// table. Nothing anywhere else (a CI log gets the table alone).
class ProgressLine {
 public:
  explicit ProgressLine(bool on) : on_(on) {}
  void Show(std::size_t done, const std::string& name) {
    if (!on_) return;
    std::cerr << "\r\033[Kbenchgate: " << done << " measured, the last " << name << std::flush;
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool on_;
  bool shown_ = false;
};

// Time: Google Benchmark runs here and rows are collected; the table prints
// them once the pass is over, in registration order (interleaved
// repetitions finish in a random order), then undecided benchmarks and
// suspects get extra rounds.
Measured MeasureTime(const RunnerState& state, const RunInputs& run_inputs,
                     const AnalysisConfig& config, ConsoleTable& table, Reporters reporters,
                     bool console, std::ostream& out) {
  const Options& options = state.options;
  // Google Benchmark applies --benchmark_display_aggregates_only to the
  // display view itself; the report flag is benchgate's to apply.
  DisplayView display_view(ReporterSink{reporters.display, options.report_aggregates_only});
  ProgressLine progress(console && ::isatty(STDERR_FILENO) != 0);
  std::size_t finished = 0, width = 20;
  std::vector<ComplexityRow> fits;
  CollectingReporter collector(
      ReporterSink{reporters.file, options.report_aggregates_only}, options.report_aggregates_only,
      [&](const SampleSet& set, std::size_t name_width) {
        width = std::max(width, name_width);
        progress.Show(++finished, set.name);
      },
      [&](const ComplexityRow& fit) { fits.push_back(fit); });
  // The machine's speed through the run, between repetitions: only where
  // it is read, in this run's comparison or in the file a later run
  // compares with (a counting child is timed by nobody).
  SpeedProbeClock probe(options.speed_probe && !IsCountingChild() &&
                        (!options.baseline.empty() || !options.out.empty()));
  if (IsCountingChild()) {
    PrepareCountingChild();
    collector.SetAfterRows(MarkRowsCounted);
  } else {
    collector.SetAfterRows([&probe](const std::string&) { probe.MeasureIfDue(); });
  }
  probe.Measure();
  benchmark::RunSpecifiedBenchmarks(&display_view, &collector);
  probe.Measure();
  progress.Clear();
  // Histograms of trial and memory-measurement runs were never reported.
  DiscardLatencyHistograms();
  if (console) {
    table.SetNameWidth(width);
    for (const SampleSet& set : collector.run().benchmarks) {
      table.PrintMeasurement(AnalyzeMeasurement(set, config));
    }
    for (const ComplexityRow& fit : fits) table.PrintComplexity(fit);
  }

  if (collector.benchmark_count() == 0) {
    const std::vector<std::string> no_samples = collector.AggregatesOnlyWarnings();
    if (!no_samples.empty())
      throw Error(state.program, "", "expected a benchmark with samples; " + no_samples.front());
    NoBenchmarkSelected(state.program);
  }

  CheckFileBudgetsMatch(run_inputs.file_budgets, collector.run());
  Measured measured;
  measured.run = collector.run();
  measured.run.speed_probe = probe.Take();
  const RunData* baseline = run_inputs.baseline ? &*run_inputs.baseline : nullptr;
  // An undecided benchmark is judged after the first pass and after each
  // extra round, up to --benchgate_max_rounds looks: they share alpha.
  AnalysisConfig looked = config;
  looked.looks.count = std::max(options.max_rounds, 1);
  measured.analysis = MeasureUntilSettled(
      measured.run, baseline, looked, AnalyzeSuite(measured.run, baseline, looked),
      // --benchgate_max_rounds counts the first pass too; the gate counts extra rounds.
      ExtraRoundLimits{options.confirm, options.max_rounds - 1, options.max_seconds},
      [&probe](const std::vector<std::string>& names, int) {
        RunData extra = MeasureAgain(names);
        probe.Measure();
        extra.speed_probe = probe.Take();
        return extra;
      },
      console ? out : std::cerr);
  measured.gbench_json = collector.GbenchJsonText();
  measured.registration = collector.DuplicateNameWarnings();
  for (std::string& warning : collector.AggregatesOnlyWarnings()) {
    measured.registration.push_back(std::move(warning));
  }
  return measured;
}

// Instructions: this binary counted under callgrind in separate processes
// (run/instruction_counting.h); the verdicts are exact relative changes.
Measured MeasureInstructions(const RunnerState& state, const RunInputs& run_inputs,
                             const AnalysisConfig& time_config, ConsoleTable& table, bool console) {
  CountingRequest request;
  request.binary = SelfPath(state.program);
  for (const std::string& arg : state.user_args) {
    if (!ReplacedWhenCounting(arg)) request.args.push_back(arg);
  }
  request.timeout_seconds = state.options.timeout_seconds;
  request.shard = state.options.shard;
  CountedRun counted = CountInstructions(request);
  if (counted.run.benchmarks.empty()) NoBenchmarkSelected(state.program);
  CheckFileBudgetsMatch(run_inputs.file_budgets, counted.run);

  AnalysisConfig config = time_config;  // AnalyzeCounts sets the metric and the measure
  config.tolerance = kInstructionsTolerance;
  Measured measured;
  const RunData* baseline = run_inputs.baseline ? &*run_inputs.baseline : nullptr;
  measured.analysis = AnalyzeCounts(counted.run, baseline, config);
  if (console) {
    std::size_t width = 20;
    for (const SampleSet& set : counted.run.benchmarks) width = std::max(width, set.name.size());
    table.SetNameWidth(width);
    table.PrintCountingSetup(*counted.run.counting);
    // The candidate's benchmarks come first, in run order; removed ones after.
    for (const BenchmarkAnalysis& b : measured.analysis.benchmarks) {
      if (b.status != VerdictStatus::kRemoved) table.PrintCount(b);
    }
  }
  // A count carries between builds of one toolchain only: a baseline from
  // another compiler or build type is said to be one.
  if (baseline != nullptr) {
    const std::string environments = EnvironmentDifference(*baseline, counted.run);
    if (!environments.empty()) measured.registration.push_back(environments);
  }
  measured.run = std::move(counted.run);
  measured.gbench_json = std::move(counted.gbench_json);
  return measured;
}

int Run(RunnerState& state) {
  const Options& options = state.options;
  if (options.list_tests) {
    // Exactly Google Benchmark's listing: the names on stdout, nothing run,
    // no warning, no baseline or threshold read, exit 0. With a shard, the
    // names that shard runs (what a CI matrix job lists); the listing child
    // of SelectShard, a counting child, lists the whole selection.
    if (!IsCountingChild()) SelectShard(options, SelfPath(state.program), state.user_args);
    benchmark::RunSpecifiedBenchmarks();
    return kExitPass;
  }
  const RunInputs run_inputs = Preflight(options);
  // Counting children count the one benchmark they are given.
  if (!IsCountingChild() && options.measure == Measure::kTime) {
    SelectShard(options, SelfPath(state.program), state.user_args);
  }

  EnvironmentInputs inputs = InputsFromGoogleBenchmark();
  inputs.build = state.build;
  Environment environment = CaptureEnvironment(inputs);
  if (options.measure == Measure::kInstructions) {
    environment.warnings = EnvironmentWarnings(environment, Measure::kInstructions);
  }

  const bool console = options.display_format == "console";
  const bool color = ShouldColor(options.color);
  std::ostream& out = std::cout;
  // Warnings go above the table; with a JSON or CSV display stdout must stay
  // machine-readable, so they go to stderr instead.
  WriteEnvironmentWarnings(environment, console ? out : std::cerr);

  ConsoleTable table(out, color);
  std::unique_ptr<benchmark::BenchmarkReporter> display;
  if (!console || options.show_repetitions) {
    display = MakeGbenchReporter(options.display_format, color, options.counters_tabular);
  }
  std::ofstream gbench_file;
  std::unique_ptr<benchmark::BenchmarkReporter> file;
  if (!options.gbench_out.empty()) {
    gbench_file.open(options.gbench_out);
    if (!gbench_file)
      throw Error("--benchmark_out", "", "expected a writable file '" + options.gbench_out + "'");
    file = MakeGbenchReporter(options.gbench_out_format, false, false);
    file->SetOutputStream(&gbench_file);
    file->SetErrorStream(&gbench_file);
  }

  AnalysisConfig config = AnalysisConfigFrom(options.alpha);
  config.budgets = run_inputs.budgets;
  config.holm = options.correction == "holm";
  config.max_undecided = options.max_undecided;
  config.adaptive.floor = options.tolerance_floor;
  config.adaptive.max_runs = options.history_runs;
  config.adaptive.decay = options.history_decay;
  const auto history = run_inputs.history.environments.find(environment.key);
  if (history != run_inputs.history.environments.end()) config.history = &history->second;

  Measured measured = options.measure == Measure::kInstructions
                          ? MeasureInstructions(state, run_inputs, config, table, console)
                          : MeasureTime(state, run_inputs, config, table,
                                        Reporters{display.get(), file.get()}, console, out);
  RunData& run = measured.run;
  SuiteAnalysis& analysis = measured.analysis;
  std::vector<std::string>& registration = measured.registration;
  if (!MemoryCountCaveat().empty() &&
      std::any_of(run.benchmarks.begin(), run.benchmarks.end(),
                  [](const SampleSet& set) { return set.memory.has_value(); })) {
    registration.push_back(MemoryCountCaveat());
  }
  for (const std::string& warning : registration) {
    if (!console) std::cerr << "benchgate: warning: " << warning << "\n";
  }
  analysis.warnings.insert(analysis.warnings.begin(), registration.begin(), registration.end());
  if (console) table.PrintGate(analysis);
  if (options.measure == Measure::kInstructions && file != nullptr) {
    // The counting process's rows, as Google Benchmark wrote them.
    gbench_file << measured.gbench_json;
    gbench_file.flush();
  }
  if (!options.out.empty()) {
    WriteFileAtomically(
        options.out,
        RenderEnrichedJson(measured.gbench_json, environment, analysis, run_inputs.code_budgets,
                           run.counting ? &*run.counting : nullptr,
                           options.shard ? &*options.shard : nullptr,
                           run.speed_probe ? &*run.speed_probe : nullptr));
  }
  if (options.record) {
    RecordToHistoryFile(options.history, environment.key, HistoryEntries(analysis, environment),
                        options.history_runs);
  }
  return analysis.gate_failed ? kExitGateFailed : kExitPass;
}

}  // namespace

namespace internal {

void InitializeWithBuild(int* argc, char** argv, const BuildInfo& build) {
  RunnerState& state = State();
  state.initialized = true;
  state.build = build;
  if (*argc > 0 && argv[0] != nullptr) state.program = argv[0];
  const std::vector<std::string> args(argv + 1, argv + *argc);
  state.user_args = args;
  // A counting process (--benchgate_measure=instructions) is told what to do
  // by its flags alone: the user's BENCHGATE_* variables are its parent's.
  const EnvLookup env = IsCountingChild() ? EnvLookup([](const std::string& name) {
    return name.rfind("BENCHGATE_", 0) == 0 ? std::nullopt : ProcessEnv(name);
  })
                                          : EnvLookup(ProcessEnv);
  ParsedArgs parsed;
  try {
    parsed = ParseArgs(args, env);
  } catch (const Error& error) {
    state.flag_error = error;
    // Let Google Benchmark still see --help etc., but not a min time it may
    // not read (1.7 prints its own complaint before benchgate's one line).
    for (const std::string& arg : args) {
      if (arg.rfind("--benchmark_min_time", 0) != 0) parsed.gbench_args.push_back(arg);
    }
  }
  state.options = parsed.options;

  state.arg_storage.clear();
  state.arg_storage.emplace_back(argv[0]);
  state.arg_storage.insert(state.arg_storage.end(), parsed.gbench_args.begin(),
                           parsed.gbench_args.end());
  state.arg_pointers.clear();
  for (std::string& arg : state.arg_storage) state.arg_pointers.push_back(arg.data());
  state.arg_pointers.push_back(nullptr);
  int count = static_cast<int>(state.arg_storage.size());
  benchmark::Initialize(&count, state.arg_pointers.data(), &PrintHelp);

  // Google Benchmark removed its flags, including benchgate's overrides, so
  // what is left is never longer than the user's original argv.
  const int left = std::min(count, *argc);
  for (int i = 0; i < left; ++i) argv[i] = state.arg_pointers[static_cast<std::size_t>(i)];
  argv[left] = nullptr;
  *argc = left;
}

}  // namespace internal

bool ReportUnrecognizedArguments(int argc, char** argv) {
  // A flag error is the better message; RunSpecifiedBenchmarks() reports it.
  if (argc <= 1 || State().flag_error) return false;
  std::fprintf(stderr,
               "benchgate: error: %s: unrecognized argument; expected a --benchmark_* or "
               "--benchgate_* flag (see --help)\n",
               argv[1]);
  return true;
}

int RunSpecifiedBenchmarks() {
  RunnerState& state = State();
  try {
    if (!state.initialized) {
      throw Error("benchgate", "",
                  "expected benchgate::Initialize(&argc, argv) before RunSpecifiedBenchmarks()");
    }
    if (state.flag_error) throw *state.flag_error;
    const int code = Run(state);
    benchmark::Shutdown();
    return code;
  } catch (const Error& error) {
    std::fprintf(stderr, "benchgate: error: %s\n", error.what());
    benchmark::Shutdown();
    return kExitBadInput;
  }
}

}  // namespace benchgate
