// Extra rounds, the running half: one round of some benchmarks through
// Google Benchmark's own filter (the loop and the judging are in
// gate/more_rounds.h).
#ifndef BENCHGATE_RUN_MEASURE_AGAIN_H_
#define BENCHGATE_RUN_MEASURE_AGAIN_H_

#include <string>
#include <vector>

#include "model/sample_set.h"

namespace benchgate {

// Runs these benchmarks once more (all their repetitions, interleaved as the
// first pass was) and returns their samples.
RunData MeasureAgain(const std::vector<std::string>& names);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_MEASURE_AGAIN_H_
