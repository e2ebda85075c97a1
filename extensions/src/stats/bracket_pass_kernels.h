// The kernels behind RunBracketPass (bracket_pass.h): each runs values
// [begin, end) against k brackets, adding to a PassState.
#ifndef BENCHGATE_STATS_BRACKET_PASS_KERNELS_H_
#define BENCHGATE_STATS_BRACKET_PASS_KERNELS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "stats/bracket_pass.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define BENCHGATE_HAVE_X86_PASS 1
#endif

namespace benchgate {

inline constexpr std::uint64_t kAbsMask = ~(std::uint64_t{1} << 63);
inline constexpr std::uint64_t kInfinityBits = 0x7ff0000000000000ULL;  // |x| >= this: inf, NaN

// Where a pass stands: per bracket the values at or above its low, the
// largest |x| bit pattern seen (finiteness in one integer max, NaN included;
// the vector kernels set it to kInfinityBits on a non-finite value), and how
// many values were written inside.
struct PassState {
  std::array<std::size_t, kMaxPassBrackets> at_or_above{};
  std::uint64_t max_abs_bits = 0;
  std::size_t written = 0;
};

// k in 1..kMaxPassBrackets. `out` has room for (end - begin) + 8 values past
// state.written: the vector kernels store whole vectors.
using PassRange = void (*)(std::size_t k, const double* data, std::size_t begin, std::size_t end,
                           const PassBrackets& b, double* out, PassState& state);

// Calls f(std::integral_constant<std::size_t, k>{}) for k in 1..4: the work
// per value grows with k, so each kernel has a loop per count.
template <typename F>
void WithBracketCount(std::size_t k, F&& f) {
  switch (k) {
    case 1:
      return f(std::integral_constant<std::size_t, 1>{});
    case 2:
      return f(std::integral_constant<std::size_t, 2>{});
    case 3:
      return f(std::integral_constant<std::size_t, 3>{});
    default:
      return f(std::integral_constant<std::size_t, 4>{});
  }
}

void PortableRange(std::size_t k, const double* data, std::size_t begin, std::size_t end,
                   const PassBrackets& b, double* out, PassState& state);

#ifdef BENCHGATE_HAVE_X86_PASS
bool Avx2Supported();
void Avx2Range(std::size_t k, const double* data, std::size_t begin, std::size_t end,
               const PassBrackets& b, double* out, PassState& state);
bool Avx512Supported();
void Avx512Range(std::size_t k, const double* data, std::size_t begin, std::size_t end,
                 const PassBrackets& b, double* out, PassState& state);
#endif

}  // namespace benchgate

#endif  // BENCHGATE_STATS_BRACKET_PASS_KERNELS_H_
