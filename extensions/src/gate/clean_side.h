// One side of a comparison with the interference set aside: whole disturbed
// rounds first (a burst longer than a round), then slow outliers within what
// is left (a burst over a few repetitions). What remains is what the
// decision judges; every sample stays in the run, and the positions set
// aside are reported.
#ifndef BENCHGATE_GATE_CLEAN_SIDE_H_
#define BENCHGATE_GATE_CLEAN_SIDE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace benchgate {

struct CleanSide {
  std::vector<double> kept;                     // input order
  std::vector<std::size_t> set_aside;           // positions in the values, ascending
  std::vector<std::uint32_t> disturbed_rounds;  // ascending
  std::size_t rounds = 1;                       // distinct rounds in the values
  double spread = 0;                            // robust relative spread of `kept`
  bool majority = false;  // the slow values were no minority: nothing of them set aside
};

struct CleanRule {
  bool slow_is_high = true;     // times; false for rates
  bool set_aside_slow = true;   // false: every sample kept (rounds still checked)
  double round_excess = 0.025;  // a round this much slower than the best is suspect
  double round_alpha = 0.01;    // ... and disturbed when the U test agrees at this level
};

// `rounds` parallel to `values` (or empty: one round).
CleanSide CleanSideOf(const std::vector<double>& values, const std::vector<std::uint32_t>& rounds,
                      const CleanRule& rule);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_CLEAN_SIDE_H_
