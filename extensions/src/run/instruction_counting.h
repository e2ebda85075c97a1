// --benchgate_measure=instructions: the binary starts itself again under
// Valgrind's callgrind, once for the harness floor, then twice for every
// benchmark it selected (determinism is shown, not assumed), each benchmark
// in processes of its own, and reads back instructions per iteration of
// every benchmark's measured loop.
//
// Each counting process runs one benchmark with one iteration per
// repetition (--benchmark_min_time=0), kCountedRepetitions repetitions of
// which the first is an unmeasured warm-up, no interleaving, and the user's
// environment (benchmarks read their configuration from it) with
// benchgate's own BENCHGATE_* variables hidden from it. The processes run
// side by side, one per core: a count does not depend on the load.
#ifndef BENCHGATE_RUN_INSTRUCTION_COUNTING_H_
#define BENCHGATE_RUN_INSTRUCTION_COUNTING_H_

#include <optional>
#include <string>
#include <vector>

#include "model/sample_set.h"
#include "model/shard.h"

namespace benchgate {

inline constexpr int kCountedRepetitions = 3;  // one warm-up, two counted

struct CountingRequest {
  std::string binary;             // this binary (/proc/self/exe)
  std::vector<std::string> args;  // the user's Google Benchmark flags to pass on
  double timeout_seconds = 0;     // per counting process; 0: no limit
  std::string flag = "--benchgate_measure=instructions";  // named in errors
  std::optional<Shard> shard;  // --benchgate_shard: count only its benchmarks
};

struct CountedRun {
  RunData run;              // each benchmark's first process's rows, instructions set
  std::string gbench_json;  // their Google Benchmark JSON (one context, every row)
};

// Throws benchgate::Error, one line, when Valgrind is missing, this binary
// cannot be counted, or a benchmark crashes or times out under Valgrind
// (named).
CountedRun CountInstructions(const CountingRequest& request);

// The Google Benchmark flags of a user's command line that a counting
// process must not get (repetitions, min time, interleaving, outputs,
// formats): benchgate sets them for counting.
bool ReplacedWhenCounting(const std::string& arg);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_INSTRUCTION_COUNTING_H_
