#include "run/memory_counters.h"

#include <atomic>

namespace benchgate {
namespace {

// All counters share one cache line: a counted allocation touches several of
// them, and outside a window only `active` is read. Every access is relaxed:
// the counts are independent sums, and the threads whose allocations a window
// must see are started and joined by the window's owner (which orders them).
struct alignas(64) Counters {
  std::atomic<bool> active{false};
  // Tag of the open window; 0 is reserved for "not counted".
  std::atomic<std::uint32_t> window{0};
  std::atomic<std::int64_t> allocs{0};
  std::atomic<std::int64_t> bytes_allocated{0};
  std::atomic<std::int64_t> bytes_freed{0};
  // Kept next to the two sums so that each fetch_add yields one exact value
  // of the live total, and the peak is the maximum of those values.
  std::atomic<std::int64_t> live{0};
  std::atomic<std::int64_t> peak{0};
  std::atomic<std::uintptr_t> ignored_begin{0};
  std::atomic<std::uintptr_t> ignored_end{0};
};

// Constant-initialized: operator new may run before any dynamic initializer.
constinit Counters g_counters;

constexpr auto kRelaxed = std::memory_order_relaxed;

void RaisePeak(std::int64_t live) noexcept {
  std::int64_t peak = g_counters.peak.load(kRelaxed);
  while (live > peak && !g_counters.peak.compare_exchange_weak(peak, live, kRelaxed)) {
  }
}

}  // namespace

void StartCountingAllocations() noexcept {
  g_counters.active.store(false);
  g_counters.allocs.store(0, kRelaxed);
  g_counters.bytes_allocated.store(0, kRelaxed);
  g_counters.bytes_freed.store(0, kRelaxed);
  g_counters.live.store(0, kRelaxed);
  g_counters.peak.store(0, kRelaxed);
  std::uint32_t next = g_counters.window.load(kRelaxed) + 1;
  if (next == 0) next = 1;  // after 2^32 windows; 0 stays "not counted"
  g_counters.window.store(next, kRelaxed);
  g_counters.active.store(true);
}

AllocationCounts StopCountingAllocations() noexcept {
  g_counters.active.store(false);
  return CurrentAllocationCounts();
}

AllocationCounts CurrentAllocationCounts() noexcept {
  AllocationCounts counts;
  counts.allocs = g_counters.allocs.load(kRelaxed);
  counts.bytes_allocated = g_counters.bytes_allocated.load(kRelaxed);
  counts.bytes_freed = g_counters.bytes_freed.load(kRelaxed);
  counts.peak_bytes = g_counters.peak.load(kRelaxed);
  return counts;
}

void IgnoreAllocationsFromCode(std::uintptr_t begin, std::uintptr_t end) noexcept {
  g_counters.ignored_begin.store(begin, kRelaxed);
  g_counters.ignored_end.store(end, kRelaxed);
}

namespace memory_internal {

std::uint32_t RecordAllocation(std::size_t size, const void* caller) noexcept {
  if (!g_counters.active.load(kRelaxed)) return 0;
  const auto address = reinterpret_cast<std::uintptr_t>(caller);
  if (address >= g_counters.ignored_begin.load(kRelaxed) &&
      address < g_counters.ignored_end.load(kRelaxed)) {
    return 0;
  }
  const auto bytes = static_cast<std::int64_t>(size);
  g_counters.allocs.fetch_add(1, kRelaxed);
  g_counters.bytes_allocated.fetch_add(bytes, kRelaxed);
  RaisePeak(g_counters.live.fetch_add(bytes, kRelaxed) + bytes);
  return g_counters.window.load(kRelaxed);
}

void RecordFree(std::size_t size, std::uint32_t tag) noexcept {
  // A block from an earlier window (or from outside any) was never added, so
  // it is not subtracted either.
  if (tag == 0 || !g_counters.active.load(kRelaxed) || tag != g_counters.window.load(kRelaxed)) {
    return;
  }
  const auto bytes = static_cast<std::int64_t>(size);
  g_counters.bytes_freed.fetch_add(bytes, kRelaxed);
  g_counters.live.fetch_sub(bytes, kRelaxed);
}

}  // namespace memory_internal
}  // namespace benchgate
