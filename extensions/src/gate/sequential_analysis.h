// benchgate-ab's sequential design: each benchmark is looked at after every
// round from `first_look` on and stops as soon as a look decides it, so the
// rounds are spent on the benchmarks that are not yet known.
//
// At the look after round k, every benchmark still open is analysed on its
// paired rounds so far (AnalyzeProcessesAt) with the sign test looked at
// after every round (stats/repeated_sign_test.h: why the sign test):
//   - size: the median round, exp(.) - 1, with its repeated interval at the
//     nominal level of the looks (the interval of every look covers at once
//     with probability ci_level, so the interval an early stop reports
//     holds too); before that level is attainable, [min, max];
//   - p-value: the repeated p-value (p_method "sign-sequential"), valid
//     whenever the benchmark stopped; Benjamini-Hochberg (or Holm) across
//     the suite on these at every look, the benchmarks that stopped earlier
//     keeping theirs. An open benchmark's repeated p-value never rises, so
//     a discovery made at one look stands at every later one;
// and the usual rules (verdict_rules.h) give its verdict. It stops when
//   - the verdict is a regression, an improvement or a broken budget;
//   - it is unchanged and the one-sided sign test (at kFalseQuiet across all
//     looks) finds its median round short of the tolerance in the worse
//     direction: shown not to have regressed beyond the tolerance (a
//     non-inferiority test). A benchmark that really regressed by the
//     tolerance or more stops as "unchanged" at some look with probability
//     at most 5%, far less for larger regressions. The better side needs no
//     such proof: a large improvement is not "unchanged" (its estimate is
//     beyond the tolerance: it stays open until significant or the last
//     look);
//   - nothing more rounds can help (inconclusive for a reason of its own);
//   - no look up to the last could decide it any more (curtailment: its
//     rounds scatter wider than the tolerance can tell apart; see
//     Undecidable in the .cc): judged as it stands, as at the last look.
// At the last look (round last_look) every benchmark is judged as it stands,
// as the fixed design judges after its rounds. Rounds beyond last_look are
// ignored; a benchmark's rounds after the one that decided it are ignored.
//
// The result is a pure function of the rounds: benchgate-ab runs the next
// round for OpenBenchmarks(AnalyzeSequential(rounds so far)), and
// `benchgate-diff --paired` on the kept rounds gives the same verdicts and
// the same deciding round for every benchmark.
#ifndef BENCHGATE_GATE_SEQUENTIAL_ANALYSIS_H_
#define BENCHGATE_GATE_SEQUENTIAL_ANALYSIS_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "gate/analysis_config.h"
#include "gate/process_analysis.h"
#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

// The chance, across all looks, that a benchmark whose median round
// regressed by exactly the tolerance stops as "unchanged".
inline constexpr double kFalseQuiet = 0.05;

struct SequentialDesign {
  std::size_t first_look = kMinPairedRounds;  // no look before this round
  std::size_t last_look = 30;                 // at most this many rounds (<= kMaxLooks)
};

// What the looks so far found, so that a caller adding rounds one by one
// (benchgate-ab) does not take the earlier looks again: the same result as
// without it, for the same rounds.
struct SequentialState {
  std::size_t looked = 0;                      // the round of the last look taken
  std::map<std::string, std::size_t> decided;  // name -> round of its deciding look
};

// `state` (may be null) must come from calls on the same rounds, fewer of them.
SuiteAnalysis AnalyzeSequential(const std::vector<RunData>& baseline_rounds,
                                const std::vector<RunData>& candidate_rounds,
                                const AnalysisConfig& config, const SequentialDesign& design,
                                SequentialState* state = nullptr);

// The benchmarks no look has decided yet that another round could: what the
// next round measures.
std::vector<std::string> OpenBenchmarks(const SuiteAnalysis& suite);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_SEQUENTIAL_ANALYSIS_H_
