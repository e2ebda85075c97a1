// The pairing step of benchgate-ab's analysis (gate/process_analysis.h):
// each benchmark's samples, process by process, reduced to one centre per
// process and one log ratio of the candidate's centre to the baseline's per
// round in which both sides measured it.
#ifndef BENCHGATE_GATE_PROCESS_PAIRING_H_
#define BENCHGATE_GATE_PROCESS_PAIRING_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "gate/analysis_config.h"
#include "model/sample_set.h"

namespace benchgate {

// Both sides of one benchmark, round by round.
struct Pairing {
  std::vector<double> before, after;  // every sample, rounds in order
  std::vector<double> log_ratios;     // one per paired round
  // Per paired round: each process's centre and the noise of its kept samples.
  std::vector<double> before_centres, after_centres;
  std::vector<double> before_spreads, after_spreads;
  // Slow outliers of the paired rounds' processes: positions in before/after.
  std::vector<std::size_t> before_set_aside, after_set_aside;
  // Paired rounds whose process had no minority of slow samples.
  std::size_t before_majority = 0, after_majority = 0;
};

// Both sides of one benchmark: baseline[r] and candidate[r] are its sets in
// round r (null where that process lacks it); rounds beyond the shorter list
// are ignored. log_ratios holds the d_r, one per round in which both sides
// have a positive centre, in round order.
Pairing PairRounds(const std::vector<const SampleSet*>& baseline,
                   const std::vector<const SampleSet*>& candidate, const AnalysisConfig& config);

// Each benchmark's set in each round (null where that process lacks it).
using PerRound = std::map<std::string, std::vector<const SampleSet*>>;

// The first `count` rounds indexed by benchmark name, `count` slots each (the
// first set of a name in a round, when a process reports it twice).
PerRound IndexRounds(const std::vector<RunData>& rounds, std::size_t count);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_PROCESS_PAIRING_H_
