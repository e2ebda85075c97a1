// The signed-rank test looked at after every round: how often does an
// unchanged benchmark cross a line somewhere between the first look and the
// last, and which per-look level keeps that at a chosen rate.
//
// benchgate-ab's sequential design looks at each benchmark after every round
// from round `first` to round `last`. Testing at a fixed level at every look
// inflates false alarms (five looks at 0.05 give about 0.14, Armitage,
// McPherson & Rowe 1969), so every look uses one nominal level `a`, chosen
// so that, under the null, the chance that ANY look's exact two-sided
// signed-rank p-value is at most `a` is at most the design's alpha: a
// constant nominal level across looks, Pocock's (1977) design, with the
// level from the joint null distribution of the looks instead of a normal
// approximation.
//
// That joint distribution is free of the noise distribution: for
// independent differences symmetric about the tested value, the signs are
// fair coins independent of the magnitudes, and the rank of the n-th
// magnitude among the first n is uniform on 1..n and independent of the
// earlier ranks (sequential ranks, Renyi 1962). So it is simulated once,
// from a fixed seed, by drawing sequential ranks and signs: kPaths paths, a
// Monte Carlo error of about 0.0007 at a rate of 0.05 (binomial standard
// error), the same numbers on every machine (stats/random.h).
//
// Inverting the looks gives repeated confidence intervals (Jennison &
// Turnbull 1989): the Tukey interval of every look at level 1 - a covers the
// true shift at every look at once with probability at least 1 - alpha. And
// the repeated p-value F(min over looks so far of p), with F the null
// distribution of that minimum, is a valid p-value whenever the looking
// stops (P(F <= u) <= u for every u), which is what a suite-wide
// Benjamini-Hochberg step needs (Bartroff & Song 2020 use the same kind of
// per-stream sequential p-values for their sequential BH).
#ifndef BENCHGATE_STATS_REPEATED_SIGNED_RANK_H_
#define BENCHGATE_STATS_REPEATED_SIGNED_RANK_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"

namespace benchgate {

// Looks at n = first..last non-zero differences; last at most this (the
// exact distribution's range, kSignedRankExactMax).
inline constexpr std::size_t kMaxLooks = 50;

class RepeatedSignedRank {
 public:
  static constexpr std::size_t kPaths = 100000;
  static constexpr unsigned long long kSeed = 20261202;

  // The looks at n = first..last (1 <= first <= last <= kMaxLooks),
  // simulated once per process and kept.
  static const RepeatedSignedRank& For(std::size_t first, std::size_t last);

  // F(p): the share of null paths whose smallest two-sided p-value over the
  // looks is at most p.
  double MinimumCdf(double p) const;

  // The largest per-look two-sided level a that an exact signed-rank
  // p-value can take at one of the looks with F(a) <= alpha; 0 when even the
  // smallest one is too large (too few rounds for this alpha).
  double NominalLevel(double alpha) const;

  // The repeated p-value of these differences, in round order, at the look
  // after the last of them: F of the smallest two-sided signed-rank p-value
  // (SignedRankTest) of their first n, n = first..size. 1 before the first
  // look.
  double RepeatedP(SampleView differences) const;

  std::size_t first() const { return first_; }
  std::size_t last() const { return last_; }

 private:
  RepeatedSignedRank(std::size_t first, std::size_t last);

  std::size_t first_, last_;
  std::vector<double> minimum_p_;  // one per path, sorted
  std::vector<double> attainable_;  // every exact two-sided p of the looks, sorted
};

}  // namespace benchgate

#endif  // BENCHGATE_STATS_REPEATED_SIGNED_RANK_H_
