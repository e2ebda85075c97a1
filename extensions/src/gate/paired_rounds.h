// benchgate-ab's two designs of rounds after the first ones, with the
// measuring left to the caller (benchgate-ab runs processes; the
// simulations draw seeded samples):
//   - sequential (the default): after every round, AnalyzeSequential; the
//     next round measures only the benchmarks still open, until none is or
//     the last look is reached;
//   - fixed (--fixed-rounds): judge after the first `rounds` rounds
//     (AnalyzeProcesses), then extra rounds for the benchmarks more rounds
//     could settle, in batches of half `rounds` (a look per batch, not per
//     round: each look is a chance for an unchanged benchmark to cross the
//     line by luck), up to `max_rounds`.
#ifndef BENCHGATE_GATE_PAIRED_ROUNDS_H_
#define BENCHGATE_GATE_PAIRED_ROUNDS_H_

#include <functional>
#include <string>
#include <vector>

#include "gate/analysis_config.h"
#include "gate/sequential_analysis.h"
#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

struct RoundsPlan {
  bool sequential = true;
  int rounds = 10;      // fixed: the first judgment's rounds; sequential: the first look
  int max_rounds = 20;  // rounds in all
  // Sequential: the suspects' last round (SequentialDesign::suspect_look;
  // at or below max_rounds: none).
  int suspect_rounds = 0;
  // Sequential: the futility stop (SequentialDesign::stop_futile).
  bool stop_futile = true;
};

// The sequential design of a plan: looks from max(rounds, 6) to max_rounds,
// the suspects' to suspect_rounds.
SequentialDesign DesignOf(const RoundsPlan& plan);

// Measures one more round of these benchmarks (one process per side,
// appended to the rounds the caller passed to ContinueRounds); false when
// no round may start (time is up).
using NextRound = std::function<bool(const std::vector<std::string>& only)>;

// The rounds after the first ones, which the caller has measured (the
// plan's `rounds`, or its first look). Returns the final analysis.
SuiteAnalysis ContinueRounds(const RoundsPlan& plan, const AnalysisConfig& config,
                             const std::vector<RunData>& baseline,
                             const std::vector<RunData>& candidate, const NextRound& next);

// Mean over the compared benchmarks of the paired rounds each was judged on.
double MeanRoundsPerBenchmark(const SuiteAnalysis& suite);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_PAIRED_ROUNDS_H_
