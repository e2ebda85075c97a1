// The machine's speed through a run, as benchgate's own fixed loop saw it.
//
// Two runs compared by name (the runner against --benchgate_baseline,
// benchgate-diff on two files) see the machine's speed in every timing: a
// CI VM that runs 20% slower for minutes moves every benchmark by about that
// much, and no test on the two runs' samples can tell it from the code's
// change. The probe is code that no pull request changes (it is
// benchgate's, run/speed_probe.cc), timed through the run; its change
// between the two runs is the machine's (gate/machine_speed.h). benchgate-ab
// needs none: its rounds alternate the two builds on one machine.
#ifndef BENCHGATE_MODEL_SPEED_PROBE_H_
#define BENCHGATE_MODEL_SPEED_PROBE_H_

#include <string>
#include <vector>

namespace benchgate {

// Names the loop and its size: probes compare only when their kinds are
// equal. Change it whenever the loop or its size changes.
inline constexpr const char* kSpeedProbeKind = "xorshift-multiply-500000/mean-of-15";

struct SpeedProbe {
  std::string kind = kSpeedProbeKind;
  // One per probe point (before the first benchmark, about every two
  // seconds between repetitions, after the pass and after each extra
  // round): the loop's mean time over a ~20 ms window, in nanoseconds.
  std::vector<double> points_ns;
};

// How much slower (positive) or faster the machine ran the candidate than
// the baseline, from the two runs' probes (gate/machine_speed.h).
struct MachineChange {
  double change = 0;  // candidate's probe mean / baseline's - 1
  double baseline_ns = 0, candidate_ns = 0;
};

}  // namespace benchgate

#endif  // BENCHGATE_MODEL_SPEED_PROBE_H_
