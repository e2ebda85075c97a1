#include "run/instruction_counting.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string_view>
#include <system_error>

#include "benchgate/error.h"
#include "io/callgrind_dump.h"
#include "io/files.h"
#include "io/run_reader.h"
#include "run/child_process.h"
#include "run/count_attribution.h"
#include "run/counting_child.h"

namespace benchgate {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDumpPrefix = "callgrind.out.";

// The executable `name` on PATH, or "".
std::string OnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const std::size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    struct stat info {};
    if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string_view::npos) return "";
    dirs.remove_prefix(colon + 1);
  }
}

std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

// The benchmark a process died in: the first listed one without its rows.
std::string DiedIn(const std::vector<std::string>& listed, const std::string& dir) {
  DumpGroups groups;
  try {
    groups = GroupDumps(ReadCallgrindDumps(dir, kDumpPrefix));
  } catch (const Error&) {
    return "";
  }
  for (const std::string& name : listed) {
    if (groups.counts.count(BoundaryLabel(name)) == 0) return name;
  }
  return "";
}

class Counter {
 public:
  explicit Counter(const CountingRequest& request) : request_(request) {}

  std::string Check() {
    valgrind_ = OnPath("valgrind");
    if (valgrind_.empty()) {
      throw Error(request_.flag, "",
                  "expected Valgrind to count instructions: 'valgrind' is not on PATH (Debian: "
                  "apt-get install valgrind)");
    }
    if (!CountingSupported()) {
      throw Error(request_.flag, "",
                  "this binary was built without Valgrind's valgrind/callgrind.h: install "
                  "Valgrind (Debian: apt-get install valgrind) and rebuild it");
    }
    setarch_ = OnPath("setarch");
    const TempDir dir("benchgate-count");
    ChildOptions options;
    options.stdout_path = dir.path() + "/version";
    options.stderr_path = dir.path() + "/stderr";
    const ChildExit ended = RunChild(valgrind_, {"--version"}, options);
    const std::string version = FirstLine(ReadFileIfAny(options.stdout_path));
    if (!ended.ok || version.rfind("valgrind-", 0) != 0) {
      throw Error(request_.flag, "", valgrind_ + " --version " + (ended.ok ? "said '" + version + "'" : ended.what) +
                                         "; expected a working Valgrind");
    }
    return version;
  }

  // The names the user's selection holds, in order, from Google Benchmark's
  // own listing (run natively): what a crash or a timeout is named by.
  std::vector<std::string> List() {
    const TempDir dir("benchgate-count");
    ChildOptions options;
    options.stdout_path = dir.path() + "/list";
    options.stderr_path = dir.path() + "/stderr";
    options.set_env = {std::string(kCountingChildVariable) + "=" + kCountBenchmarks};
    options.timeout_seconds = request_.timeout_seconds;
    std::vector<std::string> args = request_.args;
    args.push_back("--benchmark_list_tests=true");
    const ChildExit ended = RunChild(request_.binary, args, options);
    if (!ended.ok) {
      const std::string line = TellingLine(ReadFileIfAny(options.stderr_path));
      throw Error(request_.binary, "", "listing its benchmarks " + ended.what +
                                           (line.empty() ? "" : ": " + line));
    }
    std::vector<std::string> names;
    std::istringstream lines(ReadFileIfAny(options.stdout_path));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) names.push_back(line);
    }
    return names;
  }

  std::vector<std::string> ValgrindOptions(const std::string& dir) const {
    return {"--tool=callgrind",
            "--instr-atstart=no",
            "--zero-before=benchmark::State::StartKeepRunning*",
            "--dump-before=benchmark::State::FinishKeepRunning*",
            "--dump-line=no",
            "--callgrind-out-file=" + dir + "/" + kDumpPrefix + "%p"};
  }

  // One counting process: its rows (with their counts) and Google Benchmark
  // JSON.
  struct Process {
    RunData rows;
    ProcessCounts counts;
    std::string gbench_json;
  };

  Process Count(const std::string& kind, const std::vector<std::string>& listed,
                const std::string& label, double floor) {
    const TempDir dir("benchgate-count");
    std::vector<std::string> args;
    if (!setarch_.empty()) args = {"-R", valgrind_};  // address-space randomisation off
    const std::vector<std::string> valgrind = ValgrindOptions(dir.path());
    args.insert(args.end(), valgrind.begin(), valgrind.end());
    args.push_back(request_.binary);
    if (kind == kCountFloor) {
      args.push_back(std::string("--benchmark_filter=^") + kHarnessFloorName + "$");
    } else {
      args.insert(args.end(), request_.args.begin(), request_.args.end());
    }
    const std::string enriched = dir.path() + "/run.json";
    const std::string gbench = dir.path() + "/gbench.json";
    for (const std::string& arg :
         {std::string("--benchmark_repetitions=") + std::to_string(kCountedRepetitions),
          std::string("--benchmark_min_time=0"), std::string("--benchgate_interleave=false"),
          std::string("--benchgate_max_rounds=1"), "--benchgate_out=" + enriched,
          "--benchmark_out=" + gbench, std::string("--benchmark_format=json")}) {
      args.push_back(arg);
    }
    ChildOptions options;
    options.stderr_path = dir.path() + "/stderr";
    options.set_env = {std::string(kCountingChildVariable) + "=" + kind};
    options.timeout_seconds = request_.timeout_seconds;
    const std::string& program = setarch_.empty() ? valgrind_ : setarch_;
    const ChildExit ended = RunChild(program, args, options);
    std::error_code error;
    // Its own budgets broken (exit 1) still leave its measurements.
    if (!ResultsStand(ended, fs::is_regular_file(enriched, error))) {
      const std::string in = DiedIn(listed, dir.path());
      const std::string line = TellingLine(ReadFileIfAny(options.stderr_path));
      throw Error(in.empty() ? request_.binary : "benchmark " + in, "",
                  label + " under Valgrind (callgrind) " + ended.what +
                      (ended.timed_out ? "; raise --benchgate_timeout or leave it out with "
                                         "--benchmark_filter"
                                       : "") +
                      (line.empty() || ended.timed_out ? "" : ": " + line));
    }
    Process process;
    try {
      process.rows = ReadRunFile(enriched);
      process.gbench_json = ReadWholeFile(gbench);
      process.counts = AttributeCounts(GroupDumps(ReadCallgrindDumps(dir.path(), kDumpPrefix)),
                                       process.rows, floor);
    } catch (const Error& bad) {
      throw Error(request_.binary, "", label + ": " + bad.what());
    }
    return process;
  }

  std::string setarch() const { return setarch_; }

 private:
  const CountingRequest& request_;
  std::string valgrind_, setarch_;
};

}  // namespace

