// Google Benchmark's "benchmarks" rows (any version from 2016 to 1.9) as one
// SampleSet per run_name, in order of first appearance. The rules are in
// benchgate/io/run_reader.h.
#ifndef BENCHGATE_IO_GBENCH_ROWS_H_
#define BENCHGATE_IO_GBENCH_ROWS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "benchgate/model/sample_set.h"
#include "io/json_checks.h"

namespace benchgate {

// `rows` is the array at `pointer` ("/benchmarks").
std::vector<SampleSet> ReadGbenchRows(const JsonChecker& checker, const nlohmann::json& rows,
                                      const std::string& pointer);

// Nanoseconds per `unit`; an unknown unit is an error at `pointer` naming
// the benchmark.
double NanosecondsPer(const JsonChecker& checker, const std::string& unit,
                      const std::string& benchmark, const std::string& pointer);

}  // namespace benchgate

#endif  // BENCHGATE_IO_GBENCH_ROWS_H_
