#include "benchgate/io/run_reader.h"

#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "benchgate/error.h"
#include "benchgate/io/files.h"
#include "io/json_text.h"

namespace benchgate {
namespace {

using nlohmann::json;

// Fields of a Google Benchmark row that are not user counters (1.5 .. 1.9).
const std::set<std::string>& GbenchFields() {
  static const std::set<std::string> fields = {
      "name", "family_index", "per_family_instance_index", "run_name", "run_type",
      "repetitions", "repetition_index", "threads", "iterations", "real_time", "cpu_time",
      "time_unit", "label", "aggregate_name", "aggregate_unit", "error_occurred",
      "error_message", "skipped", "skip_message", "big_o", "rms", "allocs_per_iter",
      "max_bytes_used", "total_allocated_bytes", "net_heap_growth", "memory_iterations",
      "complexity_n"};
  return fields;
}

std::string TypeName(const json& value) {
  if (value.is_null()) return "null (NaN or Infinity)";
  return value.type_name();
}

class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void Fail(const std::string& place, const std::string& expected) const {
    throw Error(source_, place, expected);
  }

  const json& Field(const json& object, const std::string& key, const std::string& at) const {
    const auto it = object.find(key);
    if (it == object.end()) Fail(at + "/" + key, "expected a field \"" + key + "\"");
    return *it;
  }

  std::string String(const json& value, const std::string& at) const {
    if (!value.is_string()) Fail(at, "expected a string, got " + TypeName(value));
    return value.get<std::string>();
  }

  double Time(const json& value, const std::string& at) const {
    if (!value.is_number()) Fail(at, "expected a non-negative number, got " + TypeName(value));
    const double time = value.get<double>();
    if (!std::isfinite(time) || time < 0) {
      Fail(at, "expected a non-negative number, got " + value.dump());
    }
    return time;
  }

  double UnitScale(const std::string& unit, const std::string& at) const {
    const double scale = NanosecondsPerUnit(unit);
    if (scale == 0) Fail(at, "expected a time unit ns, us, ms or s, got \"" + unit + "\"");
    return scale;
  }

  const std::string& source() const { return source_; }

