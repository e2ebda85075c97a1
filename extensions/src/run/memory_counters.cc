#include "run/memory_counters.h"

#include <dlfcn.h>
#include <unwind.h>

#include <atomic>
#include <string_view>

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
  std::atomic<std::uintptr_t> runtime_begin{0};
  std::atomic<std::uintptr_t> runtime_end{0};
};

// Constant-initialized: operator new may run before any dynamic initializer.
constinit Counters g_counters;

constexpr auto kRelaxed = std::memory_order_relaxed;

void RaisePeak(std::int64_t live) noexcept {
  std::int64_t peak = g_counters.peak.load(kRelaxed);
  while (live > peak && !g_counters.peak.compare_exchange_weak(peak, live, kRelaxed)) {
  }
}

bool Ignored(std::uintptr_t address) noexcept {
  return address >= g_counters.ignored_begin.load(kRelaxed) &&
         address < g_counters.ignored_end.load(kRelaxed);
}

// Whether the code at `ip` is the standard library's: in the shared runtime
// library, or a template of namespace std (or __gnu_cxx) instantiated in
// another object and exported from it. A program exports the instantiations
// a shared library uses (std::string::_M_create, which Google Benchmark 1.8
// calls to copy a benchmark's name, in a C++20 program), and the dynamic
// linker binds that library's calls to them; the program's own functions
// are not exported, so dladdr names none.
bool StandardLibraryCode(std::uintptr_t ip) noexcept {
  if (ip >= g_counters.runtime_begin.load(kRelaxed) && ip < g_counters.runtime_end.load(kRelaxed)) {
    return true;
  }
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(ip), &info) == 0 || info.dli_sname == nullptr) return false;
  const std::string_view name(info.dli_sname);
  for (const std::string_view prefix : {"_ZNSt", "_ZNKSt", "_ZSt", "_ZNSa", "_ZNKSa", "_ZNSs",
                                        "_ZNKSs", "_ZN9__gnu_cxx", "_ZNK9__gnu_cxx"}) {
    if (name.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

// The return addresses above the allocating operators, from the caller's on.
struct Frames {
  static constexpr int kMax = 12;
  std::uintptr_t caller = 0;
  std::uintptr_t ips[kMax] = {};
  int count = 0;
  int seen = 0;
};

_Unwind_Reason_Code CollectFrame(_Unwind_Context* context, void* data) {
  auto& frames = *static_cast<Frames*>(data);
  const std::uintptr_t ip = _Unwind_GetIP(context);
  if (++frames.seen > 48) return _URC_END_OF_STACK;
  if (frames.count == 0 && ip != frames.caller) return _URC_NO_REASON;  // the operators' own
  frames.ips[frames.count++] = ip;
  return frames.count == Frames::kMax ? _URC_END_OF_STACK : _URC_NO_REASON;
}

// Call sites known to be the program's own code (not a standard library
// helper): most allocations of a memory run come from a few of them, which
// are then counted without unwinding. Direct-mapped; a race or a collision
// only costs another walk.
constexpr std::size_t kKnownSites = 256;
std::atomic<std::uintptr_t> g_program_sites[kKnownSites];

std::atomic<std::uintptr_t>& SiteSlot(std::uintptr_t ip) noexcept {
  return g_program_sites[(ip >> 4) % kKnownSites];
}

// Whether an allocation called from `caller` was made for ignored code (a
// std::string that Google Benchmark's runner copies): the frames above it
// are standard library code up to an ignored frame. Frames that are neither
// (not exported: the program's own code, or helpers such as an unoptimised
// std::allocator<char>::allocate) count as the library's when the first
// frame above them that is something is the library's; otherwise they are
// the code the allocation was made for (a benchmark called by the runner).
bool AllocatedForIgnoredCode(std::uintptr_t caller) noexcept {
  if (SiteSlot(caller).load(kRelaxed) == caller) return false;
  Frames frames;
  frames.caller = caller;
  _Unwind_Backtrace(&CollectFrame, &frames);
  bool through_library = false;
  for (int i = 0; i < frames.count;) {
    if (Ignored(frames.ips[i])) return through_library;
    if (StandardLibraryCode(frames.ips[i])) {
      through_library = true;
      ++i;
      continue;
    }
    int next = i + 1;  // past the frames that are neither
    while (next < frames.count && !Ignored(frames.ips[next]) &&
           !StandardLibraryCode(frames.ips[next])) {
      ++next;
    }
    if (next == frames.count || !StandardLibraryCode(frames.ips[next])) {
      // The caller alone, then not the library: a call site of the program's
      // own code (a helper the library calls from many places never is).
      if (i == 0 && next == 1) SiteSlot(caller).store(caller, kRelaxed);
      return false;
    }
    i = next;
  }
  return false;
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

void SetStandardLibraryCode(std::uintptr_t begin, std::uintptr_t end) noexcept {
  g_counters.runtime_begin.store(begin, kRelaxed);
  g_counters.runtime_end.store(end, kRelaxed);
}

namespace memory_internal {

std::uint32_t RecordAllocation(std::size_t size, const void* caller) noexcept {
  if (!g_counters.active.load(kRelaxed)) return 0;
  const auto address = reinterpret_cast<std::uintptr_t>(caller);
  if (Ignored(address)) return 0;
  // Only while something is ignored (a memory run's few iterations) is an
  // allocation of the standard library traced to whom it was made for.
  if (g_counters.ignored_begin.load(kRelaxed) != g_counters.ignored_end.load(kRelaxed) &&
      AllocatedForIgnoredCode(address)) {
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
