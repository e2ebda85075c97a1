// Extra rounds, the running half: one round of some benchmarks through
// Google Benchmark's own filter (the loop and the judging are in
// gate/extra_rounds.h).
#ifndef BENCHGATE_RUN_EXTRA_ROUNDS_H_
#define BENCHGATE_RUN_EXTRA_ROUNDS_H_

#include <string>
#include <vector>

#include "model/sample_set.h"

namespace benchgate {

// Runs these benchmarks once more (all their repetitions, interleaved as the
// first pass was) and returns their samples.
RunData RunRound(const std::vector<std::string>& names);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_EXTRA_ROUNDS_H_
