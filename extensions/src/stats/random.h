// A seeded generator that gives the same stream on every machine and standard
// library: xoshiro256** (Blackman and Vigna, 2018) seeded by splitmix64, with
// Lemire's unbiased bounded integers. std::uniform_int_distribution is not
// used because its algorithm is implementation-defined.
#ifndef BENCHGATE_STATS_RANDOM_H_
#define BENCHGATE_STATS_RANDOM_H_

#include <cstdint>

namespace benchgate {

class Xoshiro256 {
 public:
  explicit Xoshiro256(std::uint64_t seed) noexcept {
    for (std::uint64_t& word : state_) word = SplitMix64(seed);
  }

  std::uint64_t Next() noexcept {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound), bound > 0 (Lemire 2019, "Fast random integer
  // generation in an interval", with rejection so there is no bias).
  std::uint64_t Below(std::uint64_t bound) noexcept {
    __extension__ using U128 = unsigned __int128;
    U128 product = static_cast<U128>(Next()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
      const std::uint64_t threshold = -bound % bound;
      while (low < threshold) {
        product = static_cast<U128>(Next()) * bound;
        low = static_cast<std::uint64_t>(product);
      }
    }
    return static_cast<std::uint64_t>(product >> 64);
  }

  // Uniform in [0, 1) with 53 random bits.
  double Uniform() noexcept { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t SplitMix64(std::uint64_t& x) noexcept {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  std::uint64_t state_[4];
};

}  // namespace benchgate

#endif  // BENCHGATE_STATS_RANDOM_H_
