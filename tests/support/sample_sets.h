// Samples and runs written out by hand, for the tests of the analysis, the
// merging of runs and the simulations.
#ifndef BENCHGATE_TESTS_SUPPORT_SAMPLE_SETS_H_
#define BENCHGATE_TESTS_SUPPORT_SAMPLE_SETS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/sample_set.h"

namespace benchgate::test {

// One benchmark's repetitions: these real times, the same CPU times, and
// the round of each repetition when given.
inline SampleSet SampleSetOf(const std::string& name, std::vector<double> real_time_ns,
                             std::vector<std::uint32_t> rounds = {}) {
  SampleSet set;
  set.name = name;
  set.real_time_ns = std::move(real_time_ns);
  set.cpu_time_ns = set.real_time_ns;
  set.rounds = std::move(rounds);
  return set;
}

// A run of these benchmarks, in this order.
inline RunData MakeRun(std::vector<SampleSet> sets) {
  RunData run;
  run.benchmarks = std::move(sets);
  return run;
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_SAMPLE_SETS_H_
