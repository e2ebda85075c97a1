// How the histogram of a Sampled() run reaches benchgate's reporter.
//
// Google Benchmark 1.7.1 gives a benchmark function no name and calls it
// several times per repetition (warm-up and trial invocations growing the
// iteration count, the reported invocation, then one more short invocation
// when a MemoryManager is set); repetitions of different benchmarks may be
// interleaved, and the rows reach the reporter only after the benchmark's
// last repetition. The one thing that travels from exactly the reported
// invocation to its row is that invocation's user counters. So:
//
//  1. Each invocation (its thread 0, after merging every thread's histogram)
//     stores the merged histogram here under a fresh id, compactly (only its
//     non-empty buckets), and publishes the id as the user counter
//     kLatencyIdCounter with Counter::kDefaults. Only thread 0 sets it, so
//     Google Benchmark's sum over threads and Finish() leave it unchanged
//     (ids stay below 2^53, exact in a double).
//  2. benchgate's reporter calls TakeLatencyHistogram(run) on every
//     per-repetition row: it removes the counter from run.counters (so it
//     never shows in any output), and moves the entry out of the registry.
//     On aggregate rows (mean/median/stddev/cv/BigO/RMS: the counter's value
//     there is a statistic of ids, possibly equal to a real id) it only
//     strips the counter, as does StripHiddenCounters().
//  3. Invocations that are never reported (trials, warm-ups, the memory
//     run, errored runs) leave their entry behind. Entries are small (a few
//     KiB), at most about a dozen per benchmark; the runner calls
//     DiscardLatencyHistograms() when nothing stored can still be reported:
//     after each reported benchmark when repetitions are not interleaved
//     (all of its rows have then been taken and no other benchmark has
//     pending rows), and after the run in any case.
//
// Thread-safe. Plain Google Benchmark reporters (benchmark_main) show the id
// counter as an extra column: Sampled() is meant to run under benchgate.
#ifndef BENCHGATE_RUN_LATENCY_REGISTRY_H_
#define BENCHGATE_RUN_LATENCY_REGISTRY_H_

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <optional>

#include "benchgate/latency_histogram.h"

namespace benchgate {

// The hidden user counter carrying the registry id.
inline constexpr char kLatencyIdCounter[] = "benchgate_latency_id";

// Stores a copy of `histogram`; returns its id (>= 1) for kLatencyIdCounter.
std::uint64_t StoreLatencyHistogram(const LatencyHistogram& histogram);

// The histogram of this per-repetition row, removed from the registry, or
// nullopt (no Sampled() loop, an errored or aggregate row, already taken).
// Always removes kLatencyIdCounter from run.counters.
std::optional<LatencyHistogram> TakeLatencyHistogram(benchmark::BenchmarkReporter::Run& run);

// Removes benchgate's hidden counters from a row without taking anything.
void StripHiddenCounters(benchmark::BenchmarkReporter::Run& run);

// Frees every stored histogram (see step 3 above).
void DiscardLatencyHistograms();

// How many histograms are stored (tests, diagnostics).
std::size_t StoredLatencyHistogramCount();

}  // namespace benchgate

#endif  // BENCHGATE_RUN_LATENCY_REGISTRY_H_
