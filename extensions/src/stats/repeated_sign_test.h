// The sign test looked at after every round: benchgate-ab's sequential
// design judges each benchmark's log ratios d_1, d_2, ... (one per round)
// after every round from `first` to `last`.
//
// Looking after every round at a fixed level inflates false alarms (five
// looks at 0.05 give about 0.14, Armitage, McPherson & Rowe 1969), so every
// look uses one nominal level, chosen so that under the null the chance
// that ANY look rejects is at most the design's alpha: a constant nominal
// level across looks (Pocock 1977), computed exactly.
//
// Why the sign test: its null needs nothing of the noise but a median. If
// the median round is theta, each round falls above theta with probability
// 1/2, independently, so the counts over the looks are a simple random walk
// and the chance of crossing at any look is computed exactly by dynamic
// programming over the walk: no normal approximation, no simulation, the
// same numbers on every machine. And it only counts: a burst that slows a
// whole process (a few percent of short processes on a busy machine) gives
// one round a log ratio of +-20% or more, which costs a sign count one
// unit; the signed-rank statistic gives it the largest rank, and its
// interval cannot leave out the Walsh averages it makes until k exceeds n.
// Where shifts are large against the round-to-round noise (every round on
// one side), the two tests are equally strong: 2 / 2^n either way.
//
// What is built on the looks:
// - repeated intervals (Jennison & Turnbull 1989): the order-statistic
//   interval of the median at the nominal level covers the true median at
//   every look at once with probability at least 1 - alpha, so the interval
//   an early stop reports holds too;
// - repeated p-values: F(min over the looks so far of the two-sided
//   p-value), F the exact null distribution of that minimum: valid whenever
//   the looking stops (P(F <= u) <= u), which is what a suite-wide
//   Benjamini-Hochberg step needs (Bartroff & Song 2020 build their
//   sequential BH on such per-stream p-values);
// - one-sided tests for equivalence: "at most m of the first n rounds lie
//   beyond the limit" rejects "the median round is at or beyond the limit",
//   at a nominal level whose chance of rejecting at any look, with the
//   median exactly at the limit, is at most beta.
#ifndef BENCHGATE_STATS_REPEATED_SIGN_TEST_H_
#define BENCHGATE_STATS_REPEATED_SIGN_TEST_H_

#include <cstddef>
#include <vector>

#include "benchgate/sample_view.h"
#include "benchgate/stats/status.h"

namespace benchgate {

// Looks at n = first..last, last at most this.
inline constexpr std::size_t kMaxLooks = 100;

// P(Bin(n, 1/2) <= m).
double BinomialHalfCdf(std::size_t n, std::size_t m);

// The two-sided sign test of "the median is zero": 2 P(Bin(n, 1/2) <=
// min(positive, negative)), at most 1, zeros dropped; 1 without non-zero
// values.
double SignTestP(SampleView differences);

struct MedianInterval {
  // kOk; kEmpty; kNonFinite; kTooFew (even [min, max] does not reach the
  // level); kInvalidArgument (level outside (0, 1)).
  StatStatus status = StatStatus::kEmpty;
  double median = 0, lower = 0, upper = 0;
  double coverage = 0;  // exact: 1 - 2 P(Bin(n, 1/2) <= k)
};

// The distribution-free interval of the median: sorted, [x_(k+1), x_(n-k)],
// k the largest count with 2 P(Bin(n, 1/2) <= k) <= 1 - level: a value
// outside it has k or fewer of the values on one side, so the sign test
// rejects it at 1 - level (the sign test's confidence interval, Conover
// 1999, section 3.2).
MedianInterval SignTestInterval(SampleView values, double level);

class RepeatedSignTest {
 public:
  // The looks at n = first..last (1 <= first <= last <= kMaxLooks), made
  // once per process and kept.
  static const RepeatedSignTest& For(std::size_t first, std::size_t last);

  // The exact chance, under the null, that some look's two-sided sign-test
  // p-value is at most a.
  double TwoSidedCrossing(double a) const;
  // The exact chance, with the median at the limit, that some look finds
  // at most MostBeyond(n, b) of its n rounds beyond the limit.
  double OneSidedCrossing(double b) const;

  // The largest p-value attainable at one of the looks whose crossing
  // chance is at most alpha (two-sided) or beta (one-sided); 0 when none.
  double TwoSidedNominal(double alpha) const;
  double OneSidedNominal(double beta) const;

  // The most of n rounds that may lie beyond a limit for the one-sided test
  // at nominal level b to reject: the largest m with P(Bin(n, 1/2) <= m) <=
  // b; -1 when none or n is outside the looks.
  int MostBeyond(std::size_t n, double b) const;

  // The repeated p-value of these differences, in round order, at the look
  // after the last of them: TwoSidedCrossing of the smallest SignTestP of
  // their first n, n = first..size (at most last). 1 before the first look.
  double RepeatedP(SampleView differences) const;

  std::size_t first() const { return first_; }
  std::size_t last() const { return last_; }

 private:
  RepeatedSignTest(std::size_t first, std::size_t last);
  // The chance that the walk is, at some look n, at a count c with
  // rejects(n, c).
  template <typename Rejects>
  double Crossing(const Rejects& rejects) const;

  std::size_t first_, last_;
  std::vector<std::vector<double>> cdf_;       // cdf_[n][m] = P(Bin(n, 1/2) <= m), n <= last
  std::vector<double> two_sided_, one_sided_;  // attainable levels at the looks, sorted
};

}  // namespace benchgate

#endif  // BENCHGATE_STATS_REPEATED_SIGN_TEST_H_
