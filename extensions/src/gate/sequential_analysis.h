// benchgate-ab's sequential design: each benchmark is looked at after every
// round from `first_look` on and stops as soon as a look decides it, so the
// rounds are spent on the benchmarks that are not yet known.
//
// At the look after round k, every benchmark still open is analysed on its
// paired rounds so far (AnalyzeProcessesAt) as the fixed design analyses
// them, with a p-value that allows for the looks:
//   - size: the Hodges-Lehmann estimate of the rounds' log ratios with its
//     Tukey interval at ci_level, the look's own (process_analysis.h);
//   - p-value: the repeated p-value of the Wilcoxon signed-rank test
//     (p_method "signed-rank-sequential"): the smallest exact p-value of
//     the looks so far, through the chance that any of the looks first..last
//     comes as low under the null (stats/repeated_normal_looks.h, Pocock's
//     constant boundary), valid whenever the benchmark stopped;
//     Benjamini-Hochberg (or Holm) across the suite on these at every look,
//     the benchmarks that stopped earlier keeping theirs. An open
//     benchmark's repeated p-value never rises, so a discovery made at one
//     look stands at every later one. The p-value carries the error control
//     across looks; the interval only asks that the size clear the margin,
//     as in the fixed design and the runner's extra rounds (a repeated
//     interval, at the nominal level of the looks, cost detection of 5%
//     slowdowns and spared no false alarm; README).
// Why not the sign test, the first version's: resampling benchgate-ab's
// calibration rounds, it caught 86% of 5% slowdowns at 30 looks where this
// design and the fixed one catch 92% (README); its efficiency is 2/pi of
// the mean's under normal noise, the signed-rank test's 0.955. A burst over
// a whole process gives one round a large |d|: in the test the top rank,
// one round's weight; in the interval n of the Walsh averages, which widen
// it (and so delay a decision, never make one) until k exceeds n.
// The usual rules (verdict_rules.h) give each look's verdict. A benchmark
// stops when
//   - the verdict is a regression, an improvement or a broken budget;
//   - it is unchanged and the one-sided sign test (at kFalseQuiet across all
//     looks) finds its median round short of the tolerance in the worse
//     direction: shown not to have regressed beyond the tolerance (a
//     non-inferiority test). A benchmark that really regressed by the
//     tolerance or more stops as "unchanged" at some look with probability
//     at most kFalseQuiet, far less for larger regressions. The better side needs no
//     such proof: a large improvement is not "unchanged" (its estimate is
//     beyond the tolerance: it stays open until significant or the last
//     look);
//   - it is unstable and the sign test shows its median round's process
//     noise above the limit (kFalseNoisy): more rounds would not settle it;
//   - futility: its interval is too wide for the rounds left to decide it
//     (kFutilityWidth); inconclusive (unstable) when its estimate lies
//     within the tolerance, never "unchanged": only the sign test above
//     vouches for that;
//   - nothing more rounds can help (inconclusive for a reason of its own).
// Rounds whose |d| is a burst's (stats/burst_rounds.h) are set aside from
// the test and the interval, never from the unchanged stop's count (a
// burst there is one round beyond the limit, as any other).
// At the last look (round last_look) every benchmark is judged as it stands,
// as the fixed design judges after its rounds, but the suspects (above) go
// on to suspect_look. Rounds beyond the last look a benchmark may take are
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
// regressed by exactly the tolerance stops as "unchanged": the type II
// error of a design with 80% power at the tolerance, the usual convention.
// The fixed design calls such a benchmark unchanged about half the time
// (its estimate falls within the tolerance half the time); 5% here cost an
// unchanged benchmark 12.0 rounds on average on resampled calibration
// rounds, 20% cost 9.5, and caught as many 5% slowdowns (README).
inline constexpr double kFalseQuiet = 0.20;

// The noise stop: a benchmark inconclusive because a side's process noise
// is above max_cv (the median of its rounds') stays so at the last look
// unless that median comes down; the one-sided sign test on that side's
// rounds stops it once the median round is shown above the limit, at most
// kFalseNoisy wrong across the looks (a benchmark that would have come
// under the limit then stays inconclusive: a judgment lost, never a false
// verdict). In the burst calibration the memcpy benchmarks ran all 30
// rounds "unstable", a third of the rounds of a judgment that found
// nothing.
inline constexpr double kFalseNoisy = 0.20;

// The futility stop (from look kFutilityFirstLook): an open benchmark whose
// estimate lies within the tolerance in the worse direction and whose
// interval, narrowed to the width it would have at the last look (x
// sqrt(round / last)), still reaches further than kFutilityWidth x the
// tolerance on each side, so that its estimate could not clear the margin,
// stops as it stands, but an "unchanged" verdict becomes inconclusive
// (unstable): the unchanged stop's test never vouched for it (memcpy
// slowed 5% was called unchanged at round 10 in a quiet calibration).
// Resampled on the calibration rounds (bench/
// ab_resample_designs.py BURST_K=5 FUTILITY=1 FUTILITY_WIDTH=1.5): an
// unchanged memcpy benchmark's rounds 21.1 -> 14.5, 5% slowdowns caught
// as often (93.5% -> 93.4% others, 54.6% -> 54.2% memcpy). Without the
// condition on the estimate 11.3 rounds, but the seeded simulation lost 1
// in 100 of 5% and 3 in 100 of 10% slowdowns whose interval bursts on the
// baseline side had stretched far below the estimate.
inline constexpr std::size_t kFutilityFirstLook = 10;
inline constexpr double kFutilityWidth = 1.5;

struct SequentialDesign {
  std::size_t first_look = kMinPairedRounds;  // no look before this round
  std::size_t last_look = 30;                 // at most this many rounds (<= kMaxLooks)
  // Suspects: a benchmark still open at last_look whose estimate lies beyond
  // the tolerance in the worse direction goes on to this round (<=
  // kMaxLooks; at or below last_look: none), where only a decided verdict
  // (a regression, an improvement, a broken budget) stops it and the last
  // round judges it as it stands. The p-value's boundary is spent over
  // first_look..suspect_look, so the false-alarm rate holds whoever goes on;
  // the unchanged, noise and futility stops keep first_look..last_look.
  // Why: memcpy's processes differ by 5-20%, and 30 rounds caught a third
  // to a half of its 5% slowdowns; looking to 60 for every benchmark caught
  // them but cost 63% of the fixed design's time under bursts, its stricter
  // stops holding every benchmark longer (README).
  std::size_t suspect_look = 0;
  // The futility stop; off only where a test must see every look taken
  // (the error control across the looks holds with it or without it: it
  // only ends looking).
  bool stop_futile = true;
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
