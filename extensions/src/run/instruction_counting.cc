#include "run/instruction_counting.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string_view>
#include <system_error>
#include <thread>

#include "benchgate/error.h"
#include "io/callgrind_dump.h"
#include "io/files.h"
#include "io/gbench_json_merge.h"
#include "io/run_reader.h"
#include "run/benchmark_listing.h"
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

// `arg` is the command-line flag `flag`, bare or with "=value".
bool IsFlag(const std::string& arg, std::string_view flag) {
  return arg.rfind(flag, 0) == 0 && (arg.size() == flag.size() || arg[flag.size()] == '=');
}

// A --benchmark_filter matching exactly `name`, whichever engine Google
// Benchmark was built with (std::regex or POSIX extended): every character
// either gives a meaning is escaped, nothing else (GNU POSIX reads "\\<" as
// a word boundary).
std::string ExactFilter(const std::string& name) {
  std::string filter = "--benchmark_filter=^";
  for (const char c : name) {
    if (std::string_view(".[]{}()*+?^$|\\").find(c) != std::string_view::npos) filter += '\\';
    filter += c;
  }
  return filter + "$";
}

// Runs task(0) .. task(n - 1) on up to `workers` threads. Once one fails the
// rest are skipped; the failure of the lowest index is rethrown.
void InParallel(std::size_t n, std::size_t workers, const std::function<void(std::size_t)>& task) {
  std::vector<std::exception_ptr> failures(n);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  const auto work = [&] {
    for (std::size_t i = next++; i < n && !failed; i = next++) {
      try {
        task(i);
      } catch (...) {
        failures[i] = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < std::min(workers, n); ++w) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
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
      throw Error(request_.flag, "",
                  valgrind_ + " --version " + (ended.ok ? "said '" + version + "'" : ended.what) +
                      "; expected a working Valgrind");
    }
    return version;
  }

  // The names the user's selection holds, in order, from Google Benchmark's
  // own listing (run natively): what a crash or a timeout is named by; only
  // those of the shard with --benchgate_shard.
  std::vector<std::string> List() {
    std::vector<std::string> names = ListBenchmarks(
        request_.binary, request_.args,
        {std::string(kCountingChildVariable) + "=" + kCountBenchmarks}, request_.timeout_seconds);
    return request_.shard ? NamesInShard(names, *request_.shard) : names;
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

  // `name`: the one benchmark this process counts (the floor's for kind
  // kCountFloor). Safe to call from several threads at once.
  Process Count(const std::string& kind, const std::string& name, const std::string& label,
                double floor) const {
    const TempDir dir("benchgate-count");
    std::vector<std::string> args;
    if (!setarch_.empty()) args = {"-R", valgrind_};  // address-space randomisation off
    const std::vector<std::string> valgrind = ValgrindOptions(dir.path());
    args.insert(args.end(), valgrind.begin(), valgrind.end());
    args.push_back(request_.binary);
    for (const std::string& arg : request_.args) {
      if (!IsFlag(arg, "--benchmark_filter")) args.push_back(arg);
    }
    args.push_back(ExactFilter(name));
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
      const std::string line = TellingLine(ReadFileIfAny(options.stderr_path));
      throw Error(kind == kCountFloor ? request_.binary : "benchmark " + name, "",
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
      throw Error(kind == kCountFloor ? request_.binary : "benchmark " + name, "",
                  label + ": " + bad.what());
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
    if (IsFlag(arg, flag)) return true;
  }
  return arg.rfind("--benchgate_", 0) == 0;
}

CountedRun CountInstructions(const CountingRequest& request) {
  Counter counter(request);
  const std::string version = counter.Check();
  // Each benchmark in processes of its own: what runs before it (other
  // benchmarks, and the reporting of their Valgrind-slowed times, which
  // formats and allocates by the clock) would otherwise shape the heap it
  // starts on, and an allocating benchmark's count would move when a
  // benchmark is added, removed or filtered out.
  std::vector<std::string> names;
  for (const std::string& name : counter.List()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  // The floor first: every count is taken less Google Benchmark's own
  // bookkeeping, what an empty loop counts.
  const Counter::Process floor =
      counter.Count(kCountFloor, kHarnessFloorName, "the harness floor", 0);
  const auto floor_values = floor.counts.per_iteration.find(kHarnessFloorName);
  if (floor_values == floor.counts.per_iteration.end() || floor_values->second.empty()) {
    throw Error(request.binary, "",
                "the harness floor was not counted; expected one count of " +
                    std::string(kHarnessFloorName));
  }
  const double harness = floor_values->second.front();
  // A count does not depend on the machine's load: every core counts.
  std::vector<Counter::Process> processes(2 * names.size());
  InParallel(
      processes.size(), std::max(1u, std::thread::hardware_concurrency()), [&](std::size_t i) {
        processes[i] =
            counter.Count(kCountBenchmarks, names[i / 2],
                          "counting (process " + std::to_string(i % 2 + 1) + " of 2)", harness);
      });

  CountedRun counted;
  std::vector<std::pair<std::string, std::string>> documents;
  for (std::size_t k = 0; k < names.size(); ++k) {
    Counter::Process& first = processes[2 * k];
    const Counter::Process& second = processes[2 * k + 1];
    if (k == 0) {
      counted.run = first.rows;  // the context and environment of one process
      counted.run.benchmarks.clear();
    }
    for (SampleSet& set : first.rows.benchmarks) {
      if (!set.errored) CombineCounts(set, first.counts, second.counts);
      counted.run.benchmarks.push_back(std::move(set));
    }
    documents.emplace_back("benchmark " + names[k], std::move(first.gbench_json));
  }
  counted.gbench_json = MergeGbenchJson(documents);
  counted.run.measure = Measure::kInstructions;
  CountingSetup setup;
  setup.valgrind_version = version;
  setup.harness_floor = harness;
  if (!counter.setarch().empty()) setup.options.push_back("setarch -R");
  for (const std::string& option : counter.ValgrindOptions("DIR")) setup.options.push_back(option);
  counted.run.counting = setup;
  return counted;
}

}  // namespace benchgate
