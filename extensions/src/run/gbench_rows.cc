#include "run/gbench_rows.h"

#include <string>

#include "run/latency_registry.h"
#include "run/memory_stats.h"

namespace benchgate {

void AppendIterationRow(const benchmark::BenchmarkReporter::Run& row, SampleSet& set) {
  set.time_unit = benchmark::GetTimeUnitString(row.time_unit);
  set.threads = row.threads;
  set.label = row.report_label;
  if (row.error_occurred) {
    // An errored repetition makes the whole benchmark unjudgeable: its other
    // repetitions measured something that did not complete as written.
    set.errored = true;
    set.error_message = row.error_message;
    return;
  }
  // GetAdjusted*Time() is per iteration in row.time_unit; the multiplier
  // converts seconds to that unit, so ns = value * 1e9 / multiplier.
  const double to_ns = 1e9 / benchmark::GetTimeUnitMultiplier(row.time_unit);
  set.real_time_ns.push_back(row.GetAdjustedRealTime() * to_ns);
  set.cpu_time_ns.push_back(row.GetAdjustedCPUTime() * to_ns);
  set.iterations.push_back(static_cast<double>(row.iterations));
  for (const auto& [name, counter] : row.counters) {
    set.counters[name].push_back(counter.value);
  }
}

HiddenData TakeHiddenData(benchmark::BenchmarkReporter::Run& row) {
  HiddenData hidden;
  if (row.run_type == benchmark::BenchmarkReporter::Run::RT_Iteration) {
    hidden.latency = TakeLatencyHistogram(row);
    hidden.memory = MemorySummaryOf(row);
    ForgetStaleMemoryResult(row);  // 1.7.1 leaves it dangling on early repetitions
  } else {
    StripHiddenCounters(row);  // aggregates of the hidden id are meaningless
  }
  return hidden;
}

void StripHiddenData(benchmark::BenchmarkReporter::Run& row) {
  StripHiddenCounters(row);
  ForgetStaleMemoryResult(row);
}

}  // namespace benchgate
