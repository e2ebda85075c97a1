// Threshold files: budgets kept next to the code in thresholds/*.json, JSON
// with // and /* */ comments (README and thresholds/README.md describe the
// format; thresholds/benchgate.thresholds.schema.json is its JSON Schema):
//
//   { "schema": "benchgate.thresholds/1",
//     "defaults": { "max_regression": "10%" },          // every benchmark
//     "budgets": [
//       { "pattern": "BM_Lookup/.*", "p99": "10us", "max_regression": "3%" },
//       { "pattern": "BM_Parse", "allocs_per_iter": 0, "bytes_per_iter": "1 KiB",
//         "counters": { "items_per_second": { "min": 1e6 } } } ] }
//
// Every mistake (an unknown key, a bad unit, a wrong type, an invalid regular
// expression, a duplicate key, a syntax error) is a benchgate::Error whose
// message is one line "file:line:column: expected ...".
#ifndef BENCHGATE_IO_THRESHOLDS_READER_H_
#define BENCHGATE_IO_THRESHOLDS_READER_H_

#include <string>
#include <vector>

#include "benchgate/budget_rule.h"

namespace benchgate {

inline constexpr const char kThresholdsSchema[] = "benchgate.thresholds/1";

// Reads one threshold file, or every *.json file directly inside a directory
// in name order (files named *.schema.json are skipped: the JSON Schema for
// editors lives there too). Rules come out in file order: "defaults" first
// (rank kRankFileDefaults, pattern ".*"), then "budgets" (rank kRankFile),
// each with origin "file:line:column" of its pattern (of "defaults").
std::vector<BudgetRule> ReadThresholds(const std::string& path);

// Parses the text of one threshold file; `source` names it in origins and
// errors.
std::vector<BudgetRule> ParseThresholds(const std::string& text, const std::string& source);

}  // namespace benchgate

#endif  // BENCHGATE_IO_THRESHOLDS_READER_H_
