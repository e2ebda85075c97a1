#include "stats/bracket_pass.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#include "stats/bracket_pass_kernels.h"

namespace benchgate {
namespace {

// The capacity is checked between chunks, not per value (at 1 Ki values per
// chunk the calls cost a third of the pass): a chunk may write up to kChunk
// values past it, so the buffer has that much slack, plus one vector, which
// the vector kernels store whole.
constexpr std::size_t kChunk = 16384;

// Values [begin, end) the portable way: no data-dependent branch (half the
// values lie below a median bracket, a branch would mispredict half the
// time); every value is stored and the write position advances only for
// values inside. The state lives in locals, so nothing waits on memory.
template <std::size_t K>
void PortableRangeOf(const double* data, std::size_t begin, std::size_t end, const PassBrackets& b,
                     double* out, PassState& state) {
  std::array<std::size_t, K> at_or_above{};
  std::array<double, K> low;
  std::array<double, K> high;
  for (std::size_t j = 0; j < K; ++j) {
    low[j] = b.low[j];
    high[j] = b.high[j];
  }
  std::uint64_t max_abs_bits = state.max_abs_bits;
  std::size_t written = state.written;
  for (std::size_t i = begin; i < end; ++i) {
    const double v = data[i];
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    max_abs_bits = std::max(max_abs_bits, bits & kAbsMask);
    unsigned inside = 0;  // & and |, not && and ||: no branch
    for (std::size_t j = 0; j < K; ++j) {
      const unsigned above = v >= low[j];
      at_or_above[j] += above;
      inside |= above & static_cast<unsigned>(v <= high[j]);
    }
    out[written] = v;
    written += inside;
  }
  for (std::size_t j = 0; j < K; ++j) state.at_or_above[j] += at_or_above[j];
  state.max_abs_bits = max_abs_bits;
  state.written = written;
}

// Runs `range` chunk by chunk, stopping once more than `capacity` values
// are inside.
template <typename Range>
bool Chunked(std::size_t n, std::size_t capacity, const PassState& state, Range range) {
  for (std::size_t begin = 0; begin < n; begin += kChunk) {
    if (state.written > capacity) return false;
    range(begin, std::min(n, begin + kChunk));
  }
  return state.written <= capacity;
}

PassRange RangeOf(PassKernel kernel) {
#ifdef BENCHGATE_HAVE_X86_PASS
  if (kernel == PassKernel::kAvx512) return Avx512Range;
  if (kernel == PassKernel::kAvx2) return Avx2Range;
#endif
  (void)kernel;
  return PortableRange;
}

PassKernel BestKernel() {
  static const PassKernel best = PassKernelAvailable(PassKernel::kAvx512) ? PassKernel::kAvx512
                                 : PassKernelAvailable(PassKernel::kAvx2) ? PassKernel::kAvx2
                                                                          : PassKernel::kPortable;
  return best;
}

}  // namespace

void PortableRange(std::size_t k, const double* data, std::size_t begin, std::size_t end,
                   const PassBrackets& b, double* out, PassState& state) {
  WithBracketCount(k, [&](auto count) {
    PortableRangeOf<decltype(count)::value>(data, begin, end, b, out, state);
  });
}

bool PassKernelAvailable(PassKernel kernel) {
  switch (kernel) {
    case PassKernel::kPortable:
      return true;
#ifdef BENCHGATE_HAVE_X86_PASS
    case PassKernel::kAvx2:
      return Avx2Supported();
    case PassKernel::kAvx512:
      return Avx512Supported();
#endif
    default:
      return false;
  }
}

PassResult RunBracketPass(SampleView values, const PassBrackets& brackets, std::size_t capacity,
                          std::vector<double>& out, PassKernel kernel) {
  const std::size_t n = values.size();
  const std::size_t count = std::min(brackets.count, kMaxPassBrackets);
  // No bracket: one of NaN, which nothing is at or above, so only the
  // finiteness check does anything.
  PassBrackets b = brackets;
  if (count == 0) b.low[0] = b.high[0] = std::numeric_limits<double>::quiet_NaN();
  const std::size_t size = std::min(n, capacity + kChunk) + 8;
  if (out.size() < size) out.resize(size);
  PassState state;
  const PassRange range = RangeOf(kernel);
  const std::size_t k = std::max<std::size_t>(count, 1);
  PassResult result;
  result.overflow = !Chunked(n, capacity, state, [&](std::size_t begin, std::size_t end) {
    range(k, values.data(), begin, end, b, out.data(), state);
  });
  result.all_finite = state.max_abs_bits < kInfinityBits;
  for (std::size_t j = 0; j < count; ++j) result.below[j] = n - state.at_or_above[j];
  result.inside_count = std::min(state.written, size);
  return result;
}

PassResult RunBracketPass(SampleView values, const PassBrackets& brackets, std::size_t capacity,
                          std::vector<double>& out) {
  return RunBracketPass(values, brackets, capacity, out, BestKernel());
}

}  // namespace benchgate
