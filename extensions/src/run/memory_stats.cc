#include "run/memory_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "run/gbench_api.h"

namespace benchgate {
namespace {

using Run = benchmark::BenchmarkReporter::Run;
using Result = benchmark::MemoryManager::Result;

// "Not measured" in Result. 1.7.1 declares MemoryManager::TombstoneValue in
// its header but keeps the definition hidden inside libbenchmark.so, so it
// cannot be named here; json_reporter.cc of 1.7.1 defines it as this value.
constexpr std::int64_t kTombstone = std::numeric_limits<std::int64_t>::max();

// Iterations of 1.7.1's memory run: min(16, iterations of the repetition)
// (benchmark_runner.cc, DoOneRepetition).
constexpr std::int64_t kMaxMemoryIterations = 16;

std::int64_t ValueOrZero(std::int64_t value) { return value == kTombstone ? 0 : value; }

std::int64_t MemoryIterations(const Run& run, const Result& result) {
  if (const std::optional<std::int64_t> recorded = gbench::MemoryIterations(result)) {
    return *recorded;
  }
  // allocs_per_iter = num_allocs / memory_iterations, computed by Google
  // Benchmark from the same run, so the division recovers the exact count.
  if (result.num_allocs > 0 && run.allocs_per_iter > 0) {
    return std::llround(static_cast<double>(result.num_allocs) / run.allocs_per_iter);
  }
  const std::int64_t per_thread = run.iterations / std::max<std::int64_t>(run.threads, 1);
  return std::min(kMaxMemoryIterations, per_thread);
}

std::string& Caveat() {
  static std::string caveat;
  return caveat;
}

}  // namespace

void SetMemoryCountCaveat(std::string caveat) { Caveat() = std::move(caveat); }

const std::string& MemoryCountCaveat() { return Caveat(); }

std::optional<MemorySummary> MemorySummaryOf(const Run& run) {
  const Result* memory = gbench::MemoryResultOf(run);
  if (run.run_type != Run::RT_Iteration ||
      gbench::OutcomeOf(run) != gbench::Outcome::kMeasured || memory == nullptr ||
      run.repetition_index != run.repetitions - 1) {
    return std::nullopt;
  }
  const Result& result = *memory;
  const std::int64_t iterations = MemoryIterations(run, result);
  MemorySummary summary;
  summary.allocs_per_iter = run.allocs_per_iter;
  if (iterations > 0) {
    summary.bytes_per_iter = static_cast<double>(ValueOrZero(result.total_allocated_bytes)) /
                             static_cast<double>(iterations);
  }
  summary.max_bytes_used = result.max_bytes_used;
  summary.net_heap_growth = ValueOrZero(result.net_heap_growth);
  return summary;
}

void FillMemoryResult(const AllocationCounts& counts, Result& result) {
  result.num_allocs = counts.allocs;
  result.max_bytes_used = counts.peak_bytes;
  result.total_allocated_bytes = counts.bytes_allocated;
  result.net_heap_growth = counts.live_bytes();
}

}  // namespace benchgate
