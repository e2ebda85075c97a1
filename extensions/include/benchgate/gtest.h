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

}  // namespace testing
}  // namespace benchgate

#define BENCHGATE_ALLOCATION_CHECK_(on_failure, predicate, number, ...) \
  GTEST_ASSERT_(::benchgate::testing::predicate(#__VA_ARGS__, (number), (__VA_ARGS__)), on_failure)

// At most `limit` operator new calls per call of the callable.
#define EXPECT_ALLOCATIONS_AT_MOST(limit, ...) \
  BENCHGATE_ALLOCATION_CHECK_(GTEST_NONFATAL_FAILURE_, AllocationsAtMost, limit, __VA_ARGS__)
#define ASSERT_ALLOCATIONS_AT_MOST(limit, ...) \
  BENCHGATE_ALLOCATION_CHECK_(GTEST_FATAL_FAILURE_, AllocationsAtMost, limit, __VA_ARGS__)
#define EXPECT_NO_ALLOCATIONS(...) EXPECT_ALLOCATIONS_AT_MOST(0, __VA_ARGS__)
#define ASSERT_NO_ALLOCATIONS(...) ASSERT_ALLOCATIONS_AT_MOST(0, __VA_ARGS__)

// At most `limit` bytes requested per call of the callable.
#define EXPECT_ALLOCATED_BYTES_AT_MOST(limit, ...) \
  BENCHGATE_ALLOCATION_CHECK_(GTEST_NONFATAL_FAILURE_, AllocatedBytesAtMost, limit, __VA_ARGS__)
#define ASSERT_ALLOCATED_BYTES_AT_MOST(limit, ...) \
  BENCHGATE_ALLOCATION_CHECK_(GTEST_FATAL_FAILURE_, AllocatedBytesAtMost, limit, __VA_ARGS__)

// After `calls` calls, nothing they allocated is still allocated.
#define EXPECT_NO_NET_GROWTH(calls, ...) \
  BENCHGATE_ALLOCATION_CHECK_(GTEST_NONFATAL_FAILURE_, NoNetGrowth, calls, __VA_ARGS__)
#define ASSERT_NO_NET_GROWTH(calls, ...) \
  BENCHGATE_ALLOCATION_CHECK_(GTEST_FATAL_FAILURE_, NoNetGrowth, calls, __VA_ARGS__)

#endif  // BENCHGATE_GTEST_H_
