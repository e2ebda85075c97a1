// The "benchmarks" rows of a Google Benchmark JSON file (any version from 2016
// to 1.9) as one SampleSet per run_name, in registration order when every
// benchmark's rows carry family_index and per_family_instance_index (1.6
// on), else in order of first appearance. The rules are in io/run_reader.h.
#ifndef BENCHGATE_IO_GBENCH_JSON_ROWS_H_
#define BENCHGATE_IO_GBENCH_JSON_ROWS_H_

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "model/sample_set.h"
#include "io/json_checks.h"
#include "io/json_text.h"

namespace benchgate {

class RowReader;

// Takes the rows one at a time, so that a reader can hand them over as the
// parser closes each and never hold the whole array as a tree (a
// 50,000-benchmark file is a million rows).
class GbenchJsonRows {
 public:
  // `pointer` is the array's ("/benchmarks"), for error messages.
  GbenchJsonRows(const JsonChecker& checker, std::string pointer);
  ~GbenchJsonRows();
  GbenchJsonRows(const GbenchJsonRows&) = delete;
  GbenchJsonRows& operator=(const GbenchJsonRows&) = delete;

  // The row at `index` of the array, as a tree or as its members (what
  // StreamedArray hands over); a wrong row throws benchgate::Error.
  void Read(const nlohmann::json& row, std::size_t index);
  void Read(std::span<const JsonMember> row, std::size_t index);
  // Forgets every row read: they are about to be read again.
  void Restart();
  // The sets, in registration order when the rows say it (see above).
  std::vector<SampleSet> Finish();

 private:
  const JsonChecker& checker_;
  std::unique_ptr<RowReader> reader_;
  std::string pointer_;
};

// Nanoseconds per `unit`; an unknown unit is an error at `pointer` naming
// the benchmark.
double NanosecondsPer(const JsonChecker& checker, const std::string& unit,
                      const std::string& benchmark, const std::string& pointer);

}  // namespace benchgate

#endif  // BENCHGATE_IO_GBENCH_JSON_ROWS_H_
