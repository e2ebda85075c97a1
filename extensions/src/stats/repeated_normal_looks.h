// A test looked at after each of K rounds of equal size: the runner's extra
// rounds (gate/more_rounds.h) judge each benchmark again on its samples so
// far after every round, and stop measuring it once a look decides it.
// Looking K times at a fixed level inflates false alarms (Armitage,
// McPherson & Rowe 1969), so, as benchgate-ab's sequential rounds do with
// the sign test (stats/repeated_sign_test.h), every look uses one nominal
// level whose chance of crossing at ANY of the K looks is alpha: Pocock's
// (1977) constant boundary.
//
// Model: under the null the test statistic at look k is Z_k = S_k / sqrt(k),
// S_k a sum of k independent N(0, 1) increments (one per round): the
// canonical joint distribution of a group-sequential design with equal
// information per look (Jennison & Turnbull 2000, section 3.1), the
// correlation of looks j < k being sqrt(j / k). The runner's rank test
// compares a growing candidate with a fixed baseline: its looks share the
// baseline, so they are correlated more than that (all alike when the
// baseline is small, as above when it is large), and a more correlated
// sequence crosses a constant one-sided boundary less often (Slepian's
// inequality): the level computed here is the one for the least correlated
// looks. The runner's calibration measures what it gives on real timings.
//
// The crossing chance is computed by the recursive numerical integration
// of Armitage, McPherson & Rowe (1969) (Jennison & Turnbull 2000, chapter
// 19): the density of S_k on the continuation region |S_k| < c sqrt(k),
// propagated look by look with Simpson's rule, and the chance of leaving it
// at look k from it in closed form with the normal cdf. Checked against
// Pocock's published constants.
#ifndef BENCHGATE_STATS_REPEATED_NORMAL_LOOKS_H_
#define BENCHGATE_STATS_REPEATED_NORMAL_LOOKS_H_

#include <map>
#include <mutex>
#include <vector>

namespace benchgate {

class RepeatedNormalLooks {
 public:
  // Looks after rounds first..last (1 <= first <= last <= 100), made once
  // per process and kept.
  static const RepeatedNormalLooks& For(int first, int last);

  // The chance, under the null, that the two-sided p-value of some look is
  // at most `a` (a in (0, 1]): `a` itself with one look. The looks' statistics
  // are S_k / sqrt(k) at k = first..last.
  double Crossing(double a) const;

  // The per-look level whose crossing chance is `alpha` (Pocock's nominal
  // level; alpha in (0, 1)), to 1e-9 relative.
  double Nominal(double alpha) const;

  // The repeated p-value of a benchmark whose smallest p-value over its
  // looks so far is `smallest`: Crossing(smallest), valid whenever the
  // looking stops (P(Crossing(min p) <= u) <= u under the null).
  // Interpolated (log-log, linear) in a table of Crossing at 40 points per
  // decade from 1e-12 to 1, each point made on first use (computed below
  // it): within
  // 1e-3 relative of Crossing (tests), so a look at 500 benchmarks costs
  // microseconds instead of a second.
  double RepeatedP(double smallest) const;

  int first() const { return first_; }
  int last() const { return last_; }

 private:
  RepeatedNormalLooks(int first, int last) : first_(first), last_(last) {}
  int first_, last_;
  mutable std::mutex mutex_;
  mutable std::map<double, double> nominal_;  // alpha -> level, computed once
  mutable std::vector<double> log_crossing_;  // RepeatedP's table
};

}  // namespace benchgate

#endif  // BENCHGATE_STATS_REPEATED_NORMAL_LOOKS_H_
