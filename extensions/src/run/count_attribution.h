// Which benchmark each callgrind dump belongs to, and what it counted per
// iteration. Pure: dumps and the counting process's own rows in, counts out,
// so every rule is tested on fixed data.
//
// A counting process runs without interleaving, so each benchmark's
// repetitions run back to back. Callgrind zeroes its counters when a
// repetition's loop starts (State::StartKeepRunning) and dumps them when it
// ends (State::FinishKeepRunning): one dump per repetition. After each
// benchmark's rows reach benchgate's reporter, the process asks callgrind
// for one more dump whose trigger names the benchmark (kBoundaryPrefix): the
// repetition dumps since the previous boundary are that benchmark's.
#ifndef BENCHGATE_RUN_COUNT_ATTRIBUTION_H_
#define BENCHGATE_RUN_COUNT_ATTRIBUTION_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "io/callgrind_dump.h"
#include "model/sample_set.h"

namespace benchgate {

// The client request's words before the benchmark's name, and the trigger
// callgrind writes for such a dump.
inline constexpr const char* kBoundaryPrefix = "benchgate-rows ";
inline constexpr const char* kClientRequestTrigger = "Client Request: ";

// The name as it travels in a trigger: one line, control bytes as '?'.
std::string BoundaryLabel(const std::string& name);

// The repetition dumps of each benchmark, by boundary label, in order; dumps
// after the last boundary (a process that died inside a benchmark) are
// under "".
struct DumpGroups {
  std::map<std::string, std::vector<std::uint64_t>> counts;
  std::vector<std::string> order;  // labels as their boundaries came
  std::size_t unattributed = 0;    // dumps after the last boundary
};
DumpGroups GroupDumps(const std::vector<CallgrindDump>& dumps);

// One process's counts per benchmark of its rows (`rows`, read from its
// JSON): per iteration, each measured repetition (the first repetition is an
// unmeasured warm-up when there are two or more), or why it has none.
// `floor` (the harness floor: what one repetition of an empty loop counts,
// Google Benchmark's own bookkeeping) is taken off each repetition's count
// first, so that the value is the loop body's instructions.
struct ProcessCounts {
  std::map<std::string, std::vector<double>> per_iteration;
  std::map<std::string, std::int64_t> iterations;
  std::map<std::string, std::string> not_counted;
};
ProcessCounts AttributeCounts(const DumpGroups& groups, const RunData& rows, double floor = 0);

// Sets `set.instructions` from the two processes' counts of it: counted in
// both and every count equal is deterministic.
void CombineCounts(SampleSet& set, const ProcessCounts& first, const ProcessCounts& second);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_COUNT_ATTRIBUTION_H_
