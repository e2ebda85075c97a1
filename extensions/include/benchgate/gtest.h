// Allocation assertions for GoogleTest: the deterministic checks a team can
// put in its ordinary unit tests, counted exactly by benchgate::memory's
// operator new (never sampled, never timed, so they never flake).
//
//   #include <benchgate/gtest.h>
//   TEST(Parser, HotPathDoesNotAllocate) {
//     Parser parser;
//     EXPECT_NO_ALLOCATIONS([&] { parser.Parse("{}"); });
//     EXPECT_ALLOCATIONS_AT_MOST(2, [&] { parser.Parse("[1, 2]"); });
//     EXPECT_ALLOCATED_BYTES_AT_MOST(4096, [&] { parser.Parse(big); });
//     EXPECT_NO_NET_GROWTH(1000, [&] { cache.Get(key); });
//   }
//
// Link benchgate::gtest and benchgate::memory (an OBJECT library: the test
// executable itself must link it for its operator new to be the program's).
//
// Each check calls the callable once unmeasured first: work done on a first
// call only (a lazily built static, a cache grown to size) is set-up, not the
// steady state a test wants to pin. The callable goes last (variadic), so a
// lambda with commas needs no extra parentheses. Allocations of every thread
// made while the callable runs are counted. ASSERT_ forms stop the test.
// C++17: public header.
#ifndef BENCHGATE_GTEST_H_
#define BENCHGATE_GTEST_H_

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>

namespace benchgate {
namespace testing {

// What `calls` calls of a callable allocated (after one unmeasured call).
struct AllocationStats {
  std::int64_t calls = 0;
  std::int64_t allocs = 0;      // operator new calls
  std::int64_t bytes = 0;       // bytes requested by them
  std::int64_t live_bytes = 0;  // of those, still allocated after the last call
  std::int64_t peak_bytes = 0;  // most of them alive at once
};

// Throws std::invalid_argument for calls < 1. When benchgate::memory's
// operator new is not the program's (not linked), `counting` is false.
struct Measured {
  AllocationStats stats;
  bool counting = true;
};
Measured MeasureAllocations(const std::function<void()>& callable, std::int64_t calls = 1);

// The predicates behind the macros; `what` is the callable's source text.
::testing::AssertionResult AllocationsAtMost(const char* what, std::int64_t limit,
                                             const std::function<void()>& callable);
::testing::AssertionResult AllocatedBytesAtMost(const char* what, std::int64_t limit,
                                                const std::function<void()>& callable);
::testing::AssertionResult NoNetGrowth(const char* what, std::int64_t calls,
                                       const std::function<void()>& callable);

// Timing checks, honest about noise: each is decided on a 99.8% interval
// (gate/timing_check.h) and has three outcomes. Pass; fail, when the whole
// interval is beyond the limit (a callable whose true value is exactly at the
// limit fails at most 1 time in 1,000: the seeded simulation in
// tests/gate_timing_check_test.cc); undecided, when the interval holds the
// limit, as on a noisy machine: recorded as the test property
// "benchgate_undecided" and printed, not a failure unless
// TimingOptions::undecided_fails (or BENCHGATE_UNDECIDED_FAILS=1).
struct TimingOptions {
  int samples = 30;               // median and ratio checks: timed batches
  int percentile_samples = 2000;  // percentile checks: single calls
  std::chrono::nanoseconds min_batch = std::chrono::microseconds(200);  // a batch lasts this
  double level = 0.998;
  bool undecided_fails = false;
  std::uint64_t seed = 1;  // the A/B order of each pair of batches
};
TimingOptions& DefaultTimingOptions();  // what the macros use

using Nanoseconds = std::chrono::duration<double, std::nano>;

::testing::AssertionResult MedianAtMost(const char* what, Nanoseconds limit,
                                        const std::function<void()>& callable);
// percent: e.g. 99 for p99; single calls are timed (the clock's cost, some
// 20 ns, included).
::testing::AssertionResult PercentileAtMost(const char* what, double percent, Nanoseconds limit,
                                            const std::function<void()>& callable);
// candidate at most (1 + max_slowdown) times reference per call, the two
// timed in interleaved batches (each pair in a seeded random order).
::testing::AssertionResult NoSlowerThan(const char* what, double max_slowdown,
                                        const std::function<void()>& reference,
                                        const std::function<void()>& candidate);

}  // namespace testing
}  // namespace benchgate

