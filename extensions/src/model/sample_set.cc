#include "model/sample_set.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace benchgate {

double NanosecondsPerUnit(const std::string& time_unit) noexcept {
  if (time_unit == "ns") return 1.0;
  if (time_unit == "us") return 1e3;
  if (time_unit == "ms") return 1e6;
  if (time_unit == "s") return 1e9;
  return 0.0;
}

const std::vector<double>& MetricValues(const SampleSet& set, const std::string& metric) {
  static const std::vector<double> kNone;
  if (metric == "real_time") return set.real_time_ns;
  if (metric == "cpu_time") return set.cpu_time_ns;
  if (metric == kInstructionsMetric && set.instructions) return set.instructions->per_iteration;
  const auto it = set.counters.find(metric);
  return it == set.counters.end() ? kNone : it->second;
}

const char* MeasureName(Measure measure) noexcept {
  return measure == Measure::kInstructions ? "instructions" : "time";
}

std::string DifferentMeasures(Measure expected, const std::string& because, Measure got) {
  return std::string("expected a run measured in ") + MeasureName(expected) + " (" + because +
         "), got one measured in " + MeasureName(got) +
         "; runs of different measures are never compared";
}

bool IsTimeMetric(const std::string& metric) {
  return metric == "real_time" || metric == "cpu_time";
}

bool HigherIsBetter(const std::string& metric) {
  const auto ends_with = [&](std::string_view suffix) {
    return metric.size() >= suffix.size() &&
           metric.compare(metric.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with("per_second") || ends_with("_rate");
}

namespace {

template <typename T>
void Append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

std::vector<std::uint32_t> RoundsOf(const SampleSet& set) {
  std::vector<std::uint32_t> rounds = set.rounds;
  rounds.resize(set.real_time_ns.size(), 0);
  return rounds;
}

std::size_t DistinctRounds(const SampleSet& set) {
  const std::vector<std::uint32_t> rounds = RoundsOf(set);
  return std::max<std::size_t>(std::set<std::uint32_t>(rounds.begin(), rounds.end()).size(), 1);
}

void AppendSamples(SampleSet& into, const SampleSet& more) {
  if (!into.rounds.empty() || !more.rounds.empty()) {
    std::vector<std::uint32_t> rounds = RoundsOf(into);
    Append(rounds, RoundsOf(more));
    into.rounds = std::move(rounds);
  }
  Append(into.real_time_ns, more.real_time_ns);
  Append(into.cpu_time_ns, more.cpu_time_ns);
  Append(into.iterations, more.iterations);
  for (const auto& [name, values] : more.counters) Append(into.counters[name], values);
  into.aggregates_only = into.aggregates_only || more.aggregates_only;
  if (!into.latency) into.latency = more.latency;
  if (!into.memory) into.memory = more.memory;
  if (!into.instructions) into.instructions = more.instructions;
}

std::string WarningKind(const std::string& warning) {
  return warning.substr(0, warning.find(": "));
}

bool HoldsWarningKind(const std::vector<std::string>& warnings, const std::string& warning) {
  const std::string kind = WarningKind(warning);
  return std::any_of(warnings.begin(), warnings.end(),
                     [&](const std::string& held) { return WarningKind(held) == kind; });
}

void AppendNewWarnings(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const std::string& warning : from) {
    if (!HoldsWarningKind(into, warning)) into.push_back(warning);
  }
}

void AppendSpeedProbe(std::optional<SpeedProbe>& into, const std::optional<SpeedProbe>& more) {
  if (!into || !more || into->kind != more->kind) {
    into.reset();
    return;
  }
  into->points_ns.insert(into->points_ns.end(), more->points_ns.begin(), more->points_ns.end());
}

RunData MergeRuns(const std::vector<RunData>& runs) {
  if (runs.size() == 1) return runs.front();
  RunData merged;
  std::map<std::string, std::size_t> index;  // name -> position in merged
  // Each file is its own process: its rounds follow the previous file's, so
  // that rounds stay blocks (a process slower as a whole can be set aside).
  std::uint32_t first_round = 0;
  for (const RunData& original : runs) {
    RunData run = original;
    std::uint32_t last_round = first_round;
    for (SampleSet& set : run.benchmarks) {
      set.rounds = RoundsOf(set);
      for (std::uint32_t& round : set.rounds) {
        round += first_round;
        last_round = std::max(last_round, round);
      }
      if (set.real_time_ns.empty()) set.rounds.clear();
    }
    first_round = last_round + 1;
    if (merged.source.empty()) {
      merged.source = run.source;
      merged.environment_key = run.environment_key;
      merged.environment = run.environment;
      merged.budgets = run.budgets;  // one binary's code: the first file's word
      merged.date = run.date;
      merged.measure = run.measure;  // never mixed: the readers refuse that
      merged.counting = run.counting;
    }
    if (&original == &runs.front()) {
      merged.speed_probe = run.speed_probe;
    } else {
      AppendSpeedProbe(merged.speed_probe, run.speed_probe);
    }
    AppendNewWarnings(merged.warnings, run.warnings);
    for (const SampleSet& set : run.benchmarks) {
      const auto [it, fresh] = index.emplace(set.name, merged.benchmarks.size());
      if (fresh) {
        merged.benchmarks.push_back(set);
        continue;
      }
      SampleSet& into = merged.benchmarks[it->second];
      if (set.errored) continue;
      if (into.errored) {
        into = set;  // measured here, errored elsewhere: the measurement wins
        continue;
      }
      AppendSamples(into, set);
    }
  }
  return merged;
}

}  // namespace benchgate
