// The one-sided sign test looked at after every round: benchgate-ab's
// sequential design stops a benchmark as "unchanged" once its rounds so far
// show that the median round lies short of the tolerance in the worse
// direction (gate/sequential_analysis.h), looking after every round from
// `first` to `last`.
//
// "At most m of the first n rounds lie beyond the limit" rejects "the median
// round is at or beyond the limit". Looking after every round at a fixed
// level would make that rejection far likelier than the level (Armitage,
// McPherson & Rowe 1969), so every look uses one nominal level, chosen so
// that with the median exactly at the limit the chance that ANY look
// rejects is at most beta (Pocock's constant nominal level, 1977).
//
// Why the sign test here: its null needs nothing of the noise but a
// median. If the median round is at the limit, each round falls beyond it
// with probability 1/2, independently, so the counts over the looks are a
// simple random walk and the crossing chance is computed exactly by dynamic
// programming over the walk: no approximation, the same numbers on every
// machine. And it only counts: a burst that slows a whole process gives one
// round a log ratio of +20% or more, which costs it one count, so a burst
// does not keep an unchanged benchmark open for long.
#ifndef BENCHGATE_STATS_REPEATED_SIGN_TEST_H_
#define BENCHGATE_STATS_REPEATED_SIGN_TEST_H_

#include <cstddef>
#include <vector>

namespace benchgate {

// Looks at n = first..last, last at most this.
inline constexpr std::size_t kMaxLooks = 100;

// P(Bin(n, 1/2) <= m).
double BinomialHalfCdf(std::size_t n, std::size_t m);

class RepeatedSignTest {
 public:
  // The looks at n = first..last (1 <= first <= last <= kMaxLooks), made
  // once per process and kept.
  static const RepeatedSignTest& For(std::size_t first, std::size_t last);

  // The exact chance, with the median at the limit, that some look finds
  // at most MostBeyond(n, b) of its n rounds beyond the limit.
  double OneSidedCrossing(double b) const;

  // The largest p-value attainable at one of the looks whose crossing
  // chance is at most beta; 0 when none.
  double OneSidedNominal(double beta) const;

  // The most of n rounds that may lie beyond a limit for the test at
  // nominal level b to reject: the largest m with P(Bin(n, 1/2) <= m) <= b;
  // -1 when none or n is outside the looks.
  int MostBeyond(std::size_t n, double b) const;

  std::size_t first() const { return first_; }
  std::size_t last() const { return last_; }

 private:
  RepeatedSignTest(std::size_t first, std::size_t last);
  // The chance that the walk is, at some look n, at a count c with
  // rejects(n, c).
  template <typename Rejects>
  double Crossing(const Rejects& rejects) const;

  std::size_t first_, last_;
  std::vector<std::vector<double>> cdf_;  // cdf_[n][m] = P(Bin(n, 1/2) <= m), n <= last
  std::vector<double> one_sided_;         // attainable levels at the looks, sorted
};

}  // namespace benchgate

#endif  // BENCHGATE_STATS_REPEATED_SIGN_TEST_H_
