// What a change of the machine's speed between two separate runs does to
// their verdicts (model/speed_probe.h says where the speed comes from).
//
// A whole CI VM that runs 25% slower for minutes slows every benchmark by
// 20-40%, with tight intervals: two runs compared by name cannot tell that
// from the code. When the speed probes of the two runs differ by more than
// MachineChangeLimit, a time verdict that such a shift could have produced
// is not trusted:
//   - `unchanged` becomes inconclusive: the machine's shift can hide a
//     change of its size;
//   - a regression on a slower machine (an improvement on a faster one)
//     stays only when its interval's near end is beyond twice the machine's
//     shift plus the tolerance (twice: code that waits on memory can slow
//     more than the probe's pure arithmetic; measured in session 19, one
//     slow spell moved the bundled benchmarks by 19% to 85%); else it
//     becomes inconclusive;
//   - a regression on a faster machine (an improvement on a slower one)
//     stays: the machine hid part of it, it did not make it.
// Inconclusive for this reason is never worth more rounds of the same run.
// Only metrics that scale with speed: times and rates, not counts.
#ifndef BENCHGATE_GATE_MACHINE_SPEED_H_
#define BENCHGATE_GATE_MACHINE_SPEED_H_

#include <optional>
#include <string>

#include "gate/analysis_config.h"
#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

// The probe's own spread from run to run on one quiet machine: the means of
// 10 processes of 25 points each on the 2-core development VM ranged
// 1.237-1.320 ms (+-3.3%, 6.7% between the extremes; their medians, in
// another hour, 1.341-1.414 ms); a change within this is not the machine's.
inline constexpr double kProbeNoise = 0.05;

// From the two runs' probes (the means of their points): nullopt when
// either has none, or their kinds differ, or a mean is not positive.
std::optional<MachineChange> MachineChangeBetween(const RunData& baseline,
                                                  const RunData& candidate);

// The machine's change beyond which a benchmark of this tolerance is
// discounted: half the tolerance, and never within the probe's own noise.
double MachineChangeLimit(double tolerance);

// Applies the rules above to a judged benchmark (after JudgeComparison);
// true when it changed the verdict to inconclusive.
bool DiscountMachineChange(BenchmarkAnalysis& b, const MachineChange& machine,
                           const AnalysisConfig& config);

// "the machine ran 24.0% slower than when the baseline was measured (speed
// probe: 1.65 ms against 1.33 ms): 5 time verdict(s) that a shift this size
// could produce are inconclusive; ...": the suite's warning.
std::string MachineChangeWarning(const MachineChange& machine, std::size_t discounted);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_MACHINE_SPEED_H_
