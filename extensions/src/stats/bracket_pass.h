// The one pass over the data of the sampled selection (summary.cc): for up to
// four value ranges ("brackets") around wanted order statistics, how many
// values lie below each, and a copy of every value inside one of them. The
// finiteness check rides along, so a million values are read once.
//
// Three kernels give the same result: a portable loop, and AVX2 and AVX-512
// ones (bracket_pass_x86.cc) chosen at run time where the CPU has them (the
// portable loop is what a compiler makes of plain C++ for the x86-64
// baseline: scalar, several times slower). Tests run all that the machine
// has on the same data.
#ifndef BENCHGATE_STATS_BRACKET_PASS_H_
#define BENCHGATE_STATS_BRACKET_PASS_H_

#include <array>
#include <cstddef>
#include <vector>

#include "benchgate/stats/summary.h"

namespace benchgate {

inline constexpr std::size_t kMaxPassBrackets = 4;

// Brackets [low[j], high[j]] for j < count, ascending and disjoint
// (high[j] < low[j + 1]); low may be -infinity and high +infinity. A NaN
// high makes a bracket count only: nothing is inside it.
struct PassBrackets {
  std::array<double, kMaxPassBrackets> low{}, high{};
  std::size_t count = 0;
};

struct PassResult {
  // False when some value is NaN or infinite; the counts are then unusable.
  bool all_finite = true;
  // True when more than `capacity` values fell inside: the pass may stop
  // early and `below` and `inside_count` are then incomplete.
  bool overflow = false;
  std::array<std::size_t, kMaxPassBrackets> below{};
  // How many values are inside a bracket: the first inside_count values of
  // the caller's buffer, in input order.
  std::size_t inside_count = 0;
};

enum class PassKernel { kPortable, kAvx2, kAvx512 };

// Whether this CPU (and OS) runs the kernel.
bool PassKernelAvailable(PassKernel kernel);

// Runs the given kernel (it must be available), writing the values
// inside to `out`. The buffer is grown as needed and never shrunk: callers
// reuse one, because the page faults of fresh memory cost more than the pass.
PassResult RunBracketPass(SampleView values, const PassBrackets& brackets, std::size_t capacity,
                          std::vector<double>& out, PassKernel kernel);

// Runs the fastest available kernel.
PassResult RunBracketPass(SampleView values, const PassBrackets& brackets, std::size_t capacity,
                          std::vector<double>& out);

}  // namespace benchgate

#endif  // BENCHGATE_STATS_BRACKET_PASS_H_
