// Reading a run from JSON: Google Benchmark's own output (any version from
// 2016's to 1.9's) or benchgate's enriched JSON (schema 1, DESIGN.md).
//
// Every problem is a benchgate::Error naming the file, the place and what
// was expected, as one line:
//   runs/base.json:3:14: expected ',' or '}' after an object member, got "b"
//   runs/base.json:/benchmarks/2/real_time: expected a non-negative number, got "abc"
// The place is line:column (1-based, columns in bytes) for syntax errors and
// a JSON pointer (RFC 6901) for content errors; a problem with the file as a
// whole (missing, a directory, empty, not an object) has no place.
//
// Plain Google Benchmark JSON ("benchmarks" rows):
// - Bare NaN, Infinity and -Infinity (Google Benchmark's non-finite doubles)
//   are read as such. Nesting deeper than kMaxJsonDepth is rejected.
// - Rows are grouped by run_name (by name before Google Benchmark 1.5, with
//   an aggregate's "_<aggregate_name>" suffix removed), in registration
//   order when every benchmark's rows carry family_index and
//   per_family_instance_index (Google Benchmark 1.6 on; interleaved runs
//   write rows in the order benchmarks finished), else in order of first
//   appearance. Each row with run_type "iteration" adds one sample: real_time
//   and cpu_time per iteration, converted to ns from time_unit (ns, us, ms,
//   s; "ns" when absent, as before time_unit existed), which must be finite
//   and >= 0; iterations, threads and label are taken from it too.
// - User counters are the numeric members that are not Google Benchmark's
//   own; one value per iteration row. Non-finite counter values are kept as
//   they are (NaN, +-inf), exactly as the live runner keeps them: a rate over
//   a zero time is Google Benchmark's to report, not bad input.
// - allocs_per_iter, max_bytes_used and net_heap_growth (MemoryManager
//   results) fill SampleSet::memory from the last iteration row having them;
//   bytes_per_iter stays 0, since the rows do not carry the memory run's
//   iteration count.
// - A row with error_occurred: true (SkipWithError) or skipped: true (1.8+,
//   SkipWithMessage) makes its benchmark errored, with the row's
//   error_message / skip_message (the first one seen), and no samples.
// - Aggregate rows are used only when a benchmark has no iteration row
//   (--benchmark_report_aggregates_only): the "median" (else "mean") row is
//   its single sample, its counters are the counters, and aggregates_only is
//   set. Other aggregates (stddev, cv, user statistics) are ignored, as are
//   complexity rows (BigO, RMS).
// - A row with neither real_time nor cpu_time (compare.py's own test inputs)
//   names its benchmark but adds no sample.
// - An empty "benchmarks" array is a valid run with no benchmarks.
//
// Enriched JSON: everything above, plus the "benchgate" object, whose
// schema_version must be 1. environment.key becomes RunData::environment_key.
// Each entry of "results" (optional) replaces the samples of the benchmark of
// the same name (or adds it):
//   { "name": "BM_Sort/1024", "time_unit": "us",
//     "samples": { "real_time": [...], "cpu_time": [...],    // in time_unit,
//                  "iterations": [...],                       // one per repetition
//                  "rounds": [0, 0, 1, ...] },                // optional: each one's round
//     "latency": { "unit": "ns", "count": 1000, "p50": .., "p90": .., "p99": ..,
//                  "p999": .., "max": ..,
//                  "histogram": [[lower_ns, count], ...] },   // non-empty buckets
//     "memory": { "allocs_per_iter": .., "bytes_per_iter": .., "max_bytes_used": ..,
//                 "net_heap_growth": .. } }
// or { "name": ..., "error_message": "..." } for an errored benchmark.
// real_time, cpu_time (and iterations and rounds when present) must have the
// same length; rounds are integers from 0 to 2^32 - 1 and become
// SampleSet::rounds (absent: every sample from round 0), so a re-judged file
// keeps its rounds as blocks. Latency and memory are optional but, when
// present, complete.
// Counters and labels stay those of the rows. Other members (stats, verdict,
// gate) are derived values and are not read.
//
// context.date, when present, becomes RunData::date.
#ifndef BENCHGATE_IO_RUN_READER_H_
#define BENCHGATE_IO_RUN_READER_H_

#include <string>

#include "model/sample_set.h"

namespace benchgate {

// Deeper nesting than this is rejected before parsing (a recursive walk
// would otherwise overflow the stack on hostile input).
inline constexpr int kMaxJsonDepth = 256;

// Throws benchgate::Error (see above); RunData::source is `path`.
RunData ReadRunFile(const std::string& path);

// The same from text; `source` names it in errors and in RunData::source.
RunData ReadRunText(const std::string& text, const std::string& source);

}  // namespace benchgate

#endif  // BENCHGATE_IO_RUN_READER_H_
