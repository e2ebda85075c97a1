// The one adapter between benchgate and the Google Benchmark it is compiled
// against (1.7, 1.8 or 1.9). Google Benchmark has no version macro, so CMake
// finds what the headers provide (cmake/benchgateGbenchApi.cmake) and defines
// BENCHGATE_GBENCH_*; every other file of run/ calls these functions instead
// of naming a member that one of the versions lacks.
//
// What drifts:
// - 1.8 replaced Run::error_occurred/error_message by skipped/skip_message
//   and added State::SkipWithMessage: a benchmark may skip itself (reported,
//   never judged), which is not an error.
// - 1.9.2 made Run::memory_result a value (a pointer before, which 1.7 and
//   1.8 leave dangling on every repetition but the last) and records the
//   memory run's iterations in MemoryManager::Result::memory_iterations.
// - 1.8 made MemoryManager::Stop(Result&) the pure virtual (1.7's is
//   Stop(Result*)): see BENCHGATE_GBENCH_STOP_POINTER in memory_manager.cc.
// - 1.8's --benchmark_min_time takes a suffix ("0.5s", "100x"); 1.7's is a
//   plain number of seconds.
#ifndef BENCHGATE_RUN_GBENCH_API_H_
#define BENCHGATE_RUN_GBENCH_API_H_

#include <benchmark/benchmark.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>

namespace benchgate::gbench {

using Run = benchmark::BenchmarkReporter::Run;
using MemoryResult = benchmark::MemoryManager::Result;

// Whether --benchmark_min_time takes 1.8's suffixes.
#if defined(BENCHGATE_GBENCH_MIN_TIME_SUFFIX)
inline constexpr bool kMinTimeSuffixes = true;
#else
inline constexpr bool kMinTimeSuffixes = false;
#endif

// How a row ended: measured, skipped with an error (SkipWithError), or
// skipped on purpose (SkipWithMessage, 1.8 and later).
enum class Outcome { kMeasured, kError, kSkipped };

inline Outcome OutcomeOf(const Run& row) {
#if defined(BENCHGATE_GBENCH_SKIPPED)
  switch (row.skipped) {
    case benchmark::internal::SkippedWithError:
      return Outcome::kError;
    case benchmark::internal::SkippedWithMessage:
      return Outcome::kSkipped;
    default:
      return Outcome::kMeasured;
  }
#else
  return row.error_occurred ? Outcome::kError : Outcome::kMeasured;
#endif
}

// Whether a running benchmark has skipped itself, with an error or (1.8)
// on purpose: it reports no measurement.
inline bool Skipped(const benchmark::State& state) {
#if defined(BENCHGATE_GBENCH_SKIPPED)
  return state.skipped();
#else
  return state.error_occurred();
#endif
}

// The message of an errored or skipped row ("" for a measured one).
inline const std::string& OutcomeMessage(const Run& row) {
#if defined(BENCHGATE_GBENCH_SKIPPED)
  return row.skip_message;
#else
  return row.error_message;
#endif
}

// Whether a row's memory result stays valid while reporters run: always for
// a value (1.9.2), for 1.7 and 1.8 only on a benchmark's last repetition
// (their runner keeps the results in a std::vector that reallocates as
// repetitions are added; fixed upstream by google/benchmark#1941).
inline bool MemoryResultValid(const Run& row) {
#if defined(BENCHGATE_GBENCH_MEMORY_VALUE)
  static_cast<void>(row);
  return true;
#else
  return row.repetition_index == row.repetitions - 1;
#endif
}

// The row's memory result, or null when Google Benchmark measured none (no
// MemoryManager) or it may no longer be valid (MemoryResultValid).
inline const MemoryResult* MemoryResultOf(const Run& row) {
  if (!MemoryResultValid(row)) return nullptr;
#if defined(BENCHGATE_GBENCH_MEMORY_VALUE)
  return row.memory_result.memory_iterations > 0 ? &row.memory_result : nullptr;
#else
  return row.memory_result;
#endif
}

// Drops a memory result that may dangle, so that Google Benchmark's own
// reporters, which dereference it, never read freed memory (garbage
// allocation counts, a heap-use-after-free under AddressSanitizer).
inline void ForgetInvalidMemoryResult(Run& row) {
#if !defined(BENCHGATE_GBENCH_MEMORY_VALUE)
  if (!MemoryResultValid(row)) row.memory_result = nullptr;
#else
  static_cast<void>(row);
#endif
}

// Makes a row held past its ReportRuns() call independent of Google
// Benchmark's runner, which 1.7 and 1.8 destroy (with the memory results
// their rows point to) before the last Finalize(): the result is copied into
// `store`, which must outlive the row. A value (1.9.2) needs nothing.
inline void KeepMemoryResult(Run& row, std::deque<MemoryResult>& store) {
#if !defined(BENCHGATE_GBENCH_MEMORY_VALUE)
  if (row.memory_result == nullptr) return;
  store.push_back(*row.memory_result);
  row.memory_result = &store.back();
#else
  static_cast<void>(row);
  static_cast<void>(store);
#endif
}

// The iterations of the memory run when Google Benchmark records them
// (1.9.2); std::nullopt before, where memory_stats.cc recovers them.
inline std::optional<std::int64_t> MemoryIterations(const MemoryResult& result) {
#if defined(BENCHGATE_GBENCH_MEMORY_ITERS)
  return static_cast<std::int64_t>(result.memory_iterations);
#else
  static_cast<void>(result);
  return std::nullopt;
#endif
}

}  // namespace benchgate::gbench

#endif  // BENCHGATE_RUN_GBENCH_API_H_
