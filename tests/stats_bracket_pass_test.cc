// The selection's pass over the data (bracket_pass.h): counts below each
// bracket, the values inside, the finiteness check and the capacity stop,
// for the portable and the AVX-512 kernel, which must agree exactly.
#include <gtest/gtest.h>

#include <cstddef>
#include <limits>
#include <random>
#include <vector>

#include "stats/bracket_pass.h"

namespace benchgate {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<PassKernel> Kernels() {
  std::vector<PassKernel> kernels = {PassKernel::kPortable};
  for (const PassKernel kernel : {PassKernel::kAvx2, PassKernel::kAvx512}) {
    if (PassKernelAvailable(kernel)) kernels.push_back(kernel);
  }
  return kernels;
}

PassBrackets Make(std::vector<std::pair<double, double>> ranges) {
  PassBrackets b;
  b.count = ranges.size();
  for (std::size_t j = 0; j < ranges.size(); ++j) {
    b.low[j] = ranges[j].first;
    b.high[j] = ranges[j].second;
  }
  return b;
}

std::vector<double> Inside(const PassResult& r, const std::vector<double>& buffer) {
  return std::vector<double>(buffer.begin(),
                             buffer.begin() + static_cast<std::ptrdiff_t>(r.inside_count));
}

// Hand calculation: 1..21 (21 values, so the AVX-512 kernel's scalar tail of
// 5 values is used too), brackets [5, 7] and [10, 10] and [20, +inf]: below
// 4, 9 and 19; inside 5 6 7 10 20 21 in input order (bounds included).
TEST(BracketPassTest, HandCountedExample) {
  std::vector<double> values;
  for (int i = 21; i >= 1; --i) values.push_back(i);
  const PassBrackets b = Make({{5, 7}, {10, 10}, {20, kInf}});
  for (const PassKernel kernel : Kernels()) {
    std::vector<double> buffer;
    const PassResult r = RunBracketPass(values, b, 100, buffer, kernel);
    EXPECT_TRUE(r.all_finite);
    EXPECT_FALSE(r.overflow);
    EXPECT_EQ(r.below[0], 4u);
    EXPECT_EQ(r.below[1], 9u);
    EXPECT_EQ(r.below[2], 19u);
    EXPECT_EQ(Inside(r, buffer), (std::vector<double>{21, 20, 10, 7, 6, 5}));
  }
}

// Seeded data with ties, signed zeros and values equal to the bounds, for
// 1 to 4 brackets and lengths around the vector width: both kernels equal a
// direct count.
TEST(BracketPassTest, KernelsEqualDirectCount) {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int> pick(-40, 40);
  for (const std::size_t n : {0, 1, 7, 8, 9, 63, 1000, 20001, 70000}) {
    std::vector<double> values(n);
    for (double& v : values) v = pick(rng) / 4.0;
    if (n > 2) values[1] = -0.0;
    const std::vector<PassBrackets> cases = {Make({{-kInf, -9}}), Make({{-1, 0}, {2, 2.5}}),
                                             Make({{-8, -7}, {0, 0}, {1, 3}}),
                                             Make({{-10, -9}, {-3, -1}, {0.25, 1}, {5, kInf}})};
    for (const PassBrackets& b : cases) {
      std::vector<double> expected_inside;
      std::array<std::size_t, kMaxPassBrackets> expected_below{};
      for (const double v : values) {
        bool in = false;
        for (std::size_t j = 0; j < b.count; ++j) {
          expected_below[j] += v < b.low[j];
          in |= v >= b.low[j] && v <= b.high[j];
        }
        if (in) expected_inside.push_back(v);
      }
      for (const PassKernel kernel : Kernels()) {
        std::vector<double> buffer;
        const PassResult r = RunBracketPass(values, b, n, buffer, kernel);
        ASSERT_TRUE(r.all_finite);
        ASSERT_FALSE(r.overflow);
        for (std::size_t j = 0; j < b.count; ++j) EXPECT_EQ(r.below[j], expected_below[j]) << n;
        EXPECT_EQ(Inside(r, buffer), expected_inside) << n << " " << b.count;
      }
    }
  }
}

// A NaN or an infinity anywhere (vector body or scalar tail) is reported;
// the largest finite double is not.
TEST(BracketPassTest, NonFiniteValuesAreReported) {
  const PassBrackets b = Make({{0, 1}});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const PassKernel kernel : Kernels()) {
    for (const double bad : {nan, kInf, -kInf}) {
      for (const std::size_t at : {0, 5, 8, 1000, 1002}) {
        std::vector<double> values(1003, 0.5);
        values[at] = bad;
        std::vector<double> buffer;
        EXPECT_FALSE(RunBracketPass(values, b, 2000, buffer, kernel).all_finite) << bad << at;
      }
    }
    std::vector<double> values(1003, std::numeric_limits<double>::max());
    values[3] = -std::numeric_limits<double>::max();
    std::vector<double> buffer;
    EXPECT_TRUE(RunBracketPass(values, b, 2000, buffer, kernel).all_finite);
  }
}

// More values inside than the capacity: overflow, never a write past the
// buffer (ASan checks that in the sanitizer build); exactly the capacity
// inside is not an overflow.
TEST(BracketPassTest, CapacityStopsThePass) {
  std::vector<double> values(100000, 1.0);
  const PassBrackets b = Make({{0.5, 1.5}});
  for (const PassKernel kernel : Kernels()) {
    std::vector<double> buffer;
    EXPECT_TRUE(RunBracketPass(values, b, 99999, buffer, kernel).overflow);
    EXPECT_TRUE(RunBracketPass(values, b, 10, buffer, kernel).overflow);
    const PassResult fits = RunBracketPass(values, b, 100000, buffer, kernel);
    EXPECT_FALSE(fits.overflow);
    EXPECT_EQ(fits.inside_count, 100000u);
  }
}

// No bracket at all: only the finiteness check.
TEST(BracketPassTest, NoBracketOnlyChecksFiniteness) {
  std::vector<double> values(50, 2.0);
  for (const PassKernel kernel : Kernels()) {
    std::vector<double> buffer;
    const PassResult r = RunBracketPass(values, PassBrackets{}, 0, buffer, kernel);
    EXPECT_TRUE(r.all_finite);
    EXPECT_EQ(r.inside_count, 0u);
  }
}

}  // namespace
}  // namespace benchgate