 private:
  std::string source_;
};

struct RowGroup {
  SampleSet set;
  bool has_iterations = false;
  std::map<std::string, double> aggregate_real, aggregate_cpu;  // aggregate name -> ns
};

void ReadCounters(const json& row, SampleSet& set) {
  for (const auto& [key, value] : row.items()) {
    if (GbenchFields().count(key) != 0) continue;
    if (value.is_number()) {
      set.counters[key].push_back(value.get<double>());
    } else if (value.is_null()) {  // NaN or Infinity in Google Benchmark's output
      set.counters[key].push_back(std::numeric_limits<double>::quiet_NaN());
    }
  }
}

void ReadMemory(const json& row, SampleSet& set) {
  const auto allocs = row.find("allocs_per_iter");
  if (allocs == row.end() || !allocs->is_number()) return;
  MemorySummary memory;
  memory.allocs_per_iter = allocs->get<double>();
  if (const auto max = row.find("max_bytes_used"); max != row.end() && max->is_number()) {
    memory.max_bytes_used = max->get<std::int64_t>();
  }
  set.memory = memory;
}

void ReadRow(const Reader& reader, const json& row, const std::string& at,
             std::map<std::string, RowGroup>& groups, std::vector<std::string>& order) {
  if (!row.is_object()) reader.Fail(at, "expected an object, got " + TypeName(row));
  const std::string name = reader.String(reader.Field(row, "name", at), at + "/name");
  std::string run_name = name;
  if (const auto it = row.find("run_name"); it != row.end()) run_name = reader.String(*it, at + "/run_name");
  std::string run_type = row.contains("aggregate_name") ? "aggregate" : "iteration";
  if (const auto it = row.find("run_type"); it != row.end()) run_type = reader.String(*it, at + "/run_type");
  if (run_type != "iteration" && run_type != "aggregate") {
    reader.Fail(at + "/run_type", "expected \"iteration\" or \"aggregate\", got \"" + run_type + "\"");
  }
  if (row.contains("big_o") || row.contains("rms")) return;  // complexity rows

  auto [it, fresh] = groups.try_emplace(run_name);
  if (fresh) order.push_back(run_name);
  RowGroup& group = it->second;
  SampleSet& set = group.set;
  set.name = run_name;

  const bool errored = row.value("error_occurred", false) ||
                       (row.contains("skipped") && row["skipped"].is_string() &&
                        row["skipped"] != "NotSkipped");
  if (errored) {
    set.errored = true;
    set.error_message = row.value("error_message", row.value("skip_message", std::string()));
    return;
  }
  std::string unit = "ns";
  if (const auto u = row.find("time_unit"); u != row.end()) unit = reader.String(*u, at + "/time_unit");
  const double scale = reader.UnitScale(unit, at + "/time_unit");
  set.time_unit = unit;
  const double real = reader.Time(reader.Field(row, "real_time", at), at + "/real_time") * scale;
  const double cpu = reader.Time(reader.Field(row, "cpu_time", at), at + "/cpu_time") * scale;
  if (run_type == "aggregate") {
    const std::string aggregate = row.value("aggregate_name", std::string());
    group.aggregate_real[aggregate] = real;
    group.aggregate_cpu[aggregate] = cpu;
    return;
  }
  group.has_iterations = true;
  set.real_time_ns.push_back(real);
  set.cpu_time_ns.push_back(cpu);
  if (const auto n = row.find("iterations"); n != row.end() && n->is_number()) {
    set.iterations.push_back(n->get<double>());
  }
  if (const auto threads = row.find("threads"); threads != row.end() && threads->is_number()) {
    set.threads = threads->get<std::int64_t>();
  }
  if (const auto label = row.find("label"); label != row.end() && label->is_string()) {
    set.label = label->get<std::string>();
  }
  ReadCounters(row, set);
  ReadMemory(row, set);
}

// With --benchmark_report_aggregates_only there are no iteration rows:
// the median (else the mean) is all there is, and no test is possible.
void UseAggregateIfAlone(RowGroup& group) {
  if (group.has_iterations || group.set.errored) return;
  for (const char* aggregate : {"median", "mean"}) {
    const auto real = group.aggregate_real.find(aggregate);
    if (real == group.aggregate_real.end()) continue;
    group.set.real_time_ns = {real->second};
    group.set.cpu_time_ns = {group.aggregate_cpu[aggregate]};
    group.set.aggregates_only = true;
    return;
  }
}

std::vector<double> Times(const Reader& reader, const json& values, double scale,
                          const std::string& at) {
  if (!values.is_array()) reader.Fail(at, "expected an array of times, got " + TypeName(values));
  std::vector<double> times;
  for (std::size_t i = 0; i < values.size(); ++i) {
    times.push_back(reader.Time(values[i], at + "/" + std::to_string(i)) * scale);
  }
  return times;
}

void ReadLatency(const Reader& reader, const json& latency, const std::string& at, SampleSet& set) {
  if (!latency.is_object()) reader.Fail(at, "expected an object, got " + TypeName(latency));
  LatencySummary summary;
  summary.count = static_cast<std::uint64_t>(reader.Time(reader.Field(latency, "count", at), at + "/count"));
  summary.p50 = reader.Time(reader.Field(latency, "p50", at), at + "/p50");
  summary.p90 = reader.Time(reader.Field(latency, "p90", at), at + "/p90");
  summary.p99 = reader.Time(reader.Field(latency, "p99", at), at + "/p99");
  summary.p999 = reader.Time(reader.Field(latency, "p999", at), at + "/p999");
  summary.max = reader.Time(reader.Field(latency, "max", at), at + "/max");
  const json& histogram = reader.Field(latency, "histogram", at);
  if (!histogram.is_array()) reader.Fail(at + "/histogram", "expected an array of [lower_ns, count]");
  for (std::size_t i = 0; i < histogram.size(); ++i) {
    const std::string place = at + "/histogram/" + std::to_string(i);
    const json& bucket = histogram[i];
    if (!bucket.is_array() || bucket.size() != 2) reader.Fail(place, "expected [lower_ns, count]");
    summary.buckets.emplace_back(reader.Time(bucket[0], place + "/0"),
                                 static_cast<std::uint64_t>(reader.Time(bucket[1], place + "/1")));
  }
  set.latency = summary;
}

void ReadEnriched(const Reader& reader, const json& benchgate, RunData& run,
                  std::map<std::string, RowGroup>& groups, std::vector<std::string>& order) {
  const std::string at = "/benchgate";
  if (!benchgate.is_object()) reader.Fail(at, "expected an object, got " + TypeName(benchgate));
  const json& version = reader.Field(benchgate, "schema_version", at);
  if (version != 1) {
    reader.Fail(at + "/schema_version", "expected schema_version 1, got " + version.dump());
  }
  if (const auto env = benchgate.find("environment"); env != benchgate.end() && env->is_object()) {
    if (const auto key = env->find("key"); key != env->end() && key->is_string()) {
      run.environment_key = key->get<std::string>();
    }
  }
  const json& results = reader.Field(benchgate, "results", at);
  if (!results.is_array()) reader.Fail(at + "/results", "expected an array, got " + TypeName(results));
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string place = at + "/results/" + std::to_string(i);
    const json& result = results[i];
    if (!result.is_object()) reader.Fail(place, "expected an object, got " + TypeName(result));
    const std::string name = reader.String(reader.Field(result, "name", place), place + "/name");
    auto [it, fresh] = groups.try_emplace(name);
    if (fresh) order.push_back(name);
    SampleSet& set = it->second.set;
    set.name = name;
    if (const auto message = result.find("error_message"); message != result.end()) {
      set.errored = true;
      set.error_message = reader.String(*message, place + "/error_message");
      continue;
    }
    const std::string unit = reader.String(reader.Field(result, "time_unit", place), place + "/time_unit");
    const double scale = reader.UnitScale(unit, place + "/time_unit");
    set.time_unit = unit;
    const json& samples = reader.Field(result, "samples", place);
    set.real_time_ns = Times(reader, reader.Field(samples, "real_time", place + "/samples"), scale,
                             place + "/samples/real_time");
    set.cpu_time_ns = Times(reader, reader.Field(samples, "cpu_time", place + "/samples"), scale,
                            place + "/samples/cpu_time");
    set.aggregates_only = false;
    if (const auto latency = result.find("latency"); latency != result.end()) {
      ReadLatency(reader, *latency, place + "/latency", set);
    }
    if (const auto memory = result.find("memory"); memory != result.end() && memory->is_object()) {
      MemorySummary m;
      m.allocs_per_iter = memory->value("allocs_per_iter", 0.0);
      m.bytes_per_iter = memory->value("bytes_per_iter", 0.0);
      m.max_bytes_used = memory->value("max_bytes_used", std::int64_t{0});
      m.net_heap_growth = memory->value("net_heap_growth", std::int64_t{0});
      set.memory = m;
    }
  }
}

}  // namespace

