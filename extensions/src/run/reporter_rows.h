// The reporter's rows (Google Benchmark's BenchmarkReporter::Run, in process)
// -> the model's samples. What differs between Google Benchmark versions is
// read through run/gbench_api.h.
#ifndef BENCHGATE_RUN_REPORTER_ROWS_H_
#define BENCHGATE_RUN_REPORTER_ROWS_H_

#include <benchmark/benchmark.h>

#include <optional>
#include <vector>

#include "benchgate/latency_histogram.h"
#include "model/sample_set.h"
#include "report/console_table.h"

namespace benchgate {

// Appends one iteration row (one repetition) to `set`: time per iteration in
// ns, iterations, user counters, or the message of an errored or skipped
// row.
void AppendIterationRow(const benchmark::BenchmarkReporter::Run& row, SampleSet& set);

// benchgate's per-row data that travels inside Google Benchmark's rows.
struct HiddenData {
  std::optional<LatencyHistogram> latency;  // Sampled() benchmarks
  std::optional<MemorySummary> memory;      // with benchgate::memory linked
};

// Takes the hidden data out of `row`, removing the bookkeeping counters so
// that no output (console, Google Benchmark's JSON) ever shows them.
HiddenData TakeHiddenData(benchmark::BenchmarkReporter::Run& row);

// The fitted complexity in `rows` (Google Benchmark's BigO and RMS rows of a
// family), if they hold it.
std::optional<ComplexityRow> ComplexityOf(
    const std::vector<benchmark::BenchmarkReporter::Run>& rows);

// Whether `row` is a BigO or RMS row (an aggregate of a family, not of one
// benchmark's repetitions).
bool IsComplexityRow(const benchmark::BenchmarkReporter::Run& row);

// Removes the bookkeeping from a copy of a row that another reporter takes
// the hidden data from (Google Benchmark's display view of the same rows).
void StripHiddenData(benchmark::BenchmarkReporter::Run& row);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_REPORTER_ROWS_H_
