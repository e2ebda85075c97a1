// Timing benchgate's fixed loop through a live run (model/speed_probe.h):
// one point before the first benchmark, one about every two seconds between
// repetitions, one after the pass and after each extra round. Their mean is
// the machine's speed through the run (gate/machine_speed.h).
#ifndef BENCHGATE_RUN_SPEED_PROBE_H_
#define BENCHGATE_RUN_SPEED_PROBE_H_

#include <chrono>
#include <optional>

#include "model/speed_probe.h"

namespace benchgate {

class SpeedProbeClock {
 public:
  // Off: every call does nothing and Take() returns nullopt.
  explicit SpeedProbeClock(bool on) : on_(on) {}

  // One point now: the mean time of the loop over a ~20 ms window.
  void Measure();
  // One point when two seconds have passed since the last one: between
  // repetitions, where points cost about 1% of the run.
  void MeasureIfDue();
  // The points so far, which are then forgotten.
  std::optional<SpeedProbe> Take();

 private:
  bool on_;
  SpeedProbe probe_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace benchgate

#endif  // BENCHGATE_RUN_SPEED_PROBE_H_
