#include "run/collecting_reporter.h"

#include <algorithm>
#include <utility>

#include "run/gbench_rows.h"

namespace benchgate {

CollectingReporter::CollectingReporter(
    ReporterSink display, ReporterSink file, bool json_aggregates_only,
    std::function<void(const SampleSet&, std::size_t name_width)> on_benchmark)
    : on_benchmark_(std::move(on_benchmark)) {
  json_.SetOutputStream(&json_text_);
  json_.SetErrorStream(&json_text_);
  sinks_.push_back(SinkState{ReporterSink{&json_, json_aggregates_only}, {}, {}});
  if (display.reporter != nullptr) sinks_.push_back(SinkState{display, {}, {}});
  if (file.reporter != nullptr) sinks_.push_back(SinkState{file, {}, {}});
}

bool CollectingReporter::ReportContext(const Context& context) {
  name_field_width_ = context.name_field_width;
  bool go_on = true;
  for (SinkState& state : sinks_) go_on = state.sink.reporter->ReportContext(context) && go_on;
  return go_on;
}

void CollectingReporter::ReportRuns(const std::vector<Run>& rows) {
  if (rows.empty()) return;
  std::vector<Run> cleaned = rows;
  Collect(cleaned);
  for (SinkState& state : sinks_) Forward(state, cleaned);
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
  for (SinkState& state : sinks_) {
    Flush(state);
    state.sink.reporter->Finalize();
  }
}

void CollectingReporter::Forward(SinkState& state, const std::vector<Run>& rows) {
  if (!state.sink.aggregates_only) {
    state.sink.reporter->ReportRuns(rows);
    return;
  }
  const bool aggregates = rows.front().run_type == Run::RT_Aggregate;
  if (aggregates) {
    state.pending.clear();  // aggregates exist: the iteration rows are not shown
    state.memory.clear();
    state.sink.reporter->ReportRuns(rows);
    return;
  }
  Flush(state);
  state.pending = rows;
  // Held rows may be flushed in Finalize(), after Google Benchmark 1.7.1 has
  // destroyed the runner that owns memory_result: keep a copy of our own.
  for (Run& row : state.pending) {
    if (row.memory_result == nullptr) continue;
    state.memory.push_back(*row.memory_result);
    row.memory_result = &state.memory.back();
  }
}

void CollectingReporter::Flush(SinkState& state) {
  if (state.pending.empty()) return;
  state.sink.reporter->ReportRuns(state.pending);
  state.pending.clear();
  state.memory.clear();
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

void CollectingReporter::Collect(std::vector<Run>& rows) {
  SampleSet* current = nullptr;
  for (Run& row : rows) {
    HiddenData hidden = TakeHiddenData(row);  // before any sink sees the row
    if (row.run_type != Run::RT_Iteration) continue;
    const std::string name = row.run_name.str();
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
}

}  // namespace benchgate
