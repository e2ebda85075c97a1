// benchgate/gtest.h: the allocation assertions pass and fail where they
// should, with messages checked exactly (the counts are deterministic:
// every allocation below is an explicit ::operator new of a known size).
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <new>
#include <vector>

#include "benchgate/gtest.h"

namespace {

using benchgate::testing::AllocatedBytesAtMost;
using benchgate::testing::AllocationsAtMost;
using benchgate::testing::MeasureAllocations;
using benchgate::testing::NoNetGrowth;

// Allocates `count` blocks of `size` bytes and frees them.
void AllocateAndFree(int count, std::size_t size) {
  for (int i = 0; i < count; ++i) {
    void* volatile block = ::operator new(size);
    ::operator delete(block);
  }
}

// Keeps one 8-byte block per call (freed by FreeKept): a leak.
void* kept[2048];
int kept_count = 0;
void KeepEightBytes() { kept[kept_count++] = ::operator new(8); }
void FreeKept() {
  for (int i = 0; i < kept_count; ++i) ::operator delete(kept[i]);
  kept_count = 0;
}

TEST(GtestAllocationTest, ArithmeticAllocatesNothing) {
  volatile int sum = 0;
  EXPECT_NO_ALLOCATIONS([&] {
    for (int i = 0; i < 100; ++i) sum = sum + i;
  });
  ASSERT_NO_ALLOCATIONS([&] { sum = sum * 2; });
}

TEST(GtestAllocationTest, MeasuresCountsBytesAndPeak) {
  const auto measured = MeasureAllocations([] { AllocateAndFree(3, 16); }, 2);
  ASSERT_TRUE(measured.counting);
  EXPECT_EQ(measured.stats.calls, 2);
  EXPECT_EQ(measured.stats.allocs, 6);
  EXPECT_EQ(measured.stats.bytes, 96);
  EXPECT_EQ(measured.stats.live_bytes, 0);
  EXPECT_EQ(measured.stats.peak_bytes, 16);
}

TEST(GtestAllocationTest, BreachesSayWhatWasMeasured) {
  EXPECT_EQ(AllocationsAtMost("f()", 2, [] { AllocateAndFree(3, 16); }).message(),
            std::string("allocations of f(): 3 per call (limit 2; 48 bytes)"));
  EXPECT_TRUE(AllocationsAtMost("f()", 3, [] { AllocateAndFree(3, 16); }));
  EXPECT_EQ(AllocatedBytesAtMost("g()", 4096, [] { AllocateAndFree(2, 4000); }).message(),
            std::string("allocated bytes of g(): 8000 per call (limit 4096; 2 allocations)"));
  EXPECT_TRUE(AllocatedBytesAtMost("g()", 8000, [] { AllocateAndFree(2, 4000); }));
}

TEST(GtestAllocationTest, NetGrowthCatchesALeakAndNotAChurn) {
  // The unmeasured first call leaks too, so 1,001 blocks are kept.
  EXPECT_EQ(NoNetGrowth("leak()", 1000, [] { KeepEightBytes(); }).message(),
            std::string("net growth of leak(): 8000 bytes still allocated after 1000 calls, 8 per "
                        "call (limit 0; 1000 allocations)"));
  EXPECT_EQ(kept_count, 1001);
  FreeKept();
  EXPECT_NO_NET_GROWTH(1000, [] { AllocateAndFree(2, 64); });
  EXPECT_FALSE(NoNetGrowth("leak()", 0, [] {}));
}

// The macro form fails the test with that message, the source text of the
// callable in it; a comma inside the lambda needs no parentheses.
TEST(GtestAllocationTest, MacrosFailWithTheMessage) {
  EXPECT_NONFATAL_FAILURE(EXPECT_NO_ALLOCATIONS([] { AllocateAndFree(1, 24); }),
                          "allocations of [] { AllocateAndFree(1, 24); }: 1 per call (limit 0; "
                          "24 bytes)");
  EXPECT_FATAL_FAILURE(ASSERT_ALLOCATIONS_AT_MOST(1, [] { AllocateAndFree(2, 8); }),
                       "allocations of [] { AllocateAndFree(2, 8); }: 2 per call (limit 1; 16 "
                       "bytes)");
  EXPECT_NONFATAL_FAILURE(EXPECT_ALLOCATED_BYTES_AT_MOST(10, [] { AllocateAndFree(1, 11); }),
                          "11 per call (limit 10; 1 allocation)");
}

// Work done on the first call only (a lazily built static) is set-up: the
// steady state allocates nothing.
TEST(GtestAllocationTest, FirstCallSetUpIsNotCounted) {
  EXPECT_NO_ALLOCATIONS([] {
    static const std::vector<int>* table = new std::vector<int>(100, 1);
    volatile int first = (*table)[0];
    (void)first;
  });
}

}  // namespace
