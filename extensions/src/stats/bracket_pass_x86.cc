// The vector kernels of the bracket pass (bracket_pass_kernels.h), compiled
// for AVX2 and AVX-512 through function attributes, so the library itself
// still targets the x86-64 baseline and picks one at run time.
#include "stats/bracket_pass_kernels.h"

#ifdef BENCHGATE_HAVE_X86_PASS

#include <immintrin.h>

#include <array>
#include <cstddef>
#include <cstdint>

// GCC 12's own intrinsics headers trip -Wuninitialized (GCC bug 105593,
// fixed in 13): the warning is about the header, not this code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace benchgate {
namespace {

// Eight values per step: per bracket one compare, one masked add for the
// count and one masked compare for "inside"; the values inside go out with
// one compress and one full store (the next step overwrites the unused
// lanes). Finiteness costs one fused multiply-add: x * 0 is 0 for finite x
// and NaN for infinity and NaN, and a NaN in the sum stays.
template <std::size_t K>
__attribute__((target("avx512f,avx512dq,popcnt"), always_inline)) inline void Avx512Step(
    const __m512d v, const __m512d* low, const __m512d* high, __m512i* at_or_above, __m512d& poison,
    double* out, std::size_t& written) {
  poison = _mm512_fmadd_pd(v, _mm512_setzero_pd(), poison);
  __mmask8 inside = 0;
  for (std::size_t j = 0; j < K; ++j) {
    const __mmask8 above = _mm512_cmp_pd_mask(v, low[j], _CMP_GE_OQ);
    at_or_above[j] =
        _mm512_mask_add_epi64(at_or_above[j], above, at_or_above[j], _mm512_set1_epi64(1));
    const __mmask8 in = _mm512_mask_cmp_pd_mask(above, v, high[j], _CMP_LE_OQ);
    inside = j == 0 ? in : _kor_mask8(inside, in);
  }
  _mm512_storeu_pd(out + written, _mm512_maskz_compress_pd(inside, v));
  written += static_cast<std::size_t>(_mm_popcnt_u32(inside));
}

// Two steps per turn (4% faster on a million values than one). With two
// brackets the pass costs about one plain read of the data.
template <std::size_t K>
__attribute__((target("avx512f,avx512dq,popcnt"))) void Avx512RangeOf(
    const double* data, std::size_t begin, std::size_t end, const PassBrackets& b, double* out,
    PassState& state) {
  __m512d low[K];
  __m512d high[K];
  __m512i at_or_above[K];
  for (std::size_t j = 0; j < K; ++j) {
    low[j] = _mm512_set1_pd(b.low[j]);
    high[j] = _mm512_set1_pd(b.high[j]);
    at_or_above[j] = _mm512_setzero_si512();
  }
  __m512d poison = _mm512_setzero_pd();
  std::size_t written = state.written;
  std::size_t i = begin;
  for (; i + 16 <= end; i += 16) {
    Avx512Step<K>(_mm512_loadu_pd(data + i), low, high, at_or_above, poison, out, written);
    Avx512Step<K>(_mm512_loadu_pd(data + i + 8), low, high, at_or_above, poison, out, written);
  }
  for (; i + 8 <= end; i += 8) {
    Avx512Step<K>(_mm512_loadu_pd(data + i), low, high, at_or_above, poison, out, written);
  }
  for (std::size_t j = 0; j < K; ++j) {
    state.at_or_above[j] += static_cast<std::size_t>(_mm512_reduce_add_epi64(at_or_above[j]));
  }
  if (_mm512_cmp_pd_mask(poison, poison, _CMP_UNORD_Q) != 0) state.max_abs_bits = kInfinityBits;
  state.written = written;
  PortableRange(K, data, i, end, b, out, state);  // the last < 8 values
}

// Lane indices (as pairs of 32-bit lanes) that move the doubles of a 4-bit
// mask to the front, in order: AVX2 has no compress instruction.
constexpr std::array<std::array<std::int32_t, 8>, 16> CompressTable() {
  std::array<std::array<std::int32_t, 8>, 16> table{};
  for (std::size_t mask = 0; mask < 16; ++mask) {
    std::size_t out = 0;
    for (std::int32_t lane = 0; lane < 4; ++lane) {
      if ((mask >> lane & 1) == 0) continue;
      table[mask][2 * out] = 2 * lane;
      table[mask][2 * out + 1] = 2 * lane + 1;
      ++out;
    }
  }
  return table;
}
alignas(32) constexpr std::array<std::array<std::int32_t, 8>, 16> kCompress4 = CompressTable();

// Four values per step: per bracket two compares, an and and a subtraction
// (a true compare is all ones, -1 as an integer); the values inside go out
// with one permutation from kCompress4 and one full store.
template <std::size_t K>
__attribute__((target("avx2,fma,popcnt"))) void Avx2RangeOf(const double* data, std::size_t begin,
                                                            std::size_t end, const PassBrackets& b,
                                                            double* out, PassState& state) {
  __m256d low[K];
  __m256d high[K];
  __m256i at_or_above[K];
  for (std::size_t j = 0; j < K; ++j) {
    low[j] = _mm256_set1_pd(b.low[j]);
    high[j] = _mm256_set1_pd(b.high[j]);
    at_or_above[j] = _mm256_setzero_si256();
  }
  const __m256d zero = _mm256_setzero_pd();
  __m256d poison = zero;  // as in Avx512Step
  std::size_t written = state.written;
  std::size_t i = begin;
  for (; i + 4 <= end; i += 4) {
    const __m256d v = _mm256_loadu_pd(data + i);
    poison = _mm256_fmadd_pd(v, zero, poison);
    __m256d inside = zero;
    for (std::size_t j = 0; j < K; ++j) {
      const __m256d above = _mm256_cmp_pd(v, low[j], _CMP_GE_OQ);
      at_or_above[j] = _mm256_sub_epi64(at_or_above[j], _mm256_castpd_si256(above));
      const __m256d in = _mm256_and_pd(above, _mm256_cmp_pd(v, high[j], _CMP_LE_OQ));
      inside = j == 0 ? in : _mm256_or_pd(inside, in);
    }
    const int mask = _mm256_movemask_pd(inside);
    const __m256i order =
        _mm256_load_si256(reinterpret_cast<const __m256i*>(kCompress4[mask].data()));
    _mm256_storeu_pd(out + written,
                     _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(v), order)));
    written += static_cast<std::size_t>(_mm_popcnt_u32(static_cast<unsigned>(mask)));
  }
  for (std::size_t j = 0; j < K; ++j) {
    alignas(32) std::array<std::int64_t, 4> lanes;
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes.data()), at_or_above[j]);
    for (const std::int64_t lane : lanes) state.at_or_above[j] += static_cast<std::size_t>(lane);
  }
  if (_mm256_movemask_pd(_mm256_cmp_pd(poison, poison, _CMP_UNORD_Q)) != 0) {
    state.max_abs_bits = kInfinityBits;
  }
  state.written = written;
  PortableRange(K, data, i, end, b, out, state);  // the last < 4 values
}

}  // namespace

