#include "io/gbench_rows.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace benchgate {
namespace {

using nlohmann::json;

// Google Benchmark's own members of a row, 2016 to 1.9; every other numeric
// member is a user counter.
bool IsGbenchMember(const std::string& key) {
  static const std::unordered_set<std::string_view> kMembers = {"name",
                                                                "family_index",
                                                                "per_family_instance_index",
                                                                "run_name",
                                                                "run_type",
                                                                "repetitions",
                                                                "repetition_index",
                                                                "threads",
                                                                "iterations",
                                                                "real_time",
                                                                "cpu_time",
                                                                "time_unit",
                                                                "label",
                                                                "aggregate_name",
                                                                "aggregate_unit",
                                                                "error_occurred",
                                                                "error_message",
                                                                "skipped",
                                                                "skip_message",
                                                                "big_o",
                                                                "rms",
                                                                "cpu_coefficient",
                                                                "real_coefficient",
                                                                "complexity_n",
                                                                "allocs_per_iter",
                                                                "max_bytes_used",
                                                                "total_allocated_bytes",
                                                                "net_heap_growth",
                                                                "memory_iterations"};
  return kMembers.count(std::string_view(key)) != 0;
}

// The times of one row in ns, with the row's counters.
struct Measurement {
  std::string time_unit;
  double real_ns = 0;
  double cpu_ns = 0;
  std::map<std::string, double> counters;
};

struct Group {
  SampleSet set;
  bool has_iterations = false;
  bool has_aggregates = false;
  std::map<std::string, Measurement> aggregates;  // "median" and "mean" only
};

}  // namespace

class RowReader {
 public:
  explicit RowReader(const JsonChecker& checker) : checker_(checker) {}

  void Read(const json& row, const std::string& at);
  std::vector<SampleSet> Finish();

 private:
  Group& GroupFor(const std::string& run_name);
  std::string RunNameOf(const json& row, const std::string& name, const std::string& aggregate,
                        const std::string& at) const;
  std::optional<std::string> ErrorOf(const json& row, const std::string& at) const;
  std::optional<Measurement> Measure(const json& row, const std::string& run_name,
                                     const std::string& at) const;
  void ReadIteration(const json& row, const std::string& at, Group& group) const;
  void ReadAggregate(const json& row, const std::string& aggregate, const std::string& at,
                     Group& group) const;
  void ReadMemory(const json& row, const std::string& at, SampleSet& set) const;

  const JsonChecker& checker_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Group> groups_;
};

void RowReader::Read(const json& row, const std::string& at) {
  checker_.Object(row, at);
  const std::string name =
      checker_.NonEmptyString(checker_.Member(row, "name", at), PointerTo(at, "name"));
  const json* aggregate_member = FindMember(row, "aggregate_name");
  const std::string aggregate =
      aggregate_member ? checker_.String(*aggregate_member, PointerTo(at, "aggregate_name")) : "";
  // Files older than run_type (2016's compare.py inputs) mark aggregates by name only.
  std::string run_type = aggregate_member ? "aggregate" : "iteration";
  if (const json* type = FindMember(row, "run_type")) {
    run_type = checker_.String(*type, PointerTo(at, "run_type"));
    if (run_type != "iteration" && run_type != "aggregate") {
      checker_.Fail(PointerTo(at, "run_type"),
                    "expected \"iteration\" or \"aggregate\", got " + DescribeJson(*type));
    }
  }
  // A complexity fit (BigO, RMS) describes a whole family, not a repetition.
  if (aggregate == "BigO" || aggregate == "RMS" || FindMember(row, "big_o") ||
      FindMember(row, "rms")) {
    return;
  }
  Group& group = GroupFor(RunNameOf(row, name, aggregate, at));
  if (const auto error = ErrorOf(row, at)) {
    if (!group.set.errored) group.set.error_message = *error;
    group.set.errored = true;
    return;
  }
  if (run_type == "aggregate") {
    ReadAggregate(row, aggregate, at, group);
  } else {
    ReadIteration(row, at, group);
  }
}

Group& RowReader::GroupFor(const std::string& run_name) {
  const auto [it, fresh] = index_.try_emplace(run_name, groups_.size());
  if (fresh) {
    groups_.emplace_back();
    groups_.back().set.name = run_name;
  }
  return groups_[it->second];
}

