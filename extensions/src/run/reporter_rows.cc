#include "run/reporter_rows.h"

#include <string>
#include <vector>

#include "run/gbench_api.h"
#include "run/latency_registry.h"
#include "run/memory_stats.h"

namespace benchgate {
namespace {

// GetAdjusted*Time() is per iteration in row.time_unit; the multiplier
// converts seconds to that unit, so ns = value * 1e9 / multiplier.
double NanosecondsPerRowUnit(const benchmark::BenchmarkReporter::Run& row) {
  return 1e9 / benchmark::GetTimeUnitMultiplier(row.time_unit);
}

}  // namespace

void AppendIterationRow(const benchmark::BenchmarkReporter::Run& row, SampleSet& set) {
  set.time_unit = benchmark::GetTimeUnitString(row.time_unit);
  set.threads = row.threads;
  set.label = row.report_label;
  const gbench::Outcome outcome = gbench::OutcomeOf(row);
  if (outcome != gbench::Outcome::kMeasured) {
    // An errored or skipped repetition makes the whole benchmark
    // unjudgeable: its other repetitions measured something that did not
    // complete as written.
    if (!set.errored) set.error_message = gbench::OutcomeMessage(row);
    set.errored = true;
    set.skipped = set.skipped || outcome == gbench::Outcome::kSkipped;
    return;
  }
  const double to_ns = NanosecondsPerRowUnit(row);
  set.real_time_ns.push_back(row.GetAdjustedRealTime() * to_ns);
  set.cpu_time_ns.push_back(row.GetAdjustedCPUTime() * to_ns);
  set.iterations.push_back(static_cast<double>(row.iterations));
  for (const auto& [name, counter] : row.counters) {
    set.counters[name].push_back(counter.value);
    SampleSet::CounterDisplay& display = set.counter_display[name];
    if ((counter.flags & benchmark::Counter::kIsRate) != 0) {
      display.unit = (counter.flags & benchmark::Counter::kInvert) != 0 ? "s" : "/s";
    }
    display.base_1024 = counter.oneK == benchmark::Counter::OneK::kIs1024;
  }
}

HiddenData TakeHiddenData(benchmark::BenchmarkReporter::Run& row) {
  HiddenData hidden;
  if (row.run_type == benchmark::BenchmarkReporter::Run::RT_Iteration) {
    hidden.latency = TakeLatencyHistogram(row);
    hidden.memory = MemorySummaryOf(row);
    gbench::ForgetInvalidMemoryResult(row);  // 1.7 and 1.8 leave it dangling
  } else {
    StripHiddenCounters(row);  // aggregates of the hidden id are meaningless
  }
  return hidden;
}

namespace {

// Google Benchmark's names of its curves (its JSON's "big_o" and console).
std::string CurveName(benchmark::BigO complexity) {
  switch (complexity) {
    case benchmark::o1:
      return "(1)";
    case benchmark::oN:
      return "N";
    case benchmark::oNSquared:
      return "N^2";
    case benchmark::oNCubed:
      return "N^3";
    case benchmark::oLogN:
      return "lgN";
    case benchmark::oNLogN:
      return "NlgN";
    case benchmark::oLambda:
      return "f(N)";
    default:
      return "";
  }
}

}  // namespace

bool IsComplexityRow(const benchmark::BenchmarkReporter::Run& row) {
  return row.report_big_o || row.report_rms;
}

std::optional<ComplexityRow> ComplexityOf(
    const std::vector<benchmark::BenchmarkReporter::Run>& rows) {
  std::optional<ComplexityRow> fit;
  for (const benchmark::BenchmarkReporter::Run& row : rows) {
    if (row.report_big_o) {
      fit.emplace();
      fit->name = row.run_name.str();
      // As for a time: the row's value in its unit, converted to ns.
      fit->coefficient_ns = row.GetAdjustedRealTime() * NanosecondsPerRowUnit(row);
      fit->curve = CurveName(row.complexity);
    } else if (row.report_rms && fit) {
      fit->rms = row.GetAdjustedRealTime();
      fit->has_rms = true;
    }
  }
  return fit;
}

void StripHiddenData(benchmark::BenchmarkReporter::Run& row) {
  StripHiddenCounters(row);
  gbench::ForgetInvalidMemoryResult(row);
}

}  // namespace benchgate
