// The "benchgate" object of enriched JSON (schema 1, DESIGN.md): the
// environment key and, per benchmark, the samples, latency and memory that
// benchgate wrote next to Google Benchmark's rows.
#ifndef BENCHGATE_IO_ENRICHED_READER_H_
#define BENCHGATE_IO_ENRICHED_READER_H_

#include <nlohmann/json.hpp>

#include "model/sample_set.h"
#include "io/json_checks.h"

namespace benchgate {

// `benchgate` is the value at "/benchgate"; `run` already holds the sets
// read from the rows. Each result replaces the samples (times, iterations,
// error) of the set of the same name, or is appended; counters and labels
// stay those of the rows.
void ApplyEnrichedResults(const JsonChecker& checker, const nlohmann::json& benchgate,
                          RunData& run);

}  // namespace benchgate

#endif  // BENCHGATE_IO_ENRICHED_READER_H_
