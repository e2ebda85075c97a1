// The adapter between Google Benchmark's memory results and the model's
// MemorySummary: the only code that reads or writes the fields of
// benchmark::MemoryManager::Result, so that a Google Benchmark version which
// changes them changes this file and gbench_api.h alone.
#ifndef BENCHGATE_RUN_MEMORY_STATS_H_
#define BENCHGATE_RUN_MEMORY_STATS_H_

#include <benchmark/benchmark.h>

#include <optional>
#include <string>

#include "model/sample_set.h"
#include "run/memory_counters.h"

namespace benchgate {

// The allocations of one benchmark, from the row Google Benchmark reports
// for its last repetition; std::nullopt for every other row, for aggregate
// and errored or skipped rows, and without a MemoryManager.
//
// Call it on each row a reporter's ReportRuns() receives: exactly one row
// per benchmark yields a value. Only the last repetition is read, on every
// version, because 1.7 and 1.8 leave the memory result of every earlier one
// dangling (gbench_api.h).
//
// Google Benchmark measures memory in one extra run of up to 16 iterations
// per repetition, on one thread. The values:
// - allocs_per_iter, bytes_per_iter: allocations and requested bytes of that
//   run divided by its iterations. 1.9.2 records the iteration count; before,
//   it is recovered as num_allocs / allocs_per_iter, which is exact (both
//   come from the same run), or as min(16, iterations per thread) when
//   nothing was allocated.
// - max_bytes_used: the most bytes allocated in that run alive at once.
// - net_heap_growth: bytes allocated in that run and not freed by its end
//   (for all its iterations together, as Google Benchmark reports it).
// A value the MemoryManager did not provide is 0.
std::optional<MemorySummary> MemorySummaryOf(const benchmark::BenchmarkReporter::Run& run);

// What makes benchgate::memory's counts inexact, in words, or "" when they
// are exact. Its MemoryManager sets it when Google Benchmark is linked
// statically and some of its bookkeeping cannot be told apart
// (memory_manager.cc); the runner warns with it when a benchmark reported
// allocations. Set once, before the benchmarks' memory runs are reported.
void SetMemoryCountCaveat(std::string caveat);
const std::string& MemoryCountCaveat();

// Writes one counting window into the Result Google Benchmark passed to
// MemoryManager::Stop (used by benchgate::memory's manager).
void FillMemoryResult(const AllocationCounts& counts, benchmark::MemoryManager::Result& result);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_MEMORY_STATS_H_