bool ReplacedWhenCounting(const std::string& arg) {
  for (const char* flag :
       {"--benchmark_repetitions", "--benchmark_min_time", "--benchmark_min_warmup_time",
        "--benchmark_enable_random_interleaving", "--benchmark_out", "--benchmark_format",
        "--benchmark_display_aggregates_only", "--benchmark_report_aggregates_only",
        "--benchmark_list_tests", "--benchmark_perf_counters", "--benchmark_color",
        "--benchmark_counters_tabular"}) {
    const std::string_view name(flag);
    if (arg.rfind(name, 0) == 0 && (arg.size() == name.size() || arg[name.size()] == '=')) {
      return true;
    }
  }
  return arg.rfind("--benchgate_", 0) == 0;
}

CountedRun CountInstructions(const CountingRequest& request) {
  Counter counter(request);
  const std::string version = counter.Check();
  const std::vector<std::string> listed = counter.List();
  // The floor first: every count is taken less Google Benchmark's own
  // bookkeeping, what an empty loop counts.
  const Counter::Process floor =
      counter.Count(kCountFloor, {kHarnessFloorName}, "the harness floor", 0);
  const auto floor_values = floor.counts.per_iteration.find(kHarnessFloorName);
  if (floor_values == floor.counts.per_iteration.end() || floor_values->second.empty()) {
    throw Error(request.binary, "", "the harness floor was not counted; expected one count of " +
                                        std::string(kHarnessFloorName));
  }
  const double harness = floor_values->second.front();
  Counter::Process first =
      counter.Count(kCountBenchmarks, listed, "counting (process 1 of 2)", harness);
  const Counter::Process second =
      counter.Count(kCountBenchmarks, listed, "counting (process 2 of 2)", harness);

  CountedRun counted;
  counted.run = std::move(first.rows);
  counted.gbench_json = std::move(first.gbench_json);
  counted.run.measure = Measure::kInstructions;
  for (SampleSet& set : counted.run.benchmarks) {
    if (!set.errored) CombineCounts(set, first.counts, second.counts);
  }
  CountingSetup setup;
  setup.valgrind_version = version;
  setup.harness_floor = harness;
  if (!counter.setarch().empty()) setup.options.push_back("setarch -R");
  for (const std::string& option : counter.ValgrindOptions("DIR")) setup.options.push_back(option);
  counted.run.counting = setup;
  return counted;
}

}  // namespace benchgate
