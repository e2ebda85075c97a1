// The model: what one benchmark run produced, independent of where it came
// from (the live runner or a JSON file) and of Google Benchmark's types.
//
// runs -> SampleSet -> stats -> verdict: everything downstream of io/ and run/
// sees only these plain values.
#ifndef BENCHGATE_MODEL_SAMPLE_SET_H_
#define BENCHGATE_MODEL_SAMPLE_SET_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/budget_rule.h"
#include "benchgate/latency_histogram.h"
#include "model/shard.h"
#include "model/speed_probe.h"

namespace benchgate {

// Allocation counts from benchgate::memory, per benchmark.
struct MemorySummary {
  double allocs_per_iter = 0;
  double bytes_per_iter = 0;
  std::int64_t max_bytes_used = 0;
  std::int64_t net_heap_growth = 0;
};

// Instructions per iteration of a benchmark's measured loop, counted under
// Valgrind (--benchgate_measure=instructions) in two processes.
struct InstructionCount {
  // Per iteration, one per measured repetition: the first process's
  // (`first_process` of them), then the second's.
  std::vector<double> per_iteration;
  std::size_t first_process = 0;
  std::int64_t iterations = 0;  // iterations of each measured repetition
  // The second process counted what the first did, repetition by
  // repetition: the value (the first's median) is exact and judged by its
  // relative change alone.
  bool deterministic = false;
  // Why it was not counted (threads, a mapping that failed): empty when it was.
  std::string not_counted;
};

// One benchmark (one Google Benchmark run_name), every repetition.
struct SampleSet {
  std::string name;              // Google Benchmark's run_name, e.g. "BM_Sort/1024"
  std::string time_unit = "ns";  // the unit Google Benchmark reported it in (display only)
  // One value per repetition, time per iteration, always in nanoseconds.
  std::vector<double> real_time_ns;
  std::vector<double> cpu_time_ns;
  std::vector<double> iterations;
  // The round each repetition ran in (0: the first pass; 1, 2, ...: extra
  // rounds of the same process), parallel to real_time_ns. Empty when every
  // repetition is from round 0. Rounds are blocks of the analysis: a round
  // hit by a burst as a whole is set aside as one.
  std::vector<std::uint32_t> rounds;
  // User counters (items_per_second, bytes_per_second, custom), one value per
  // repetition, as Google Benchmark reported them (already per-second or
  // per-iteration according to the counter's flags).
  std::map<std::string, std::vector<double>> counters;
  // How Google Benchmark's console shows a counter: its unit, "/s" for a
  // rate (kIsRate), "s" for an inverted rate (seconds per item), "" for the
  // rest; and whether its prefixes count in 1024s (OneK::kIs1024). Known
  // from a live run, not read back from files.
  struct CounterDisplay {
    std::string unit;
    bool base_1024 = false;
  };
  std::map<std::string, CounterDisplay> counter_display;
  std::int64_t threads = 1;
  std::string label;
  // An errored or skipped benchmark has a message and no samples; it is
  // reported, never judged, and never fails a gate.
  bool errored = false;
  std::string error_message;
  // It skipped itself on purpose (State::SkipWithMessage, Google Benchmark
  // 1.8 and later) rather than failed (SkipWithError): errored is set too,
  // since it has no samples either, and reports say "skipped", not "error".
  bool skipped = false;
  // Only aggregate rows (mean/median/stddev) were available: real_time_ns
  // holds the median alone and no test is possible.
  bool aggregates_only = false;
  std::optional<LatencySummary> latency;
  std::optional<MemorySummary> memory;
  std::optional<InstructionCount> instructions;
};

// What a run measured: time (Google Benchmark's timers) or instructions per
// iteration (callgrind). Runs of different measures are never compared.
enum class Measure { kTime, kInstructions };

// The metric of an instructions run: instructions per iteration.
inline constexpr const char* kInstructionsMetric = "instructions";

// "time" or "instructions", as the flags and the enriched JSON spell them.
const char* MeasureName(Measure measure) noexcept;

// Why a run of measure `got` is refused where one of `expected` was needed
// (`because`: what asked for it, e.g. "--benchgate_measure=time" or
// "like base.json"), in the words every tool uses.
std::string DifferentMeasures(Measure expected, const std::string& because, Measure got);

// How an instructions run counted: what a stored baseline must match.
struct CountingSetup {
  std::string valgrind_version;      // "valgrind-3.19.0"
  std::vector<std::string> options;  // the Valgrind command line options
  double harness_floor = 0;          // instructions per iteration of an empty loop
  int processes = 2;                 // counted in this many processes
};

// One run of a suite: what one benchmark binary (or one JSON file) holds.
struct RunData {
  std::string source;                 // file path, or "" for the live run
  std::vector<SampleSet> benchmarks;  // in the order Google Benchmark reported them
  std::string environment_key;        // "" when unknown (plain Google Benchmark JSON)
  // The fields the key hashes (kEnvironmentKeyFields) as text, as far as an
  // enriched file has them: what tells two environments apart in words.
  std::vector<std::pair<std::string, std::string>> environment;
  std::string date;  // context.date when known
  // What the run's machine state puts in doubt, in words: benchgate's
  // environment warnings when the JSON is enriched, else what Google
  // Benchmark's context says (CPU scaling, a debug library).
  std::vector<std::string> warnings;
  // The binary's BENCHGATE_BUDGET rules, when its enriched JSON carries them.
  std::vector<BudgetRule> budgets;
  Measure measure = Measure::kTime;
  std::optional<CountingSetup> counting;  // instructions runs only
  std::optional<Shard> shard;             // a --benchgate_shard run: which part of the suite
  // The machine's speed through the run (model/speed_probe.h); absent in
  // plain Google Benchmark files and runs without the probe.
  std::optional<SpeedProbe> speed_probe;
};

// Nanoseconds per unit of Google Benchmark's time_unit string ("ns", "us",
// "ms", "s"); 0 for an unknown unit.
double NanosecondsPerUnit(const std::string& time_unit) noexcept;

// The values of one metric of a benchmark: "real_time" and "cpu_time" (ns
// per iteration), "instructions" (per iteration, both processes' counts) or
// a user counter's name. Empty when the benchmark has no such counter.
const std::vector<double>& MetricValues(const SampleSet& set, const std::string& metric);

// Appends `more`'s samples (times, iterations, counters, rounds) to `into`,
// which must be the same benchmark: repetitions from another run or shard.
// Latency and memory are kept from the first side that has them.
void AppendSamples(SampleSet& into, const SampleSet& more);

// Adds `more`'s probe points to `into`: one run measured in parts (extra
// rounds, shards, repeated runs). Unless both have a probe of one kind,
// `into` has none: a probe of part of the run cannot speak for all of it.
void AppendSpeedProbe(std::optional<SpeedProbe>& into, const std::optional<SpeedProbe>& more);

// Merges several runs of one suite (repeated runs, or shards of it run on
// several machines) into one: benchmarks matched by name, in order of first
// appearance, samples appended. A benchmark errored in one file and measured
// in another keeps the measurements; errored everywhere, the first message.
// Every file is a process of its own: its rounds are renumbered to follow
// the previous file's (file 1's round 0 becomes the round after file 0's
// last), so each process stays a block of the analysis.
RunData MergeRuns(const std::vector<RunData>& runs);

// What a machine warning is about: its text before the first ": " ("high
// load" of "high load: 1-minute load average 1.30 is above 1.00 ..."), or
// the whole text. Runs of one machine say the same kinds with other numbers.
std::string WarningKind(const std::string& warning);

// Whether `warnings` hold one of the kind of `warning`.
bool HoldsWarningKind(const std::vector<std::string>& warnings, const std::string& warning);

// Appends the warnings of `from` whose kind `into` does not hold yet, in
// order: runs of one machine repeat the same words (or the same kind with
// another load average; the first run's words stand for all).
void AppendNewWarnings(std::vector<std::string>& into, const std::vector<std::string>& from);

// Whether `metric` is one of the two times ("real_time", "cpu_time"), rather
// than a user counter's name.
bool IsTimeMetric(const std::string& metric);

// Whether a larger value of `metric` is better: Google Benchmark's rate
// counters (items_per_second, bytes_per_second and any "..._per_second" or
// "..._rate" counter) are; times, bytes and other counters are not.
bool HigherIsBetter(const std::string& metric);

// The round of each real_time_ns sample (zeros when `rounds` is empty).
std::vector<std::uint32_t> RoundsOf(const SampleSet& set);

// How many rounds its samples come from (at least 1).
std::size_t DistinctRounds(const SampleSet& set);

}  // namespace benchgate

#endif  // BENCHGATE_MODEL_SAMPLE_SET_H_
