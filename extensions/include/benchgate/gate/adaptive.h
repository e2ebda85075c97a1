// Adaptive tolerance: how large a change must be to matter for one
// benchmark on one machine, learned from its history:
//   tolerance = clamp(k x robust run-to-run spread of the medians, floor, ceiling)
// A quiet benchmark then catches small regressions, a noisy one does not cry
// wolf. With too little history the static default applies, and says so.
#ifndef BENCHGATE_GATE_ADAPTIVE_H_
#define BENCHGATE_GATE_ADAPTIVE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "benchgate/gate/history.h"

namespace benchgate {

struct AdaptiveConfig {
  std::size_t max_runs = kDefaultHistoryRuns;  // K: runs kept and used
  std::size_t min_runs = 5;                    // fewer: the static tolerance
  double k = 3;
  double floor = 0.01;
  double ceiling = 0.25;
  double decay = 0.9;  // weight of each older run relative to the next newer
  double static_tolerance = 0.05;
};

struct Tolerance {
  double value = 0.05;
  bool from_history = false;
  std::size_t runs = 0;
  double centre_ns = 0;  // exponentially weighted median of the run medians
  double spread = 0;     // robust relative run-to-run spread
  std::string explanation;  // "tolerance 3.2% = 3 x spread 1.07% over 12 runs"
};

Tolerance ToleranceFor(const std::vector<HistoryEntry>& runs, const AdaptiveConfig& config);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_ADAPTIVE_H_
