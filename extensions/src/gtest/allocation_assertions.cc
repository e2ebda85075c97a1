// benchgate/gtest.h: allocation assertions over benchgate::memory's counting
// windows (run/memory_counters.h). Messages are deterministic, so tests can
// check them exactly.
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>

#include "benchgate/gtest.h"
#include "run/memory_counters.h"

namespace benchgate::testing {
namespace {

// One allocation through the program's operator new, which the optimizer
// may not elide (a volatile pointer): counted only when benchgate::memory's
// operator new is the program's.
bool CountingWorks() {
  StartCountingAllocations();
  void* volatile block = ::operator new(1);
  ::operator delete(block);
  return StopCountingAllocations().allocs >= 1;
}

std::string Plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// n / calls, exactly when whole, else with two decimals.
std::string PerCall(std::int64_t n, std::int64_t calls) {
  if (n % calls == 0) return std::to_string(n / calls);
  const std::int64_t hundredths = (n * 100 + calls / 2) / calls;
  std::string text = std::to_string(hundredths / 100) + ".";
  const std::int64_t rest = hundredths % 100;
  return text + (rest < 10 ? "0" : "") + std::to_string(rest);
}

::testing::AssertionResult NotCounted(const std::string& check, const char* what) {
  return ::testing::AssertionFailure()
         << check << " of " << what
         << ": not counted: benchgate::memory's operator new is not the program's (link "
            "benchgate::memory into the test executable)";
}

}  // namespace

Measured MeasureAllocations(const std::function<void()>& callable, std::int64_t calls) {
  if (calls < 1) throw std::invalid_argument("MeasureAllocations: calls must be at least 1");
  Measured measured;
  measured.counting = CountingWorks();
  callable();  // the first call's set-up is not the steady state
  StartCountingAllocations();
  for (std::int64_t i = 0; i < calls; ++i) callable();
  const AllocationCounts counts = StopCountingAllocations();
  measured.stats.calls = calls;
  measured.stats.allocs = counts.allocs;
  measured.stats.bytes = counts.bytes_allocated;
  measured.stats.live_bytes = counts.live_bytes();
  measured.stats.peak_bytes = counts.peak_bytes;
  return measured;
}

::testing::AssertionResult AllocationsAtMost(const char* what, std::int64_t limit,
                                             const std::function<void()>& callable) {
  const Measured m = MeasureAllocations(callable);
  if (!m.counting) return NotCounted("allocations", what);
  if (m.stats.allocs <= limit) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "allocations of " << what << ": " << m.stats.allocs << " per call (limit " << limit
         << "; " << Plural(m.stats.bytes, "byte", "bytes") << ")";
}

::testing::AssertionResult AllocatedBytesAtMost(const char* what, std::int64_t limit,
                                                const std::function<void()>& callable) {
  const Measured m = MeasureAllocations(callable);
  if (!m.counting) return NotCounted("allocated bytes", what);
  if (m.stats.bytes <= limit) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "allocated bytes of " << what << ": " << m.stats.bytes << " per call (limit " << limit
         << "; " << Plural(m.stats.allocs, "allocation", "allocations") << ")";
}

::testing::AssertionResult NoNetGrowth(const char* what, std::int64_t calls,
                                       const std::function<void()>& callable) {
  if (calls < 1) {
    return ::testing::AssertionFailure()
           << "net growth of " << what << ": expected at least 1 call, got " << calls;
  }
  const Measured m = MeasureAllocations(callable, calls);
  if (!m.counting) return NotCounted("net growth", what);
  if (m.stats.live_bytes <= 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "net growth of " << what << ": " << Plural(m.stats.live_bytes, "byte", "bytes")
         << " still allocated after " << Plural(calls, "call", "calls") << ", "
         << PerCall(m.stats.live_bytes, calls) << " per call (limit 0; "
         << Plural(m.stats.allocs, "allocation", "allocations") << ")";
}

}  // namespace benchgate::testing
