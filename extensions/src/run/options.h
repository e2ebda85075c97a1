// benchgate's command line: the --benchgate_* flags (each also from its
// BENCHGATE_* environment variable; the flag wins) and the Google Benchmark
// flags benchgate observes or takes over.
//
// Pure: argv in, Options and the arguments left for Google Benchmark out, so
// every rule is unit-tested without running a benchmark.
#ifndef BENCHGATE_RUN_OPTIONS_H_
#define BENCHGATE_RUN_OPTIONS_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gate/history.h"
#include "model/sample_set.h"
#include "model/shard.h"

namespace benchgate {

// The path Google Benchmark opens for its file reporter: benchgate's
// reporters write where they were told instead, so nothing goes there.
inline constexpr const char* kUnusedGbenchOut =
#ifdef _WIN32
    "NUL";
#else
    "/dev/null";
#endif

// Repetitions used when neither --benchmark_repetitions nor
// BENCHMARK_REPETITIONS is given: enough samples for a rank test.
inline constexpr int kDefaultRepetitions = 10;

struct Options {
  // --benchgate_* flags (DESIGN.md).
  std::string out;         // enriched JSON path
  std::string baseline;    // baseline run (enriched or plain JSON)
  std::string thresholds;  // file or directory
  std::string history;     // history file
  bool record = false;     // append this run to the history
  double alpha = 0.05;     // suite-wide significance level
  int confirm = 1;         // confirmation rounds for suspects
  // Rounds of a benchmark in all, the first pass included (as benchgate-ab's
  // --max-rounds): benchmarks still undecided, and suspects still to be
  // confirmed, get extra rounds until then; a suspect always gets its
  // 1 + `confirm`. And the seconds the extra rounds may take in all (0: no
  // time limit).
  int max_rounds = 4;
  double max_seconds = 0;
  // Fail the gate when more than this share of the judged benchmarks stays
  // inconclusive (1: never).
  double max_undecided = 1.0;
  // Run the repetitions of all benchmarks in a random interleaved order
  // (Google Benchmark's --benchmark_enable_random_interleaving), so that a
  // burst of load spreads thin over many benchmarks instead of landing on
  // consecutive repetitions of one.
  bool interleave = true;
  // Time benchgate's fixed loop through the run (model/speed_probe.h).
  bool speed_probe = true;
  bool show_repetitions = false;                   // console: one row per repetition too
  std::string preset;                              // "", "dev", "ci" or "release"
  std::string correction = "bh";                   // multiple-testing control: "bh" or "holm"
  double tolerance_floor = 0.01;                   // adaptive tolerance floor (set by presets)
  std::size_t history_runs = kDefaultHistoryRuns;  // runs kept and learnt from
  double history_decay = 0.9;                      // weight per run of age, centre
  // What is measured: time, or instructions per iteration under Valgrind
  // (run/instruction_counting.h), each counting process stopped after
  // timeout_seconds (0: never).
  Measure measure = Measure::kTime;
  double timeout_seconds = 1800;
  // --benchgate_shard=K/N: only the benchmarks of shard K (model/shard.h).
  std::optional<Shard> shard;

  // Google Benchmark flags benchgate takes over: it writes --benchmark_out
  // itself so that the file gets the same rows as the enriched JSON, and it
  // always needs the per-repetition rows, whatever the aggregates flags say
  // (--benchmark_display_aggregates_only goes back to Google Benchmark, which
  // applies it to the display alone).
  std::string gbench_out;
  std::string gbench_out_format = "json";
  bool report_aggregates_only = false;
  bool display_aggregates_only = false;
  // --benchmark_min_time in the spelling of the Google Benchmark linked
  // (MinTimeForGbench), "" when not given.
  std::string min_time;

  // Google Benchmark flags benchgate only reads (they stay in argv).
  std::string display_format = "console";
  std::string color = "auto";
  bool counters_tabular = false;
  int repetitions = kDefaultRepetitions;
  bool repetitions_given = false;
  bool interleave_given_to_gbench = false;  // --benchmark_enable_random_interleaving seen
  // --benchmark_list_tests: Google Benchmark lists the names and runs nothing;
  // benchgate then prints nothing of its own and exits 0, as it would alone.
  bool list_tests = false;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment (getenv).
std::optional<std::string> ProcessEnv(const std::string& name);

struct ParsedArgs {
  Options options;
  // What Google Benchmark's Initialize() must see: the user's other
  // arguments plus benchgate's overrides (default repetitions, no own file
  // output, no aggregates-only filtering). argv[0] excluded.
  std::vector<std::string> gbench_args;
};

// args excludes argv[0]. Throws benchgate::Error naming the flag (or the
// environment variable) and what was expected.
ParsedArgs ParseArgs(const std::vector<std::string>& args, const EnvLookup& env);

// A --benchmark_min_time value as the linked Google Benchmark reads it, so
// that one spelling works on every version: seconds as "0.5" or "0.5s",
// iterations as "100x". With suffixes (1.8 and later) seconds get their "s"
// (1.8 warns about a bare number); without (1.7) the "s" is dropped, and an
// iteration count, which 1.7 cannot do, is an error. Throws benchgate::Error
// naming `source` for anything else.
std::string MinTimeForGbench(const std::string& value, bool suffixes, const std::string& source);

// One line per benchgate flag, for --help.
std::string FlagsHelp();

}  // namespace benchgate

#endif  // BENCHGATE_RUN_OPTIONS_H_