#define BENCHGATE_CHECK_(on_failure, predicate, number, ...) \
  GTEST_ASSERT_(::benchgate::testing::predicate(#__VA_ARGS__, (number), (__VA_ARGS__)), on_failure)

// At most `limit` operator new calls per call of the callable.
#define EXPECT_ALLOCATIONS_AT_MOST(limit, ...) \
  BENCHGATE_CHECK_(GTEST_NONFATAL_FAILURE_, AllocationsAtMost, limit, __VA_ARGS__)
#define ASSERT_ALLOCATIONS_AT_MOST(limit, ...) \
  BENCHGATE_CHECK_(GTEST_FATAL_FAILURE_, AllocationsAtMost, limit, __VA_ARGS__)
#define EXPECT_NO_ALLOCATIONS(...) EXPECT_ALLOCATIONS_AT_MOST(0, __VA_ARGS__)
#define ASSERT_NO_ALLOCATIONS(...) ASSERT_ALLOCATIONS_AT_MOST(0, __VA_ARGS__)

// At most `limit` bytes requested per call of the callable.
#define EXPECT_ALLOCATED_BYTES_AT_MOST(limit, ...) \
  BENCHGATE_CHECK_(GTEST_NONFATAL_FAILURE_, AllocatedBytesAtMost, limit, __VA_ARGS__)
#define ASSERT_ALLOCATED_BYTES_AT_MOST(limit, ...) \
  BENCHGATE_CHECK_(GTEST_FATAL_FAILURE_, AllocatedBytesAtMost, limit, __VA_ARGS__)

// After `calls` calls, nothing they allocated is still allocated.
#define EXPECT_NO_NET_GROWTH(calls, ...) \
  BENCHGATE_CHECK_(GTEST_NONFATAL_FAILURE_, NoNetGrowth, calls, __VA_ARGS__)
#define ASSERT_NO_NET_GROWTH(calls, ...) \
  BENCHGATE_CHECK_(GTEST_FATAL_FAILURE_, NoNetGrowth, calls, __VA_ARGS__)

// The median time per call is at most `limit` (any std::chrono duration).
#define EXPECT_MEDIAN_AT_MOST(limit, ...) \
  BENCHGATE_CHECK_(GTEST_NONFATAL_FAILURE_, MedianAtMost, limit, __VA_ARGS__)
#define ASSERT_MEDIAN_AT_MOST(limit, ...) \
  BENCHGATE_CHECK_(GTEST_FATAL_FAILURE_, MedianAtMost, limit, __VA_ARGS__)

// The `percent` percentile of single calls is at most `limit`.
#define EXPECT_PERCENTILE_AT_MOST(percent, limit, ...)                                         \
  GTEST_ASSERT_(                                                                               \
      ::benchgate::testing::PercentileAtMost(#__VA_ARGS__, (percent), (limit), (__VA_ARGS__)), \
      GTEST_NONFATAL_FAILURE_)

// `candidate` is at most max_slowdown (0.05: 5%) slower than `reference`.
#define EXPECT_NO_SLOWER_THAN(max_slowdown, reference, candidate)                             \
  GTEST_ASSERT_(::benchgate::testing::NoSlowerThan(#candidate " against " #reference,         \
                                                   (max_slowdown), (reference), (candidate)), \
                GTEST_NONFATAL_FAILURE_)

#endif  // BENCHGATE_GTEST_H_
