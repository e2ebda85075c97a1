// The Wilcoxon signed-rank test looked at after every round: benchgate-ab's
// sequential design (gate/sequential_analysis.h) tests each benchmark's log
// ratios d_1, d_2, ... (one per round) after every round from looks.first()
// to looks.last().
//
// The repeated p-value (Jennison & Turnbull 2000, section 9.1) of the looks
// so far: the chance, under the null, that some look of the whole design
// gives an exact two-sided p-value (SignedRankTest) as small as the
// smallest seen so far. Valid whenever the looking stops, however the data
// chose the stop (P(repeated p <= u) <= u under the null), which is what
// Benjamini-Hochberg across the suite at every look needs. The chance is
// RepeatedNormalLooks's: the standardised signed-rank statistics of a
// growing sample behave as a random walk's S_k / sqrt(k) (Sen 1981,
// "Sequential Nonparametrics", chapter 3), and the exact p-values of small
// samples are coarser than the normal ones, which makes the crossing
// rarer, not likelier. Measured in the tests: null sequences with bursts
// cross no more often than the level.
#ifndef BENCHGATE_STATS_SEQUENTIAL_SIGNED_RANK_H_
#define BENCHGATE_STATS_SEQUENTIAL_SIGNED_RANK_H_

#include "benchgate/sample_view.h"
#include "stats/repeated_normal_looks.h"

namespace benchgate {

// The repeated p-value at the look after the last of these differences (in
// round order; looks after rounds beyond looks.last() are not taken): 1
// before the first look. Never rises as rounds are added. With
// burst_factor > 0 each look tests its rounds without their bursts
// (WithoutBursts of the rounds up to it, stats/burst_rounds.h): exact
// given the |d|s, and a kept sample smaller than the look's round only
// makes the exact p-values coarser, the crossing rarer.
double SequentialSignedRankP(SampleView differences, const RepeatedNormalLooks& looks,
                             double burst_factor = 0);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_SEQUENTIAL_SIGNED_RANK_H_
