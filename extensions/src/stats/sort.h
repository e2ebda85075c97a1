// Sorting doubles fast: an LSD radix sort on the order-preserving integer
// image of each double. It makes the rank tests linear in practice (the
// 10,000 x 10,000 Mann-Whitney test is dominated by sorting otherwise).
#ifndef BENCHGATE_STATS_SORT_H_
#define BENCHGATE_STATS_SORT_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace benchgate {

// Unsigned integers in the same order as the doubles (-0.0 before +0.0;
// callers reject NaN before sorting).
inline std::uint64_t OrderedBits(double v) noexcept {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

inline double FromOrderedBits(std::uint64_t bits) noexcept {
  bits = (bits >> 63) != 0 ? bits & ~(std::uint64_t{1} << 63) : ~bits;
  double v = 0;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// Sorts finite doubles ascending. Below a few hundred values std::sort wins.
// With significant_bits < 64 only that many key bits are sorted on, from the
// highest bit in which the keys differ down (fewer radix passes): values
// whose keys agree on those bits keep their input order, so the order is
// exact up to about 2^-significant_bits of the key range, whatever the
// values' magnitude (1e9 + noise as well as 1 + noise). The sampled
// selection uses that, since its brackets need the sample's order
// statistics only roughly.
inline void SortDoubles(std::vector<double>& values, int significant_bits = 64) {
  if (values.size() < 512) {
    std::sort(values.begin(), values.end());
    return;
  }
  constexpr int kBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  std::vector<std::uint64_t> keys(values.size()), scratch(values.size());
  std::uint64_t differing = 0;  // the bits in which some key differs from the first
  for (std::size_t i = 0; i < values.size(); ++i) {
    keys[i] = OrderedBits(values[i]);
    differing |= keys[i] ^ keys[0];
  }
  int lowest_bit = 0;
  if (significant_bits < 64 && differing != 0) {
    lowest_bit = std::max(0, static_cast<int>(std::bit_width(differing)) - significant_bits);
  }
  for (int shift = lowest_bit; shift < 64; shift += kBits) {
    std::array<std::size_t, kBuckets> count{};
    for (const std::uint64_t key : keys) ++count[(key >> shift) & (kBuckets - 1)];
    if (count[(keys[0] >> shift) & (kBuckets - 1)] == keys.size()) continue;  // digit all equal
    std::size_t position = 0;
    for (std::size_t& c : count) position += std::exchange(c, position);
    for (const std::uint64_t key : keys) scratch[count[(key >> shift) & (kBuckets - 1)]++] = key;
    keys.swap(scratch);
  }
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = FromOrderedBits(keys[i]);
}

}  // namespace benchgate

#endif  // BENCHGATE_STATS_SORT_H_
