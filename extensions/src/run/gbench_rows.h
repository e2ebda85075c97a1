// Google Benchmark's Run rows -> the model. The one adapter for the reporter
// API that drifts between versions (1.8 replaced error_occurred by skipped,
// 1.9.2 made memory_result a value): a new version changes this file only.
#ifndef BENCHGATE_RUN_GBENCH_ROWS_H_
#define BENCHGATE_RUN_GBENCH_ROWS_H_

#include <benchmark/benchmark.h>

#include "benchgate/model/sample_set.h"

namespace benchgate {

// Appends one iteration row (one repetition) to `set`: time per iteration in
// ns, iterations, user counters, or the error of an errored row.
void AppendIterationRow(const benchmark::BenchmarkReporter::Run& row, SampleSet& set);

// Moves benchgate's hidden per-run data out of `row` (the latency histogram
// of Sampled() benchmarks, allocation counts) into `set`; with set == nullptr
// it is only removed, so no output ever shows it.
void AbsorbHiddenData(benchmark::BenchmarkReporter::Run& row, SampleSet* set);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_GBENCH_ROWS_H_
