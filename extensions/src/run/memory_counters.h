// The allocation counters behind benchgate::memory's replacement operator
// new/delete (memory.cc). Internal to run/: the MemoryManager and the tests
// read them; nothing else should.
//
// Counting happens in windows: StartCountingAllocations() opens one,
// StopCountingAllocations() closes it and returns what happened inside. Only
// blocks allocated inside the current window count, and only their frees are
// subtracted, so a window sees exactly the bytes its own code requested and
// released: a free of an older block neither hides a leak nor turns the
// growth negative. Outside a window the operators pay one relaxed load.
#ifndef BENCHGATE_RUN_MEMORY_COUNTERS_H_
#define BENCHGATE_RUN_MEMORY_COUNTERS_H_

#include <cstddef>
#include <cstdint>

namespace benchgate {

// What one counting window saw. Bytes are the sizes the program asked for,
// never the allocator's rounded-up block sizes.
struct AllocationCounts {
  std::int64_t allocs = 0;           // successful operator new calls
  std::int64_t bytes_allocated = 0;  // sum of their requested sizes
  std::int64_t bytes_freed = 0;      // requested sizes of the counted blocks freed
  std::int64_t peak_bytes = 0;       // most counted bytes alive at once
  // Counted bytes still alive: bytes_allocated - bytes_freed.
  std::int64_t live_bytes() const { return bytes_allocated - bytes_freed; }
};

// Opens a new window (closing any open one): counts restart from zero.
void StartCountingAllocations() noexcept;

// Closes the window and returns its counts. Without an open window it
// returns the counts of the last one.
AllocationCounts StopCountingAllocations() noexcept;

// The counts of the open (or last) window so far.
AllocationCounts CurrentAllocationCounts() noexcept;

// Allocations whose operator new call comes from code in [begin, end) are not
// counted (benchgate::memory uses it for Google Benchmark's own bookkeeping
// during its memory run). An empty range ignores nothing.
void IgnoreAllocationsFromCode(std::uintptr_t begin, std::uintptr_t end) noexcept;

// The shared C++ runtime library's code, [begin, end). While allocations
// from some code are ignored, an allocation made by standard library code
// (this range, or a std template instantiated elsewhere and exported) is
// traced up the stack to the code it was made for, and ignored when that
// code is: Google Benchmark 1.8 and later copy a benchmark's name into its
// State through std::string's out-of-line code.
void SetStandardLibraryCode(std::uintptr_t begin, std::uintptr_t end) noexcept;

namespace memory_internal {

// Called by the operators in memory.cc. RecordAllocation returns the tag to
// keep with the block (0: not counted); RecordFree takes it back.
std::uint32_t RecordAllocation(std::size_t size, const void* caller) noexcept;
void RecordFree(std::size_t size, std::uint32_t tag) noexcept;

}  // namespace memory_internal
}  // namespace benchgate

#endif  // BENCHGATE_RUN_MEMORY_COUNTERS_H_
