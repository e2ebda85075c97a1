// The adapter between Google Benchmark's memory results and the model's
// MemorySummary: the only code that reads or writes the fields of
// benchmark::MemoryManager::Result, so that a Google Benchmark version which
// changes them (1.9.2 made Run::memory_result a value and added
// memory_iterations) changes this file alone.
#ifndef BENCHGATE_RUN_MEMORY_STATS_H_
#define BENCHGATE_RUN_MEMORY_STATS_H_

#include <benchmark/benchmark.h>

#include <optional>

#include "benchgate/model/sample_set.h"
#include "run/memory_counters.h"

namespace benchgate {

// The allocations of one benchmark, from the row Google Benchmark reports
// for its last repetition; std::nullopt for every other row, for aggregate
// and errored rows, and without a MemoryManager.
//
// Call it on each row a reporter's ReportRuns() receives: exactly one row
// per benchmark yields a value. Only the last repetition is read because
// Google Benchmark 1.7.1 keeps the results of its memory runs in a
// std::vector that reallocates as repetitions are added, so by the time
// reporters see the rows, Run::memory_result of every earlier repetition may
// point into freed memory (fixed upstream by google/benchmark#1941).
//
// Google Benchmark measures memory in one extra run of up to 16 iterations
// per repetition, on one thread. The values:
// - allocs_per_iter, bytes_per_iter: allocations and requested bytes of that
//   run divided by its iterations. 1.7.1 does not report the iteration count;
//   it is recovered as num_allocs / allocs_per_iter, which is exact (both
//   come from the same run), or as min(16, iterations per thread) when
//   nothing was allocated.
// - max_bytes_used: the most bytes allocated in that run alive at once.
// - net_heap_growth: bytes allocated in that run and not freed by its end
//   (for all its iterations together, as Google Benchmark reports it).
// A value the MemoryManager did not provide is 0.
std::optional<MemorySummary> MemorySummaryOf(const benchmark::BenchmarkReporter::Run& run);

// Sets row.memory_result to null on the rows where Google Benchmark 1.7.1
// may have left it dangling (every repetition but the last, see above), so
// that a reporter which forwards rows to Google Benchmark's own reporters
// does not make them read freed memory: its JSONReporter dereferences
// memory_result and prints garbage allocation counts (a heap-use-after-free
// under AddressSanitizer) for --benchmark_repetitions > 1. Call it after
// MemorySummaryOf, before forwarding.
void ForgetStaleMemoryResult(benchmark::BenchmarkReporter::Run& row);

// Writes one counting window into the Result Google Benchmark passed to
// MemoryManager::Stop (used by benchgate::memory's manager).
void FillMemoryResult(const AllocationCounts& counts, benchmark::MemoryManager::Result& result);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_MEMORY_STATS_H_
