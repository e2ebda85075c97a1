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
// `max_seconds`. An undecided benchmark may so be judged up to 1 +
// `max_rounds` times and stop at whichever look decides it: the runner sets
// AnalysisConfig::looks.count to that, so the looks share alpha (a
// suspect's confirmation needs the finding at every look, which spends
// nothing more). How a round is measured is the caller's: the runner runs
// Google Benchmark with a filter, the simulations draw seeded samples.
#ifndef BENCHGATE_GATE_MORE_ROUNDS_H_
#define BENCHGATE_GATE_MORE_ROUNDS_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "gate/analysis.h"
#include "model/sample_set.h"

namespace benchgate {

// Names of the benchmarks whose verdict would fail the gate (regression,
// budget exceeded): the ones worth re-running before judging.
std::vector<std::string> Suspects(const SuiteAnalysis& suite);

// The benchmarks another round of the candidate could settle: suspects with
// fewer than 1 + `confirm` undisturbed rounds, and, when `undecided` is
// true, inconclusive ones whose own samples are the problem (more_helps).
std::vector<std::string> NeedMoreRounds(const SuiteAnalysis& suite, int confirm, bool undecided);

// After extra rounds and a new analysis of the merged samples: each
// benchmark's extra_rounds, each first-pass suspect "confirmed" (still
// failing) or "cleared", and a reason in words for every benchmark that
// was measured again. `rounds` is how many extra rounds ran in all;
// `first_rounds` how many each benchmark had before them (1 in the runner,
// --rounds in benchgate-ab).
void MarkExtraRounds(SuiteAnalysis& suite, const std::vector<std::string>& suspects, int rounds,
                     int first_rounds = 1);

// A --benchmark_filter that selects exactly these benchmark names (Google
// Benchmark matches filters as POSIX extended regexes: metacharacters are
// escaped): how extra rounds measure only the benchmarks that need them.
std::string ExactNameFilter(const std::vector<std::string>& names);

// Appends the samples of `extra` (an extra round) to the benchmarks of
// `run` with the same name, and its speed probe's points to the run's.
void MergeSamples(RunData& run, const RunData& extra);

struct ExtraRoundLimits {
  int confirm = 1;         // undisturbed rounds a suspect needs beyond its first
  int max_rounds = 3;      // extra rounds at most (at least `confirm` are allowed)
  double max_seconds = 0;  // 0: no time limit
};

// Measures round `round` (1, 2, ...) of these benchmarks; their samples'
// rounds are set by MeasureUntilSettled.
using MeasureRound = std::function<RunData(const std::vector<std::string>& names, int round)>;

// Runs the extra rounds, merges their samples into `run` (labelled with
// their round) and returns the final analysis, each suspect marked
// confirmed or cleared. Progress goes to `log`. `analysis` is the first
// look's, made with `config`; with config.looks.count > 1 each later
// look's p-values start from the looks before.
SuiteAnalysis MeasureUntilSettled(RunData& run, const RunData* baseline,
                                  const AnalysisConfig& config, SuiteAnalysis analysis,
                                  const ExtraRoundLimits& limits, const MeasureRound& measure,
                                  std::ostream& log);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_MORE_ROUNDS_H_