std::string RowReader::RunNameOf(const json& row, const std::string& name,
                                 const std::string& aggregate, const std::string& at) const {
  if (const json* run_name = FindMember(row, "run_name")) {
    return checker_.NonEmptyString(*run_name, PointerTo(at, "run_name"));
  }
  // Before run_name (Google Benchmark < 1.5) an aggregate row was named
  // "<run name>_<aggregate>", e.g. "BM_Sort/64_median".
  const std::string suffix = "_" + aggregate;
  if (!aggregate.empty() && name.size() > suffix.size() &&
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

// 1.7 writes error_occurred + error_message for SkipWithError; 1.8 and later
// keep that and add skipped + skip_message for SkipWithMessage.
std::optional<std::string> RowReader::ErrorOf(const json& row, const std::string& at) const {
  const auto flag = [&](const std::string& key) {
    const json* value = FindMember(row, key);
    return value != nullptr && checker_.Bool(*value, PointerTo(at, key));
  };
  const auto message = [&](const std::string& key, const std::string& fallback) {
    const json* value = FindMember(row, key);
    const std::string text = value ? checker_.String(*value, PointerTo(at, key)) : "";
    return text.empty() ? fallback : text;
  };
  if (flag("error_occurred")) return message("error_message", "error");
  if (flag("skipped")) return message("skip_message", "skipped");
  return std::nullopt;
}

std::optional<Measurement> RowReader::Measure(const json& row, const std::string& run_name,
                                              const std::string& at) const {
  // compare.py's own test inputs hold rows without any time; Google
  // Benchmark itself writes both or (complexity rows) neither.
  if (!FindMember(row, "real_time") && !FindMember(row, "cpu_time")) return std::nullopt;
  Measurement measurement;
  measurement.time_unit = "ns";  // the only unit before time_unit existed
  if (const json* unit = FindMember(row, "time_unit")) {
    measurement.time_unit = checker_.String(*unit, PointerTo(at, "time_unit"));
  }
  const double scale =
      NanosecondsPer(checker_, measurement.time_unit, run_name, PointerTo(at, "time_unit"));
  measurement.real_ns =
      checker_.NonNegative(checker_.Member(row, "real_time", at), PointerTo(at, "real_time")) *
      scale;
  measurement.cpu_ns =
      checker_.NonNegative(checker_.Member(row, "cpu_time", at), PointerTo(at, "cpu_time")) * scale;
  for (const auto& [key, value] : row.items()) {
    if (!IsGbenchMember(key) && value.is_number()) measurement.counters[key] = value.get<double>();
  }
  return measurement;
}

void RowReader::ReadIteration(const json& row, const std::string& at, Group& group) const {
  group.has_iterations = true;
  SampleSet& set = group.set;
  const auto measurement = Measure(row, set.name, at);
  if (!measurement) return;
  set.time_unit = measurement->time_unit;
  set.real_time_ns.push_back(measurement->real_ns);
  set.cpu_time_ns.push_back(measurement->cpu_ns);
  for (const auto& [key, value] : measurement->counters) set.counters[key].push_back(value);
  if (const json* iterations = FindMember(row, "iterations")) {
    set.iterations.push_back(
        static_cast<double>(checker_.Count(*iterations, PointerTo(at, "iterations"))));
  }
  if (const json* threads = FindMember(row, "threads")) {
    const std::string place = PointerTo(at, "threads");
    set.threads = checker_.Integer(*threads, place);
    if (set.threads < 1)
      checker_.Fail(place, "expected a positive integer, got " + DescribeJson(*threads));
  }
  if (const json* label = FindMember(row, "label")) {
    set.label = checker_.String(*label, PointerTo(at, "label"));
  }
  ReadMemory(row, at, set);
}

void RowReader::ReadAggregate(const json& row, const std::string& aggregate, const std::string& at,
                              Group& group) const {
  group.has_aggregates = true;
  // stddev, cv and user statistics are not values of the metric itself.
  if (aggregate != "median" && aggregate != "mean") return;
  if (const json* unit = FindMember(row, "aggregate_unit")) {
    if (checker_.String(*unit, PointerTo(at, "aggregate_unit")) != "time") return;
  }
  if (auto measurement = Measure(row, group.set.name, at)) {
    group.aggregates[aggregate] = std::move(*measurement);
  }
  if (const json* label = FindMember(row, "label")) {
    group.set.label = checker_.String(*label, PointerTo(at, "label"));
  }
}

void RowReader::ReadMemory(const json& row, const std::string& at, SampleSet& set) const {
  const json* allocs = FindMember(row, "allocs_per_iter");
  if (allocs == nullptr) return;
  MemorySummary memory;
  memory.allocs_per_iter = checker_.NonNegative(*allocs, PointerTo(at, "allocs_per_iter"));
  if (const json* max = FindMember(row, "max_bytes_used")) {
    memory.max_bytes_used = checker_.Integer(*max, PointerTo(at, "max_bytes_used"));
  }
  if (const json* growth = FindMember(row, "net_heap_growth")) {
    memory.net_heap_growth = checker_.Integer(*growth, PointerTo(at, "net_heap_growth"));
  }
  // bytes_per_iter stays 0: total_allocated_bytes covers the memory run,
  // whose iteration count the rows do not carry.
  set.memory = memory;
}

std::vector<SampleSet> RowReader::Finish() {
  std::vector<SampleSet> sets;
  sets.reserve(groups_.size());
  for (Group& group : groups_) {
    SampleSet& set = group.set;
    if (set.errored) {
      // Other repetitions measured code that did not run to completion.
      set.real_time_ns.clear();
      set.cpu_time_ns.clear();
      set.iterations.clear();
      set.counters.clear();
      set.memory.reset();
    } else if (!group.has_iterations && group.has_aggregates) {
      set.aggregates_only = true;
      for (const char* which : {"median", "mean"}) {
        const auto it = group.aggregates.find(which);
        if (it == group.aggregates.end()) continue;
        set.time_unit = it->second.time_unit;
        set.real_time_ns = {it->second.real_ns};
        set.cpu_time_ns = {it->second.cpu_ns};
        for (const auto& [key, value] : it->second.counters) set.counters[key] = {value};
        break;
      }
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

GbenchRows::GbenchRows(const JsonChecker& checker, std::string pointer)
    : reader_(std::make_unique<RowReader>(checker)), pointer_(std::move(pointer)) {}

GbenchRows::~GbenchRows() = default;

void GbenchRows::Read(const json& row, std::size_t index) {
  reader_->Read(row, PointerTo(pointer_, index));
}

std::vector<SampleSet> GbenchRows::Finish() { return reader_->Finish(); }

double NanosecondsPer(const JsonChecker& checker, const std::string& unit,
                      const std::string& benchmark, const std::string& pointer) {
  const double scale = NanosecondsPerUnit(unit);
  if (scale == 0) {
    checker.Fail(pointer, "expected a time unit ns, us, ms or s for \"" + benchmark + "\", got " +
                              DescribeJson(json(unit)));
  }
  return scale;
}

}  // namespace benchgate
