#include "io/gbench_json_rows.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
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

// A row's members in document order; a repeated key counts by its last
// value, as in a parsed tree.
using Row = std::span<const JsonMember>;

const json* Find(Row row, std::string_view key) {
  for (auto it = row.rbegin(); it != row.rend(); ++it) {
    if (it->key == key) return &it->value;
  }
  return nullptr;
}

// Where a row is, spelled out only for an error message: building two
// pointer strings per member read was a tenth of a large file's read.
struct Place {
  const std::string& array;
  std::size_t index;

  std::string Row() const { return PointerTo(array, index); }
  std::string Of(const char* key) const { return PointerTo(Row(), key); }
};

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
  // Its place in registration order (family_index, per_family_instance_index
  // of its first row, Google Benchmark 1.6 on), when the rows say.
  std::optional<std::pair<std::int64_t, std::int64_t>> registered;
};

}  // namespace

class RowReader {
 public:
  explicit RowReader(const JsonChecker& checker) : checker_(checker) {}

  void Read(Row row, const Place& at);
  std::vector<SampleSet> Finish();

 private:
  // The checker's reads, with the common valid case decided before the
  // place of an error is built.
  std::string Text(const json& value, const Place& at, const char* key) const {
    if (value.is_string()) return value.get_ref<const std::string&>();
    return checker_.String(value, at.Of(key));
  }
  std::string NonEmptyText(const json& value, const Place& at, const char* key) const {
    if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
      return value.get_ref<const std::string&>();
    }
    return checker_.NonEmptyString(value, at.Of(key));
  }
  double NonNegative(const json& value, const Place& at, const char* key) const {
    if (value.is_number()) {
      const double number = value.get<double>();
      if (std::isfinite(number) && number >= 0) return number;
    }
    return checker_.NonNegative(value, at.Of(key));
  }
  std::uint64_t Count(const json& value, const Place& at, const char* key) const {
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    return checker_.Count(value, at.Of(key));
  }
  std::int64_t Integer(const json& value, const Place& at, const char* key) const {
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() <= std::numeric_limits<std::int64_t>::max()) {
      return value.get<std::int64_t>();
    }
    return checker_.Integer(value, at.Of(key));
  }

  Group& GroupFor(const std::string& run_name);
  std::string RunNameOf(Row row, const std::string& name, const std::string& aggregate,
                        const Place& at) const;
  // An errored or skipped row: its message, and whether it was a skip.
  struct Unmeasured {
    std::string message;
    bool skipped = false;
  };
  std::optional<Unmeasured> UnmeasuredOf(Row row, const Place& at) const;
  std::optional<Measurement> Measure(Row row, const std::string& run_name, const Place& at) const;
  void ReadIteration(Row row, const Place& at, Group& group) const;
  void ReadAggregate(Row row, const std::string& aggregate, const Place& at, Group& group) const;
  void ReadMemory(Row row, const Place& at, SampleSet& set) const;

  const JsonChecker& checker_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Group> groups_;
};