bool Avx512Supported() {
  // These checks include the OS's support for the wide registers.
  static const bool supported = static_cast<bool>(__builtin_cpu_supports("avx512f")) &&
                                static_cast<bool>(__builtin_cpu_supports("avx512dq")) &&
                                static_cast<bool>(__builtin_cpu_supports("popcnt"));
  return supported;
}

bool Avx2Supported() {
  static const bool supported = static_cast<bool>(__builtin_cpu_supports("avx2")) &&
                                static_cast<bool>(__builtin_cpu_supports("fma")) &&
                                static_cast<bool>(__builtin_cpu_supports("popcnt"));
  return supported;
}

void Avx512Range(std::size_t k, const double* data, std::size_t begin, std::size_t end,
                 const PassBrackets& b, double* out, PassState& state) {
  WithBracketCount(k, [&](auto count) {
    Avx512RangeOf<decltype(count)::value>(data, begin, end, b, out, state);
  });
}

void Avx2Range(std::size_t k, const double* data, std::size_t begin, std::size_t end,
               const PassBrackets& b, double* out, PassState& state) {
  WithBracketCount(
      k, [&](auto count) { Avx2RangeOf<decltype(count)::value>(data, begin, end, b, out, state); });
}

}  // namespace benchgate

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif  // BENCHGATE_HAVE_X86_PASS
