// The reporter benchgate hands to Google Benchmark. It sees every row once
// and fans it out:
//   - into the model (one SampleSet per benchmark, iteration rows = samples),
//   - into an in-memory JSONReporter, whose text becomes the `context` and
//     `benchmarks` keys of the enriched JSON (so they are exactly what Google
//     Benchmark writes for the same rows),
//   - to an optional display sink and file sink (Google Benchmark reporters
//     chosen by --benchmark_format / --benchmark_out_format), applying the
//     *_aggregates_only rules benchgate took over from Google Benchmark.
// This file and gbench_rows.cc are the only readers of Google Benchmark's
// reporter types.
#ifndef BENCHGATE_RUN_COLLECTING_REPORTER_H_
#define BENCHGATE_RUN_COLLECTING_REPORTER_H_

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/latency_histogram.h"
#include "benchgate/model/sample_set.h"

namespace benchgate {

// A Google Benchmark reporter plus whether it gets aggregate rows only.
struct ReporterSink {
  benchmark::BenchmarkReporter* reporter = nullptr;
  bool aggregates_only = false;
};

class CollectingReporter : public benchmark::BenchmarkReporter {
 public:
  // on_benchmark: called when a benchmark's iteration rows arrive (all its
  // repetitions), with its samples and Google Benchmark's longest name; used
  // to print a row as soon as possible.
  CollectingReporter(ReporterSink display, ReporterSink file, bool json_aggregates_only,
                     std::function<void(const SampleSet&, std::size_t name_width)> on_benchmark);

  bool ReportContext(const Context& context) override;
  void ReportRuns(const std::vector<Run>& rows) override;
  void Finalize() override;

  // After the run: the collected samples and Google Benchmark's JSON text.
  const RunData& run() const { return run_; }
  std::string GbenchJsonText() const { return json_text_.str(); }
  std::size_t benchmark_count() const { return run_.benchmarks.size(); }
  // One line per name that more than one registration produced (e.g.
  // ->Threads(8) and ->ThreadRange(1, 32) both make ".../threads:8"): their
  // samples were merged into one benchmark, which the user should know.
  std::vector<std::string> DuplicateNameWarnings() const;

 private:
  // Buffers iteration rows for an aggregates-only sink until it is known
  // whether aggregate rows follow (Google Benchmark reports the iteration rows
  // when there are no aggregates, e.g. with one repetition).
  struct SinkState {
    ReporterSink sink;
    std::vector<Run> pending;
    std::deque<benchmark::MemoryManager::Result> memory;  // owned by `pending`
  };
  static void Forward(SinkState& state, const std::vector<Run>& rows);
  static void Flush(SinkState& state);
  void Collect(std::vector<Run>& rows);

  std::ostringstream json_text_;
  benchmark::JSONReporter json_;
  std::vector<SinkState> sinks_;
  std::function<void(const SampleSet&, std::size_t name_width)> on_benchmark_;
  RunData run_;
  std::size_t name_field_width_ = 0;
  std::map<std::string, std::size_t> index_by_name_;
  // (family, instance) of each benchmark: its place in registration order.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> order_by_name_;
  // Names reported by more than one (family, instance): how many there were.
  std::map<std::string, std::set<std::pair<std::int64_t, std::int64_t>>> duplicates_;
  std::map<std::string, LatencyHistogram> latency_by_name_;
};

}  // namespace benchgate

#endif  // BENCHGATE_RUN_COLLECTING_REPORTER_H_
