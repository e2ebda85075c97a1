#include "run/collecting_reporter.h"

#include <algorithm>
#include <utility>

#include "run/gbench_api.h"
#include "run/reporter_rows.h"

namespace benchgate {

void SinkForwarder::ReportRuns(const std::vector<benchmark::BenchmarkReporter::Run>& rows) {
  using Run = benchmark::BenchmarkReporter::Run;
  if (!sink_.aggregates_only) {
    Report(rows);
    return;
  }
  if (rows.front().run_type == Run::RT_Aggregate) {
    pending_.clear();  // aggregates exist: the iteration rows are not shown
    memory_.clear();
    Report(rows);
    return;
  }
  Flush();
  pending_ = rows;
  // Held rows may be flushed in Finalize(), after Google Benchmark has
  // destroyed the runner that owns their memory results.
  for (Run& row : pending_) gbench::KeepMemoryResult(row, memory_);
}

void SinkForwarder::Finalize() {
  Flush();
  sink_.reporter->Finalize();
}

void SinkForwarder::Flush() {
  if (pending_.empty()) return;
  Report(pending_);
  pending_.clear();
  memory_.clear();
}

void SinkForwarder::Report(const std::vector<benchmark::BenchmarkReporter::Run>& rows) {
  sink_.reporter->ReportRuns(rows);
  // Google Benchmark flushes its reporters' streams after every benchmark,
  // so what ran is on disk if a later one aborts (its CSV reporter aborts on
  // a counter missing from the header); it flushes benchgate's, not these.
  sink_.reporter->GetOutputStream().flush();
}

DisplayView::DisplayView(ReporterSink display) {
  if (display.reporter != nullptr) sink_.emplace(display);
}

bool DisplayView::ReportContext(const Context& context) {
  return !sink_ || sink_->ReportContext(context);
}

void DisplayView::ReportRuns(const std::vector<Run>& rows) {
  if (rows.empty() || !sink_) return;
  // The CollectingReporter takes the hidden data from the file view's rows;
  // the display's copies only lose the bookkeeping.
  std::vector<Run> cleaned = rows;
  for (Run& row : cleaned) StripHiddenData(row);
  sink_->ReportRuns(cleaned);
}

void DisplayView::Finalize() {
  if (sink_) sink_->Finalize();
}

CollectingReporter::CollectingReporter(
    ReporterSink file, bool json_aggregates_only,
    std::function<void(const SampleSet&, std::size_t name_width)> on_benchmark,
    std::function<void(const ComplexityRow&)> on_complexity)
    : on_benchmark_(std::move(on_benchmark)), on_complexity_(std::move(on_complexity)) {
  json_.SetOutputStream(&json_text_);
  json_.SetErrorStream(&json_text_);
  sinks_.reserve(2);  // never moved once rows are held
  sinks_.emplace_back(ReporterSink{&json_, json_aggregates_only});
  if (file.reporter != nullptr) sinks_.emplace_back(file);
}

bool CollectingReporter::ReportContext(const Context& context) {
  name_field_width_ = context.name_field_width;
  bool go_on = true;
  for (SinkForwarder& sink : sinks_) go_on = sink.ReportContext(context) && go_on;
  return go_on;
}

void CollectingReporter::ReportRuns(const std::vector<Run>& rows) {
  if (rows.empty()) return;
  std::vector<Run> cleaned = rows;
  Collect(cleaned);
  for (SinkForwarder& sink : sinks_) sink.ReportRuns(cleaned);
  if (after_rows_) after_rows_(rows.front().run_name.str());
}

void CollectingReporter::Finalize() {
  // Interleaved repetitions reach the reporter in the order each benchmark
  // finished, a different one every run; the samples and the enriched
  // results keep the order of registration, as without interleaving.
  std::stable_sort(run_.benchmarks.begin(), run_.benchmarks.end(),
                   [&](const SampleSet& a, const SampleSet& b) {
                     return order_by_name_[a.name] < order_by_name_[b.name];
                   });
  for (std::size_t i = 0; i < run_.benchmarks.size(); ++i) {
    index_by_name_[run_.benchmarks[i].name] = i;
  }
  for (SinkForwarder& sink : sinks_) sink.Finalize();
}

std::vector<std::string> CollectingReporter::DuplicateNameWarnings() const {
  std::vector<std::string> warnings;
  for (const SampleSet& set : run_.benchmarks) {  // in the order they ran
    const auto it = duplicates_.find(set.name);
    if (it == duplicates_.end()) continue;
    warnings.push_back(set.name + ": " + std::to_string(it->second.size()) +
                       " registrations make this name; their samples are merged and judged as "
                       "one benchmark (give them distinct names, e.g. with ->Name())");
  }
  return warnings;
}

std::vector<std::string> CollectingReporter::AggregatesOnlyWarnings() const {
  std::vector<std::string> warnings;
  for (const std::string& name : aggregates_only_) {
    warnings.push_back(name +
                       ": registered with ->ReportAggregatesOnly(), so Google Benchmark hands "
                       "out only its aggregates; benchgate has no samples and does not judge it "
                       "(remove it; --benchmark_report_aggregates_only keeps outputs as lean and "
                       "the samples)");
  }
  return warnings;
}

void CollectingReporter::Collect(std::vector<Run>& rows) {
  SampleSet* current = nullptr;
  for (Run& row : rows) {
    HiddenData hidden = TakeHiddenData(row);  // before any sink sees the row
    const std::string name = row.run_name.str();
    if (row.run_type != Run::RT_Iteration) {
      // A family's BigO and RMS rows are named after the family, never after
      // one benchmark: they say nothing of missing samples.
      if (!IsComplexityRow(row) && index_by_name_.count(name) == 0 &&
          std::find(aggregates_only_.begin(), aggregates_only_.end(), name) ==
              aggregates_only_.end()) {
        aggregates_only_.push_back(name);
      }
      continue;
    }
    auto [it, inserted] = index_by_name_.emplace(name, run_.benchmarks.size());
    const std::pair<std::int64_t, std::int64_t> instance{row.family_index,
                                                         row.per_family_instance_index};
    if (inserted) {
      run_.benchmarks.emplace_back();
      run_.benchmarks.back().name = name;
      order_by_name_[name] = instance;
    } else if (order_by_name_[name] != instance) {
      auto& instances = duplicates_[name];
      instances.insert(order_by_name_[name]);
      instances.insert(instance);
    }
    current = &run_.benchmarks[it->second];
    AppendIterationRow(row, *current);
    if (hidden.memory) current->memory = hidden.memory;
    if (hidden.latency) {
      // Repetitions (and threads, already merged) make one histogram.
      auto [entry, fresh] = latency_by_name_.try_emplace(name, *hidden.latency);
      if (!fresh) entry->second.Merge(*hidden.latency);
      current->latency = entry->second.Summarize();
    }
  }
  if (current != nullptr && on_benchmark_) on_benchmark_(*current, name_field_width_);
  if (on_complexity_) {
    if (const std::optional<ComplexityRow> fit = ComplexityOf(rows)) on_complexity_(*fit);
  }
}

}  // namespace benchgate
