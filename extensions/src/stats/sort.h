// Sorting doubles fast: an LSD radix sort on the order-preserving integer
// image of each double. It makes the rank tests linear in practice (the
// 10,000 x 10,000 Mann-Whitney test is dominated by sorting otherwise).
#ifndef BENCHGATE_STATS_SORT_H_
#define BENCHGATE_STATS_SORT_H_

#include <algorithm>
#include <array>
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
inline void SortDoubles(std::vector<double>& values) {
  if (values.size() < 512) {
    std::sort(values.begin(), values.end());
    return;
  }
  constexpr int kBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  std::vector<std::uint64_t> keys(values.size()), scratch(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) keys[i] = OrderedBits(values[i]);
  for (int shift = 0; shift < 64; shift += kBits) {
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
