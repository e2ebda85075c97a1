// The counting side of --benchgate_measure=instructions: the process that
// runs under callgrind (the binary itself, started again by
// CountInstructions with BENCHGATE_COUNTING_CHILD set). It starts
// callgrind's instrumentation only when Google Benchmark starts, marks
// where each benchmark's rows end (run/count_attribution.h), and runs
// without the allocation counter, whose extra loop per repetition would be
// counted as one more repetition.
#ifndef BENCHGATE_RUN_COUNTING_CHILD_H_
#define BENCHGATE_RUN_COUNTING_CHILD_H_

#include <string>

namespace benchgate {

// The environment variable that makes a process a counting child; its value
// is kCountBenchmarks or kCountFloor.
inline constexpr const char* kCountingChildVariable = "BENCHGATE_COUNTING_CHILD";
inline constexpr const char* kCountBenchmarks = "benchmarks";
inline constexpr const char* kCountFloor = "floor";

// The benchmark a floor process runs: an empty loop, what the harness
// itself counts per iteration.
inline constexpr const char* kHarnessFloorName = "benchgate_harness_floor";

// Whether this process is a counting child (the variable is set).
bool IsCountingChild();

// Whether this binary was built with Valgrind's valgrind/callgrind.h, which
// the counting child needs to talk to callgrind.
bool CountingSupported();

// In a counting child, before Google Benchmark runs: the allocation counter
// off, the floor benchmark registered (in a floor process), callgrind's
// instrumentation on.
void PrepareCountingChild();

// In a counting child, after a benchmark's rows reached the reporter: the
// boundary dump naming it.
void MarkRowsCounted(const std::string& name);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_COUNTING_CHILD_H_
