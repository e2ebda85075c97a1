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

#include "gate/budget_resolve.h"
#include "gate/history.h"
#include "gate/verdict.h"

namespace benchgate {

struct AdaptiveConfig {
  // K: only the newest K runs count (0: all of them).
  std::size_t max_runs = kDefaultHistoryRuns;
  // The tolerance in units of the spread.
  double k = 3;
  // Never tighter: a quiet history is no promise that the next run is quiet.
  double floor = 0.01;
  // Never looser: a noisy history must not hide every regression.
  double ceiling = 0.25;
  // Weight of each run relative to the next newer one.
  double decay = 0.9;
  // Fewer runs (or fewer than kMinSpreadValues): the static tolerance.
  std::size_t min_runs = 5;
  double static_tolerance = 0.05;
};

struct Tolerance {
  double value = 0.05;        // relative: 0.05 = a 5% change
  bool from_history = false;  // false: static_tolerance applies
  std::size_t runs = 0;       // runs of history used (at most max_runs)
  // Exponentially weighted median of the runs' medians: what a candidate is
  // judged against when there is no baseline run. 0 when unknown (no runs,
  // or a decay outside (0, 1]); computed even for a static tolerance.
  double centre_ns = 0;
  double spread = 0;  // robust relative run-to-run spread; 0 unless from_history
  // Plain words, e.g. "tolerance 3.22% = 3 x spread 1.07% over 12 runs",
  // "tolerance 1% (floor; 3 x spread 0.12% over 12 runs)",
  // "static 5% (only 3 runs of history, need 5)".
  std::string explanation;
};

// `runs` oldest first, as HistoryEntry series are kept. A floor above the
// ceiling is resolved in favour of the ceiling (never undefined behaviour).
Tolerance ToleranceFor(const std::vector<HistoryEntry>& runs, const AdaptiveConfig& config);

// The tolerance of one benchmark: its budget's max_regression, else learned
// from its runs in `history` (may be null), else `static_tolerance`.
Tolerance ToleranceOf(const std::string& name, const ResolvedBudget& budget,
                      const BenchmarkHistory* history, const AdaptiveConfig& adaptive,
                      double static_tolerance);

// A candidate against its history's centre (tolerance.centre_ns), when there
// is no baseline run: the change of its median (`real_time`, of `n`
// samples), whose interval is that of the median. There is no rank test (the
// history keeps medians, not samples): p_method is "history", and the
// suite's multiple-testing family does not include it.
Comparison CompareWithHistory(const MetricStats& real_time, std::size_t n,
                              const Tolerance& tolerance);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_ADAPTIVE_H_
