// What the seeded simulations of the gate share: draws that are the same on
// every machine (the project's xoshiro256**, Box-Muller normals) and
// counting verdicts over a slice of a suite.
#ifndef BENCHGATE_TESTS_SIMULATION_SUPPORT_H_
#define BENCHGATE_TESTS_SIMULATION_SUPPORT_H_

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "gate/analysis.h"
#include "stats/random.h"

namespace benchgate {

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

 private:
  Xoshiro256 rng_;
};

inline std::size_t CountStatus(const SuiteAnalysis& suite, VerdictStatus status, std::size_t from,
                               std::size_t to) {
  std::size_t count = 0;
  for (std::size_t i = from; i < to; ++i) count += suite.benchmarks[i].status == status;
  return count;
}

}  // namespace benchgate

#endif  // BENCHGATE_TESTS_SIMULATION_SUPPORT_H_
