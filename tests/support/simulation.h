// What the seeded simulations of the gate share: draws that are the same on
// every machine (the project's xoshiro256**, Box-Muller normals), the
// samples of one run drawn from them, and counting verdicts over a slice of
// a suite.
#ifndef BENCHGATE_TESTS_SUPPORT_SIMULATION_H_
#define BENCHGATE_TESTS_SUPPORT_SIMULATION_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gate/verdict.h"
#include "stats/random.h"

namespace benchgate::test {

class Draws {
 public:
  explicit Draws(std::uint64_t seed) : rng_(seed) {}

  double Uniform() { return rng_.Uniform(); }
  double Between(double lo, double hi) { return lo + (hi - lo) * rng_.Uniform(); }
  std::uint64_t Below(std::uint64_t bound) { return rng_.Below(bound); }
  // Standard normal by Box-Muller.
  double Normal() {
    const double u1 = 1.0 - rng_.Uniform();  // (0, 1]
    const double u2 = rng_.Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  // `n` samples of one run around `centre`: a drift of the whole run
  // (log-normal, sigma 0.5%) times each sample's log-normal noise (sigma
  // `cv`). The drift is drawn first, then one normal per sample.
  std::vector<double> RunSamples(double centre, double cv, std::size_t n) {
    const double drift = std::exp(0.005 * Normal());
    std::vector<double> values(n);
    for (double& v : values) v = centre * drift * std::exp(cv * Normal());
    return values;
  }

 private:
  Xoshiro256 rng_;
};

inline std::size_t CountStatus(const SuiteAnalysis& suite, VerdictStatus status, std::size_t from,
                               std::size_t to) {
  std::size_t count = 0;
  for (std::size_t i = from; i < to; ++i) count += suite.benchmarks[i].status == status;
  return count;
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_SIMULATION_H_
