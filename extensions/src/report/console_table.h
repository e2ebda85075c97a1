// The console output of a benchmark binary: one row per benchmark as soon as
// its repetitions finish (median with its CI, p90, p99, CV, iterations), then,
// with a baseline, the verdict table and the gate line. Renders only; every
// number comes from gate/analysis.
#ifndef BENCHGATE_REPORT_CONSOLE_TABLE_H_
#define BENCHGATE_REPORT_CONSOLE_TABLE_H_

#include <cstddef>
#include <ostream>
#include <string>

#include "gate/verdict.h"

namespace benchgate {

// The fitted complexity of a benchmark family (->Complexity()), as Google
// Benchmark reports it in its BigO and RMS rows: time ~ coefficient x curve.
struct ComplexityRow {
  std::string name;           // the family's run name, e.g. "BM_Sort/iterations:50"
  double coefficient_ns = 0;  // real time per unit of the curve
  std::string curve;          // "N", "N^2", "lgN", "NlgN", "f(N)"; "(1)" for constant
  double rms = 0;             // normalised root-mean-square error of the fit, a fraction
  bool has_rms = false;
};

class ConsoleTable {
 public:
  ConsoleTable(std::ostream& out, bool color) : out_(out), color_(color) {}

  // Width of the name column (Google Benchmark's longest name), before rows.
  void SetNameWidth(std::size_t width) { name_width_ = width; }

  void PrintMeasurement(const BenchmarkAnalysis& benchmark);
  // Instructions runs: how they were counted, then one row per benchmark
  // (instructions per iteration, deterministic or not); the gate table then
  // shows counts, not times.
  void PrintCountingSetup(const CountingSetup& setup);
  void PrintCount(const BenchmarkAnalysis& benchmark);
  // "<name>_BigO  1.46 ns x N ... RMS 3%", after the family's last row.
  void PrintComplexity(const ComplexityRow& row);
  void PrintGate(const SuiteAnalysis& suite);

 private:
  void PrintHeader();
  // The row's name, then, for a benchmark that errored or skipped itself,
  // what it said (true: the row is complete).
  bool PrintNameOrError(const SampleSet& samples);
  const char* Color(VerdictStatus status) const;
  const char* Reset() const;

  std::ostream& out_;
  bool color_;
  std::size_t name_width_ = 30;
  bool printed_header_ = false;
  bool counts_ = false;
};

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_CONSOLE_TABLE_H_