RunData ReadRunText(const std::string& text, const std::string& source) {
  const Reader reader(source);
  const json doc = ParseJsonText(text, source);
  if (!doc.is_object()) reader.Fail("/", "expected a JSON object, got " + TypeName(doc));
  const json& benchmarks = reader.Field(doc, "benchmarks", "");
  if (!benchmarks.is_array()) {
    reader.Fail("/benchmarks", "expected an array, got " + TypeName(benchmarks));
  }
  RunData run;
  run.source = source;
  if (const auto context = doc.find("context"); context != doc.end() && context->is_object()) {
    if (const auto date = context->find("date"); date != context->end() && date->is_string()) {
      run.date = date->get<std::string>();
    }
  }
  std::map<std::string, RowGroup> groups;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < benchmarks.size(); ++i) {
    ReadRow(reader, benchmarks[i], "/benchmarks/" + std::to_string(i), groups, order);
  }
  for (auto& [name, group] : groups) UseAggregateIfAlone(group);
  if (const auto benchgate = doc.find("benchgate"); benchgate != doc.end()) {
    ReadEnriched(reader, *benchgate, run, groups, order);
  }
  for (const std::string& name : order) run.benchmarks.push_back(std::move(groups[name].set));
  return run;
}

RunData ReadRunFile(const std::string& path) { return ReadRunText(ReadWholeFile(path), path); }

}  // namespace benchgate
