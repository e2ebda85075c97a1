// Measure more instead of giving up: after the first pass, benchmarks that a
// verdict could not settle are measured again, in extra rounds:
//   - suspects (a regression or a budget breach) until they have
//     1 + `confirm` undisturbed rounds, so one burst can neither fake nor
//     undo a finding (rounds are blocks of the analysis: a round slower as a
//     whole than the benchmark's best round is set aside, see
//     FindDisturbedRounds);
//   - undecided ones whose own samples are the problem (unstable, too few,
//     an interval straddling the tolerance, a budget limit inside the
//     interval), while rounds are left.
// It stops when nothing needs more, after `max_rounds` rounds, or after
// `max_seconds`. How a round is measured is the caller's: the runner runs
// Google Benchmark with a filter, the simulations draw seeded samples.
#ifndef BENCHGATE_GATE_EXTRA_ROUNDS_H_
#define BENCHGATE_GATE_EXTRA_ROUNDS_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "gate/analysis.h"
#include "model/sample_set.h"

namespace benchgate {

struct ExtraRoundLimits {
  int confirm = 1;         // undisturbed rounds a suspect needs beyond its first
  int max_rounds = 3;      // extra rounds at most (at least `confirm` are allowed)
  double max_seconds = 0;  // 0: no time limit
};

// Measures round `round` (1, 2, ...) of these benchmarks; their samples'
// rounds are set by MeasureMore.
using MeasureRound = std::function<RunData(const std::vector<std::string>& names, int round)>;

// Runs the extra rounds, merges their samples into `run` (labelled with
// their round) and returns the final analysis, each suspect marked
// confirmed or cleared. Progress goes to `log`.
SuiteAnalysis MeasureMore(RunData& run, const RunData* baseline, const AnalysisConfig& config,
                          SuiteAnalysis analysis, const ExtraRoundLimits& limits,
                          const MeasureRound& measure, std::ostream& log);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_EXTRA_ROUNDS_H_
