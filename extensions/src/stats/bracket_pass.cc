#include "stats/bracket_pass.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define BENCHGATE_HAVE_AVX512_PASS 1
#endif

namespace benchgate {
namespace {

// The capacity is checked between chunks, not per value (a check per call of
// a kernel costs as much as the pass at 1 Ki values per chunk): a chunk may
// write up to kChunk values past it, so the buffer has that much slack, plus
// one vector, which the AVX-512 kernel stores whole.
constexpr std::size_t kChunk = 16384;
constexpr std::uint64_t kAbsMask = ~(std::uint64_t{1} << 63);
constexpr std::uint64_t kInfinityBits = 0x7ff0000000000000ULL;  // |x| bits >= this: inf or NaN

// Where a pass stands: per bracket the values at or above its low, the
// largest |x| bit pattern seen (finiteness in one integer max, NaN included),
// and how many values were written inside.
struct PassState {
  std::array<std::size_t, kMaxPassBrackets> at_or_above{};
  std::uint64_t max_abs_bits = 0;
  std::size_t written = 0;
};

// Values [begin, end) the portable way: no data-dependent branch (half the
// values lie below a median bracket, a branch would mispredict half the
// time); every value is stored and the write position advances only for
// values inside. The state lives in locals, so nothing waits on memory.
template <std::size_t K>
void PortableRange(const double* data, std::size_t begin, std::size_t end, const PassBrackets& b,
                   double* out, PassState& state) {
  std::array<std::size_t, K> at_or_above{};
  std::array<double, K> low, high;
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

#ifdef BENCHGATE_HAVE_AVX512_PASS
// Eight values per step: per bracket one compare, one masked add for the
// count and one masked compare for "inside"; the values inside go out with
// one compress and one full store (the next step overwrites the unused
// lanes). A read of the data costs about as much, so this is close to the
// floor.
// GCC 12's own intrinsics headers trip -Wuninitialized (GCC bug 105593,
// fixed in 13): the warning is about the header, not this code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
template <std::size_t K>
__attribute__((target("avx512f,avx512dq,popcnt"))) void Avx512Range(const double* data,
                                                                    std::size_t begin,
                                                                    std::size_t end,
                                                                    const PassBrackets& b,
                                                                    double* out, PassState& state) {
  __m512d low[K], high[K];
  __m512i at_or_above[K];
  for (std::size_t j = 0; j < K; ++j) {
    low[j] = _mm512_set1_pd(b.low[j]);
    high[j] = _mm512_set1_pd(b.high[j]);
    at_or_above[j] = _mm512_setzero_si512();
  }
  const __m512i one = _mm512_set1_epi64(1);
  const __m512d zero = _mm512_setzero_pd();
  // Finiteness in one fused multiply-add per step: x * 0 is 0 for finite x
  // and NaN for infinity and NaN, and a NaN in the sum stays.
  __m512d poison = _mm512_setzero_pd();
  std::size_t written = state.written;
  std::size_t i = begin;
  for (; i + 8 <= end; i += 8) {
    const __m512d v = _mm512_loadu_pd(data + i);
    poison = _mm512_fmadd_pd(v, zero, poison);
    // The masks are combined with AVX-512DQ's 8-bit mask operations, so they
    // stay in mask registers: moving each one to a general register and back
    // costs more than the compares.
    __mmask8 inside = 0;
    for (std::size_t j = 0; j < K; ++j) {
      const __mmask8 above = _mm512_cmp_pd_mask(v, low[j], _CMP_GE_OQ);
      at_or_above[j] = _mm512_mask_add_epi64(at_or_above[j], above, at_or_above[j], one);
      const __mmask8 in = _mm512_mask_cmp_pd_mask(above, v, high[j], _CMP_LE_OQ);
      inside = j == 0 ? in : _kor_mask8(inside, in);
    }
    _mm512_storeu_pd(out + written, _mm512_maskz_compress_pd(inside, v));
    written += static_cast<std::size_t>(_mm_popcnt_u32(inside));
  }
  for (std::size_t j = 0; j < K; ++j) {
    state.at_or_above[j] += static_cast<std::size_t>(_mm512_reduce_add_epi64(at_or_above[j]));
  }
  if (_mm512_cmp_pd_mask(poison, poison, _CMP_UNORD_Q) != 0) state.max_abs_bits = kInfinityBits;
  state.written = written;
  PortableRange<K>(data, i, end, b, out, state);  // the last < 8 values
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

// The kernel for K brackets (the work per value grows with K, so each count
// has its own loop).
template <std::size_t K>
void RunRange(PassKernel kernel, const double* data, std::size_t begin, std::size_t end,
              const PassBrackets& b, double* out, PassState& state) {
#ifdef BENCHGATE_HAVE_AVX512_PASS
  if (kernel == PassKernel::kAvx512) return Avx512Range<K>(data, begin, end, b, out, state);
#endif
  (void)kernel;
  PortableRange<K>(data, begin, end, b, out, state);
}

using RangeFunction = void (*)(PassKernel, const double*, std::size_t, std::size_t,
                               const PassBrackets&, double*, PassState&);
constexpr RangeFunction kRanges[kMaxPassBrackets] = {RunRange<1>, RunRange<2>, RunRange<3>,
                                                     RunRange<4>};

}  // namespace

bool Avx512PassAvailable() {
#ifdef BENCHGATE_HAVE_AVX512_PASS
  // These checks include the OS's support for the wide registers.
  static const bool available = __builtin_cpu_supports("avx512f") != 0 &&
                                __builtin_cpu_supports("avx512dq") != 0 &&
                                __builtin_cpu_supports("popcnt") != 0;
  return available;
#else
  return false;
#endif
}

PassResult RunBracketPass(SampleView values, const PassBrackets& brackets, std::size_t capacity,
                          std::vector<double>& out, PassKernel kernel) {
  const std::size_t n = values.size();
  const std::size_t count = std::min(brackets.count, kMaxPassBrackets);
  // No bracket: one of NaN, which nothing is at or above, so only the
  // finiteness check does anything.
  PassBrackets b = brackets;
  if (count == 0) b.low[0] = b.high[0] = std::numeric_limits<double>::quiet_NaN();
  PassResult result;
  const std::size_t size = std::min(n, capacity + kChunk) + 8;
  if (out.size() < size) out.resize(size);
  PassState state;
  const auto range = [&](std::size_t begin, std::size_t end) {
    kRanges[std::max<std::size_t>(count, 1) - 1](kernel, values.data(), begin, end, b, out.data(),
                                                 state);
  };
  result.overflow = !Chunked(n, capacity, state, range);
  result.all_finite = state.max_abs_bits < kInfinityBits;
  for (std::size_t j = 0; j < count; ++j) result.below[j] = n - state.at_or_above[j];
  result.inside_count = std::min(state.written, size);  // < size: see kSlack
  return result;
}

PassResult RunBracketPass(SampleView values, const PassBrackets& brackets, std::size_t capacity,
                          std::vector<double>& out) {
  return RunBracketPass(values, brackets, capacity, out,
                        Avx512PassAvailable() ? PassKernel::kAvx512 : PassKernel::kPortable);
}

}  // namespace benchgate
