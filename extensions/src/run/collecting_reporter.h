// The reporters benchgate hands to Google Benchmark.
//
// Google Benchmark gives its display reporter and its file reporter
// different views of a benchmark registered with ->DisplayAggregatesOnly():
// the display sees only the aggregates, the file every row. So benchgate is
// both: the CollectingReporter is Google Benchmark's *file* reporter (it
// sees every row once) and fans them out
//   - into the model (one SampleSet per benchmark, iteration rows = samples),
//   - into an in-memory JSONReporter, whose text becomes the `context` and
//     `benchmarks` keys of the enriched JSON (so they are exactly what Google
//     Benchmark writes for the same rows to a file),
//   - to an optional file sink (the reporter chosen by
//     --benchmark_out_format);
// and the DisplayView is its display reporter, forwarding the display's view
// to an optional display sink (the reporter chosen by --benchmark_format).
// Both apply the *_aggregates_only flags benchgate took over from Google
// Benchmark. A benchmark registered with ->ReportAggregatesOnly() reaches
// neither with its iteration rows: benchgate names it in a warning.
// This file and reporter_rows.cc are the only readers of Google Benchmark's
// reporter types; what differs between its versions they read through
// gbench_api.h.
#ifndef BENCHGATE_RUN_COLLECTING_REPORTER_H_
#define BENCHGATE_RUN_COLLECTING_REPORTER_H_

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/latency_histogram.h"
#include "model/sample_set.h"
#include "report/console_table.h"

namespace benchgate {

// A Google Benchmark reporter plus whether it gets aggregate rows only.
struct ReporterSink {
  benchmark::BenchmarkReporter* reporter = nullptr;
  bool aggregates_only = false;
};

// One sink fed the rows of one view. With aggregates_only it holds a
// benchmark's iteration rows until it is known whether aggregate rows follow
// (Google Benchmark reports the iteration rows when there are no aggregates,
// e.g. with one repetition).
class SinkForwarder {
 public:
  explicit SinkForwarder(ReporterSink sink) : sink_(sink) {}
  bool ReportContext(const benchmark::BenchmarkReporter::Context& context) {
    return sink_.reporter->ReportContext(context);
  }
  void ReportRuns(const std::vector<benchmark::BenchmarkReporter::Run>& rows);
  void Finalize();

 private:
  void Flush();
  void Report(const std::vector<benchmark::BenchmarkReporter::Run>& rows);
  ReporterSink sink_;
  std::vector<benchmark::BenchmarkReporter::Run> pending_;
  std::deque<benchmark::MemoryManager::Result> memory_;  // owned by `pending_`
};

// Google Benchmark's display reporter: its view goes to the display sink, if
// any (none when benchgate prints its own table).
class DisplayView : public benchmark::BenchmarkReporter {
 public:
  explicit DisplayView(ReporterSink display);
  bool ReportContext(const Context& context) override;
  void ReportRuns(const std::vector<Run>& rows) override;
  void Finalize() override;

 private:
  std::optional<SinkForwarder> sink_;
};

class CollectingReporter : public benchmark::BenchmarkReporter {
 public:
  // on_benchmark: called when a benchmark's iteration rows arrive (all its
  // repetitions), with its samples and Google Benchmark's longest name; used
  // to print a row as soon as possible.
  // on_complexity: called with a family's fitted complexity (->Complexity())
  // when its BigO and RMS rows arrive.
  CollectingReporter(ReporterSink file, bool json_aggregates_only,
                     std::function<void(const SampleSet&, std::size_t name_width)> on_benchmark,
                     std::function<void(const ComplexityRow&)> on_complexity = nullptr);

  bool ReportContext(const Context& context) override;
  void ReportRuns(const std::vector<Run>& rows) override;
  void Finalize() override;

  // Called after each batch of rows has been collected, with the name of
  // its first row (a counting process marks its boundary there).
  void SetAfterRows(std::function<void(const std::string& run_name)> after_rows) {
    after_rows_ = std::move(after_rows);
  }

  // After the run: the collected samples and Google Benchmark's JSON text.
  const RunData& run() const { return run_; }
  std::string GbenchJsonText() const { return json_text_.str(); }
  std::size_t benchmark_count() const { return run_.benchmarks.size(); }
  // One line per name that more than one registration produced (e.g.
  // ->Threads(8) and ->ThreadRange(1, 32) both make ".../threads:8"): their
  // samples were merged into one benchmark, which the user should know.
  std::vector<std::string> DuplicateNameWarnings() const;
  // One line per benchmark of which only aggregate rows arrived (registered
  // with ->ReportAggregatesOnly()): it has no samples and is not judged.
  std::vector<std::string> AggregatesOnlyWarnings() const;

 private:
  void Collect(std::vector<Run>& rows);

  std::ostringstream json_text_;
  benchmark::JSONReporter json_;
  std::vector<SinkForwarder> sinks_;
  std::function<void(const SampleSet&, std::size_t name_width)> on_benchmark_;
  std::function<void(const ComplexityRow&)> on_complexity_;
  std::function<void(const std::string&)> after_rows_;
  RunData run_;
  std::size_t name_field_width_ = 0;
  std::map<std::string, std::size_t> index_by_name_;
  // (family, instance) of each benchmark: its place in registration order.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> order_by_name_;
  // Names reported by more than one (family, instance): how many there were.
  std::map<std::string, std::set<std::pair<std::int64_t, std::int64_t>>> duplicates_;
  std::map<std::string, LatencyHistogram> latency_by_name_;
  // Run names of aggregate rows whose benchmark sent no iteration row.
  std::vector<std::string> aggregates_only_;
};

}  // namespace benchgate

#endif  // BENCHGATE_RUN_COLLECTING_REPORTER_H_