void RowReader::Read(Row row, const Place& at) {
  const json* name_member = Find(row, "name");
  if (name_member == nullptr) checker_.Fail(at.Row(), "expected a member \"name\"");
  const std::string name = NonEmptyText(*name_member, at, "name");
  const json* aggregate_member = Find(row, "aggregate_name");
  const std::string aggregate =
      aggregate_member ? Text(*aggregate_member, at, "aggregate_name") : "";
  // Files older than run_type (2016's compare.py inputs) mark aggregates by name only.
  std::string run_type = aggregate_member ? "aggregate" : "iteration";
  if (const json* type = Find(row, "run_type")) {
    run_type = Text(*type, at, "run_type");
    if (run_type != "iteration" && run_type != "aggregate") {
      checker_.Fail(at.Of("run_type"),
                    "expected \"iteration\" or \"aggregate\", got " + DescribeJson(*type));
    }
  }
  // A complexity fit (BigO, RMS) describes a whole family, not a repetition.
  if (aggregate == "BigO" || aggregate == "RMS" || Find(row, "big_o") || Find(row, "rms")) {
    return;
  }
  Group& group = GroupFor(RunNameOf(row, name, aggregate, at));
  const json* family = Find(row, "family_index");
  const json* instance = Find(row, "per_family_instance_index");
  if (!group.registered && family != nullptr && instance != nullptr) {
    group.registered = {Integer(*family, at, "family_index"),
                        Integer(*instance, at, "per_family_instance_index")};
  }
  if (const auto unmeasured = UnmeasuredOf(row, at)) {
    if (!group.set.errored) group.set.error_message = unmeasured->message;
    group.set.errored = true;
    group.set.skipped = group.set.skipped || unmeasured->skipped;
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

std::string RowReader::RunNameOf(Row row, const std::string& name, const std::string& aggregate,
                                 const Place& at) const {
  if (const json* run_name = Find(row, "run_name")) return NonEmptyText(*run_name, at, "run_name");
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
std::optional<RowReader::Unmeasured> RowReader::UnmeasuredOf(Row row, const Place& at) const {
  const auto flag = [&](const char* key) {
    const json* value = Find(row, key);
    if (value == nullptr) return false;
    return value->is_boolean() ? value->get<bool>() : checker_.Bool(*value, at.Of(key));
  };
  const auto message = [&](const char* key, const char* fallback) {
    const json* value = Find(row, key);
    const std::string text = value ? Text(*value, at, key) : "";
    return text.empty() ? fallback : text;
  };
  if (flag("error_occurred")) return Unmeasured{message("error_message", "error"), false};
  if (flag("skipped")) return Unmeasured{message("skip_message", "skipped"), true};
  return std::nullopt;
}

std::optional<Measurement> RowReader::Measure(Row row, const std::string& run_name,
                                              const Place& at) const {
  // compare.py's own test inputs hold rows without any time; Google
  // Benchmark itself writes both or (complexity rows) neither.
  const json* real = Find(row, "real_time");
  const json* cpu = Find(row, "cpu_time");
  if (real == nullptr && cpu == nullptr) return std::nullopt;
  Measurement measurement;
  measurement.time_unit = "ns";  // the only unit before time_unit existed
  if (const json* unit = Find(row, "time_unit")) {
    measurement.time_unit = Text(*unit, at, "time_unit");
  }
  double scale = NanosecondsPerUnit(measurement.time_unit);
  if (scale == 0) {  // an unknown unit: the error, with its place
    scale = NanosecondsPer(checker_, measurement.time_unit, run_name, at.Of("time_unit"));
  }
  if (real == nullptr) checker_.Fail(at.Row(), "expected a member \"real_time\"");
  measurement.real_ns = NonNegative(*real, at, "real_time") * scale;
  if (cpu == nullptr) checker_.Fail(at.Row(), "expected a member \"cpu_time\"");
  measurement.cpu_ns = NonNegative(*cpu, at, "cpu_time") * scale;
  for (const JsonMember& member : row) {
    if (member.value.is_number() && !IsGbenchMember(member.key)) {
      measurement.counters[member.key] = member.value.get<double>();
    }
  }
  return measurement;
}

void RowReader::ReadIteration(Row row, const Place& at, Group& group) const {
  group.has_iterations = true;
  SampleSet& set = group.set;
  const auto measurement = Measure(row, set.name, at);
  if (!measurement) return;
  set.time_unit = measurement->time_unit;
  set.real_time_ns.push_back(measurement->real_ns);
  set.cpu_time_ns.push_back(measurement->cpu_ns);
  for (const auto& [key, value] : measurement->counters) set.counters[key].push_back(value);
  if (const json* iterations = Find(row, "iterations")) {
    set.iterations.push_back(static_cast<double>(Count(*iterations, at, "iterations")));
  }
  if (const json* threads = Find(row, "threads")) {
    set.threads = Integer(*threads, at, "threads");
    if (set.threads < 1)
      checker_.Fail(at.Of("threads"), "expected a positive integer, got " + DescribeJson(*threads));
  }
  if (const json* label = Find(row, "label")) set.label = Text(*label, at, "label");
  ReadMemory(row, at, set);
}

void RowReader::ReadAggregate(Row row, const std::string& aggregate, const Place& at,
                              Group& group) const {
  group.has_aggregates = true;
  // stddev, cv and user statistics are not values of the metric itself.
  if (aggregate != "median" && aggregate != "mean") return;
  if (const json* unit = Find(row, "aggregate_unit")) {
    if (Text(*unit, at, "aggregate_unit") != "time") return;
  }
  if (auto measurement = Measure(row, group.set.name, at)) {
    group.aggregates[aggregate] = std::move(*measurement);
  }
  if (const json* label = Find(row, "label")) group.set.label = Text(*label, at, "label");
}

void RowReader::ReadMemory(Row row, const Place& at, SampleSet& set) const {
  const json* allocs = Find(row, "allocs_per_iter");
  if (allocs == nullptr) return;
  MemorySummary memory;
  memory.allocs_per_iter = NonNegative(*allocs, at, "allocs_per_iter");
  if (const json* max = Find(row, "max_bytes_used")) {
    memory.max_bytes_used = Integer(*max, at, "max_bytes_used");
  }
  if (const json* growth = Find(row, "net_heap_growth")) {
    memory.net_heap_growth = Integer(*growth, at, "net_heap_growth");
  }
  // bytes_per_iter stays 0: total_allocated_bytes covers the memory run,
  // whose iteration count the rows do not carry.
  set.memory = memory;
}

std::vector<SampleSet> RowReader::Finish() {
  // Interleaved repetitions (--benchmark_enable_random_interleaving, the
  // runner's default) write each benchmark's rows when it finished, a
  // different order every run: when every benchmark's rows say where it was
  // registered, the sets come in registration order, so that every report
  // lists them as the code does.
  if (std::all_of(groups_.begin(), groups_.end(),
                  [](const Group& group) { return group.registered.has_value(); })) {
    std::stable_sort(groups_.begin(), groups_.end(),
                     [](const Group& a, const Group& b) { return *a.registered < *b.registered; });
  }
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

GbenchJsonRows::GbenchJsonRows(const JsonChecker& checker, std::string pointer)
    : checker_(checker),
      reader_(std::make_unique<RowReader>(checker)),
      pointer_(std::move(pointer)) {}

GbenchJsonRows::~GbenchJsonRows() = default;

void GbenchJsonRows::Read(const json& row, std::size_t index) {
  checker_.Object(row, PointerTo(pointer_, index));
  std::vector<JsonMember> members;
  members.reserve(row.size());
  for (const auto& [key, value] : row.items()) members.push_back({key, value});
  reader_->Read(members, Place{pointer_, index});
}

void GbenchJsonRows::Read(std::span<const JsonMember> row, std::size_t index) {
  reader_->Read(row, Place{pointer_, index});
}

void GbenchJsonRows::Restart() { reader_ = std::make_unique<RowReader>(checker_); }

std::vector<SampleSet> GbenchJsonRows::Finish() { return reader_->Finish(); }

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
