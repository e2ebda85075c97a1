// benchgate::memory: the counting operators (every replaceable form), the
// counting windows, thread safety, and the MemoryManager seen through
// Google Benchmark's memory run and MemorySummaryOf().
//
// Every expected value is a hand calculation from the sizes the code asks
// for (sizeof(int) == 4 is asserted below), written next to the value.
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "run/memory_counters.h"
#include "run/memory_stats.h"

namespace benchgate {
namespace {

static_assert(sizeof(int) == 4, "the expected byte counts assume 4-byte ints");

// Makes an allocation observable, so the compiler cannot drop a new/delete
// pair. Not Google Benchmark's DoNotOptimize: under GCC 12 with
// -fsanitize=address,undefined -O1, the "+m,r" asm of 1.7.1 leaves the
// variable unwritten (a later delete then gets a null pointer).
inline void Escape(const void* pointer) { asm volatile("" : : "r"(pointer) : "memory"); }

bool IsAligned(const void* block, std::size_t alignment) {
  return reinterpret_cast<std::uintptr_t>(block) % alignment == 0;
}

// One replaceable operator new form and the delete form that frees it.
struct Form {
  const char* name;
  std::size_t size;
  std::size_t alignment;
  void* (*allocate)(std::size_t size);
  void (*free)(void* block, std::size_t size);
};

constexpr std::size_t kNewAlignment = __STDCPP_DEFAULT_NEW_ALIGNMENT__;
constexpr auto k8 = std::align_val_t{8};
constexpr auto k32 = std::align_val_t{32};
constexpr auto k64 = std::align_val_t{64};
constexpr auto k128 = std::align_val_t{128};
constexpr auto k256 = std::align_val_t{256};
constexpr auto k4096 = std::align_val_t{4096};

// All 8 operator new forms, and all 12 operator delete forms at least once.
const Form kForms[] = {
    {"new / delete", 24, kNewAlignment, [](std::size_t n) { return ::operator new(n); },
     [](void* p, std::size_t) { ::operator delete(p); }},
    {"new[] / delete[]", 40, kNewAlignment, [](std::size_t n) { return ::operator new[](n); },
     [](void* p, std::size_t) { ::operator delete[](p); }},
    {"new / sized delete", 33, kNewAlignment, [](std::size_t n) { return ::operator new(n); },
     [](void* p, std::size_t n) { ::operator delete(p, n); }},
    {"new[] / sized delete[]", 7, kNewAlignment, [](std::size_t n) { return ::operator new[](n); },
     [](void* p, std::size_t n) { ::operator delete[](p, n); }},
    {"aligned new / aligned delete", 100, 64, [](std::size_t n) { return ::operator new(n, k64); },
     [](void* p, std::size_t) { ::operator delete(p, k64); }},
    {"aligned new[] / aligned delete[]", 200, 64,
     [](std::size_t n) { return ::operator new[](n, k64); },
     [](void* p, std::size_t) { ::operator delete[](p, k64); }},
    {"aligned new / sized aligned delete", 64, 128,
     [](std::size_t n) { return ::operator new(n, k128); },
     [](void* p, std::size_t n) { ::operator delete(p, n, k128); }},
    {"aligned new[] / sized aligned delete[]", 1, 4096,
     [](std::size_t n) { return ::operator new[](n, k4096); },
     [](void* p, std::size_t n) { ::operator delete[](p, n, k4096); }},
    {"aligned new below the default alignment", 12, 8,
     [](std::size_t n) { return ::operator new(n, k8); },
     [](void* p, std::size_t n) { ::operator delete(p, n, k8); }},
    {"nothrow new / nothrow delete", 5, kNewAlignment,
     [](std::size_t n) { return ::operator new(n, std::nothrow); },
     [](void* p, std::size_t) { ::operator delete(p, std::nothrow); }},
    {"nothrow new[] / nothrow delete[] of 0 bytes", 0, kNewAlignment,
     [](std::size_t n) { return ::operator new[](n, std::nothrow); },
     [](void* p, std::size_t) { ::operator delete[](p, std::nothrow); }},
    {"nothrow aligned new / nothrow aligned delete", 3, 32,
     [](std::size_t n) { return ::operator new(n, k32, std::nothrow); },
     [](void* p, std::size_t) { ::operator delete(p, k32, std::nothrow); }},
    {"nothrow aligned new[] / nothrow aligned delete[]", 1000, 256,
     [](std::size_t n) { return ::operator new[](n, k256, std::nothrow); },
     [](void* p, std::size_t) { ::operator delete[](p, k256, std::nothrow); }},
};
constexpr std::size_t kFormCount = sizeof(kForms) / sizeof(kForms[0]);

TEST(MemoryCountersTest, AnEmptyWindowCountsNothing) {
  StartCountingAllocations();
  const AllocationCounts counts = StopCountingAllocations();
  EXPECT_EQ(counts.allocs, 0);
  EXPECT_EQ(counts.bytes_allocated, 0);
  EXPECT_EQ(counts.bytes_freed, 0);
  EXPECT_EQ(counts.peak_bytes, 0);
}

TEST(MemoryCountersTest, EveryFormCountsAndFreesTheRequestedBytes) {
  // Snapshots go into preallocated arrays: nothing but the forms allocates
  // inside the window.
  AllocationCounts after_new[kFormCount];
  AllocationCounts after_delete[kFormCount];
  bool aligned[kFormCount];
  StartCountingAllocations();
  for (std::size_t i = 0; i < kFormCount; ++i) {
    void* block = kForms[i].allocate(kForms[i].size);
    Escape(block);
    aligned[i] = block != nullptr && IsAligned(block, kForms[i].alignment);
    after_new[i] = CurrentAllocationCounts();
    kForms[i].free(block, kForms[i].size);
    after_delete[i] = CurrentAllocationCounts();
  }
  StopCountingAllocations();

  std::int64_t total = 0;
  for (std::size_t i = 0; i < kFormCount; ++i) {
    SCOPED_TRACE(kForms[i].name);
    const auto size = static_cast<std::int64_t>(kForms[i].size);
    total += size;
    EXPECT_TRUE(aligned[i]) << "alignment " << kForms[i].alignment;
    EXPECT_EQ(after_new[i].allocs, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(after_new[i].bytes_allocated, total);
    EXPECT_EQ(after_new[i].live_bytes(), size);
    EXPECT_EQ(after_delete[i].bytes_freed, total);
    EXPECT_EQ(after_delete[i].live_bytes(), 0);
  }
  // 24+40+33+7+100+200+64+1+12+5+0+3+1000 = 1489; one block alive at a time,
  // so the peak is the largest, 1000.
  EXPECT_EQ(total, 1489);
  EXPECT_EQ(after_delete[kFormCount - 1].peak_bytes, 1000);
}

struct alignas(64) Aligned64 {
  char bytes[64];
};

TEST(MemoryCountersTest, NewExpressionsRequestTheirTypeSizes) {
  StartCountingAllocations();
  int* ints = new int[10];                   // operator new[](40): no cookie for int
  auto* one = new Aligned64;                 // operator new(64, align_val_t{64})
  auto* three = new Aligned64[3];            // operator new[](192, align_val_t{64})
  int* nothrow = new (std::nothrow) int[4];  // operator new[](16, nothrow)
  Escape(ints);
  Escape(one);
  Escape(three);
  Escape(nothrow);
  const bool aligned = IsAligned(one, 64) && IsAligned(three, 64);
  delete[] nothrow;
  delete[] three;
  delete one;
  delete[] ints;
  const AllocationCounts counts = StopCountingAllocations();
  EXPECT_TRUE(aligned);
  EXPECT_EQ(counts.allocs, 4);
  EXPECT_EQ(counts.bytes_allocated, 40 + 64 + 192 + 16);
  EXPECT_EQ(counts.bytes_freed, 40 + 64 + 192 + 16);
  EXPECT_EQ(counts.peak_bytes, 40 + 64 + 192 + 16);
}

TEST(MemoryCountersTest, PeakIsTheMostBytesAliveAtOnce) {
  StartCountingAllocations();
  void* a = ::operator new(100);
  void* b = ::operator new(200);  // alive: 300, the peak
  ::operator delete(a);           // alive: 200
  void* c = ::operator new(50);   // alive: 250
  const AllocationCounts counts = StopCountingAllocations();
  ::operator delete(b);
  ::operator delete(c);
  EXPECT_EQ(counts.allocs, 3);
  EXPECT_EQ(counts.bytes_allocated, 350);
  EXPECT_EQ(counts.bytes_freed, 100);
  EXPECT_EQ(counts.live_bytes(), 250);
  EXPECT_EQ(counts.peak_bytes, 300);
}

TEST(MemoryCountersTest, OnlyBlocksOfTheOpenWindowAreSubtracted) {
  void* before = ::operator new(64);  // no window open
  StartCountingAllocations();
  void* first_window = ::operator new(32);
  StartCountingAllocations();  // a new window: the 32 bytes belong to the last one
  ::operator delete(before);
  ::operator delete(first_window);
  void* leaked = ::operator new(16);
  const AllocationCounts counts = StopCountingAllocations();
  ::operator delete(leaked);
  EXPECT_EQ(counts.allocs, 1);
  EXPECT_EQ(counts.bytes_allocated, 16);
  EXPECT_EQ(counts.bytes_freed, 0);
  EXPECT_EQ(counts.live_bytes(), 16);
}

TEST(MemoryCountersTest, NothingCountsOutsideAWindow) {
  StartCountingAllocations();
  void* counted = ::operator new(8);
  const AllocationCounts closed = StopCountingAllocations();
  void* uncounted = ::operator new(1000);
  ::operator delete(uncounted);
  ::operator delete(counted);
  const AllocationCounts later = CurrentAllocationCounts();
  EXPECT_EQ(later.allocs, closed.allocs);
  EXPECT_EQ(later.bytes_allocated, 8);
  EXPECT_EQ(later.bytes_freed, 0);
}

// A size no allocator can satisfy: the overflow check rejects it before
// malloc is asked, so it also holds under AddressSanitizer.
volatile std::size_t g_impossible_size = std::numeric_limits<std::size_t>::max() - 1;
int g_handler_calls = 0;

TEST(MemoryCountersTest, FailedAllocationsCallTheNewHandlerAndAreNotCounted) {
  g_handler_calls = 0;
  // [new.delete.single]: the throwing form calls the new_handler after each
  // failure until it is removed, then throws bad_alloc.
  std::set_new_handler([] {
    if (++g_handler_calls == 2) std::set_new_handler(nullptr);
  });
  StartCountingAllocations();
  EXPECT_THROW(static_cast<void>(::operator new(g_impossible_size)), std::bad_alloc);
  void* nothrow = ::operator new(g_impossible_size, std::nothrow);
  void* aligned = ::operator new[](g_impossible_size, k64, std::nothrow);
  const AllocationCounts counts = StopCountingAllocations();
  std::set_new_handler(nullptr);
  EXPECT_EQ(g_handler_calls, 2);
  EXPECT_EQ(nothrow, nullptr);
  EXPECT_EQ(aligned, nullptr);
  EXPECT_EQ(counts.allocs, 0);
  EXPECT_EQ(counts.bytes_allocated, 0);
}

TEST(MemoryCountersTest, CountsAreExactUnderContention) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 20000;
  std::atomic<bool> go{false};
  std::vector<void*> kept(kThreads, nullptr);
  // The threads exist before the window opens, so std::thread's own
  // allocations are outside it.
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&go, &kept, t] {
      while (!go.load()) std::this_thread::yield();
      for (int i = 0; i < kRounds; ++i) {
        // Sizes 1..16: each thread requests 20000 / 16 * (1+...+16) = 170000 bytes.
        void* block = ::operator new(static_cast<std::size_t>(i % 16 + 1));
        Escape(block);
        ::operator delete(block);
      }
      kept[t] = ::operator new(static_cast<std::size_t>(t + 1));  // 1+...+8 = 36 kept
    });
  }
  StartCountingAllocations();
  go.store(true);
  for (auto& thread : threads) thread.join();
  const AllocationCounts counts = StopCountingAllocations();
  for (void* block : kept) ::operator delete(block);

  EXPECT_EQ(counts.allocs, kThreads * (kRounds + 1));         // 160008
  EXPECT_EQ(counts.bytes_allocated, kThreads * 170000 + 36);  // 1360036
  EXPECT_EQ(counts.bytes_freed, kThreads * 170000);
  EXPECT_EQ(counts.live_bytes(), 36);
  // At most every thread's largest block plus all kept blocks alive at once.
  EXPECT_GE(counts.peak_bytes, 16);
  EXPECT_LE(counts.peak_bytes, kThreads * 16 + 36);
}

}  // namespace
}  // namespace benchgate
