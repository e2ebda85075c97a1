#include "io/enriched_reader.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "benchgate/error.h"
#include "gate/budget_registry.h"
#include "io/enriched_writer.h"
#include "io/gbench_json_rows.h"
#include "model/environment.h"

namespace benchgate {
namespace {

using nlohmann::json;

std::vector<double> Times(const JsonChecker& checker, const json& values, double scale,
                          const std::string& at) {
  checker.Array(values, at);
  std::vector<double> times;
  times.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    times.push_back(checker.NonNegative(values[i], PointerTo(at, i)) * scale);
  }
  return times;
}

// SampleSet::rounds holds 32-bit round numbers.
constexpr double kRoundLimit = 4294967296.0;  // 2^32

bool IsRound(const json& value) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>() < (std::uint64_t{1} << 32);
  if (value.is_number_integer()) {
    return value.get<std::int64_t>() >= 0 && value.get<std::int64_t>() < (std::int64_t{1} << 32);
  }
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();  // NaN fails every comparison
  return number >= 0 && number < kRoundLimit && std::floor(number) == number;
}

// The round of each sample: the runner's extra rounds, blocks of the analysis.
std::vector<std::uint32_t> Rounds(const JsonChecker& checker, const json& values,
                                  const std::string& at) {
  checker.Array(values, at);
  std::vector<std::uint32_t> rounds;
  rounds.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!IsRound(values[i])) {
      checker.Fail(PointerTo(at, i), "expected a round, an integer from 0 to 4294967295, got " +
                                         DescribeJson(values[i]));
    }
    rounds.push_back(static_cast<std::uint32_t>(values[i].get<double>()));
  }
  return rounds;
}

LatencySummary ReadLatency(const JsonChecker& checker, const json& latency, const std::string& at) {
  checker.Object(latency, at);
  if (const json* unit = FindMember(latency, "unit")) {
    if (checker.String(*unit, PointerTo(at, "unit")) != "ns") {
      checker.Fail(PointerTo(at, "unit"), "expected \"ns\", got " + DescribeJson(*unit));
    }
  }
  const auto time = [&](const std::string& key) {
    return checker.NonNegative(checker.Member(latency, key, at), PointerTo(at, key));
  };
  LatencySummary summary;
  summary.count = checker.Count(checker.Member(latency, "count", at), PointerTo(at, "count"));
  summary.p50 = time("p50");
  summary.p90 = time("p90");
  summary.p99 = time("p99");
  summary.p999 = time("p999");
  summary.max = time("max");
  const std::string histogram_at = PointerTo(at, "histogram");
  const json& histogram = checker.Array(checker.Member(latency, "histogram", at), histogram_at);
  for (std::size_t i = 0; i < histogram.size(); ++i) {
    const std::string bucket_at = PointerTo(histogram_at, i);
    const json& bucket = histogram[i];
    if (!bucket.is_array() || bucket.size() != 2) {
      checker.Fail(bucket_at, "expected [lower_ns, count], got " + DescribeJson(bucket));
    }
    summary.buckets.emplace_back(checker.NonNegative(bucket[0], PointerTo(bucket_at, 0)),
                                 checker.Count(bucket[1], PointerTo(bucket_at, 1)));
  }
  return summary;
}

MemorySummary ReadMemory(const JsonChecker& checker, const json& memory, const std::string& at) {
  checker.Object(memory, at);
  const auto member = [&](const std::string& key) -> const json& {
    return checker.Member(memory, key, at);
  };
  MemorySummary summary;
  summary.allocs_per_iter =
      checker.NonNegative(member("allocs_per_iter"), PointerTo(at, "allocs_per_iter"));
  summary.bytes_per_iter =
      checker.NonNegative(member("bytes_per_iter"), PointerTo(at, "bytes_per_iter"));
  summary.max_bytes_used =
      checker.Integer(member("max_bytes_used"), PointerTo(at, "max_bytes_used"));
  summary.net_heap_growth =
      checker.Integer(member("net_heap_growth"), PointerTo(at, "net_heap_growth"));
  return summary;
}

// "instructions" of an instructions run (enriched_writer.h): both
// processes' counts, or why there are none.
InstructionCount ReadInstructions(const JsonChecker& checker, const json& value,
                                  const std::string& at) {
  checker.Object(value, at);
  InstructionCount count;
  if (const json* why = FindMember(value, "not_counted")) {
    count.not_counted = checker.NonEmptyString(*why, PointerTo(at, "not_counted"));
    return count;
  }
  const std::string counts_at = PointerTo(at, "counts");
  const json& counts = checker.Array(checker.Member(value, "counts", at), counts_at);
  if (counts.size() != 2) {
    checker.Fail(counts_at,
                 "expected the counts of 2 processes, got " + std::to_string(counts.size()));
  }
  for (std::size_t p = 0; p < 2; ++p) {
    const std::string process_at = PointerTo(counts_at, p);
    const json& process = checker.Array(counts[p], process_at);
    if (process.empty()) checker.Fail(process_at, "expected at least one count");
    for (std::size_t i = 0; i < process.size(); ++i) {
      count.per_iteration.push_back(checker.NonNegative(process[i], PointerTo(process_at, i)));
    }
    if (p == 0) count.first_process = count.per_iteration.size();
  }
  count.iterations = static_cast<std::int64_t>(
      checker.Count(checker.Member(value, "iterations", at), PointerTo(at, "iterations")));
  count.deterministic =
      checker.Bool(checker.Member(value, "deterministic", at), PointerTo(at, "deterministic"));
  return count;
}

// The samples of one result: all three series have one value per repetition.
void ReadSamples(const JsonChecker& checker, const json& result, const std::string& at,
                 SampleSet& set) {
  const std::string unit =
      checker.String(checker.Member(result, "time_unit", at), PointerTo(at, "time_unit"));
  const double scale = NanosecondsPer(checker, unit, set.name, PointerTo(at, "time_unit"));
  const std::string samples_at = PointerTo(at, "samples");
  const json& samples = checker.Object(checker.Member(result, "samples", at), samples_at);
  set.time_unit = unit;
  set.real_time_ns = Times(checker, checker.Member(samples, "real_time", samples_at), scale,
                           PointerTo(samples_at, "real_time"));
  set.cpu_time_ns = Times(checker, checker.Member(samples, "cpu_time", samples_at), scale,
                          PointerTo(samples_at, "cpu_time"));
  const auto check_size = [&](std::size_t size, const std::string& key) {
    if (size != set.real_time_ns.size()) {
      checker.Fail(PointerTo(samples_at, key),
                   "expected " + std::to_string(set.real_time_ns.size()) +
                       " values, one per real_time sample, got " + std::to_string(size));
    }
  };
  check_size(set.cpu_time_ns.size(), "cpu_time");
  set.iterations.clear();
  if (const json* iterations = FindMember(samples, "iterations")) {
    const std::string iterations_at = PointerTo(samples_at, "iterations");
    checker.Array(*iterations, iterations_at);
    for (std::size_t i = 0; i < iterations->size(); ++i) {
      set.iterations.push_back(
          static_cast<double>(checker.Count((*iterations)[i], PointerTo(iterations_at, i))));
    }
    check_size(set.iterations.size(), "iterations");
  }
  set.rounds.clear();
  if (const json* rounds = FindMember(samples, "rounds")) {
    set.rounds = Rounds(checker, *rounds, PointerTo(samples_at, "rounds"));
    check_size(set.rounds.size(), "rounds");
  }
}

void ReadResult(const JsonChecker& checker, const json& result, const std::string& at,
                SampleSet& set) {
  set.aggregates_only = false;
  const json* error = FindMember(result, "error_message");
  const json* skip = error != nullptr ? nullptr : FindMember(result, "skip_message");
  if (error != nullptr || skip != nullptr) {
    const char* key = error != nullptr ? "error_message" : "skip_message";
    set.errored = true;
    set.skipped = skip != nullptr;
    set.error_message = checker.String(error != nullptr ? *error : *skip, PointerTo(at, key));
    set.real_time_ns.clear();
    set.cpu_time_ns.clear();
    set.iterations.clear();
    set.rounds.clear();
    set.counters.clear();
    return;
  }
  set.errored = false;
  set.skipped = false;
  set.error_message.clear();
  ReadSamples(checker, result, at, set);
  if (const json* latency = FindMember(result, "latency")) {
    set.latency = ReadLatency(checker, *latency, PointerTo(at, "latency"));
  }
  if (const json* memory = FindMember(result, "memory")) {
    set.memory = ReadMemory(checker, *memory, PointerTo(at, "memory"));
  }
  if (const json* instructions = FindMember(result, "instructions")) {
    set.instructions = ReadInstructions(checker, *instructions, PointerTo(at, "instructions"));
  }
}

// "measure" and "counting" of an instructions run; absent: a time run.
void ReadMeasure(const JsonChecker& checker, const json& benchgate, RunData& run) {
  const json* measure = FindMember(benchgate, "measure");
  if (measure == nullptr) return;
  const std::string value = checker.String(*measure, "/benchgate/measure");
  if (value == "time") return;
  if (value != "instructions") {
    checker.Fail("/benchgate/measure",
                 "expected \"time\" or \"instructions\", got \"" + value.substr(0, 40) + "\"");
  }
  run.measure = Measure::kInstructions;
  const std::string at = "/benchgate/counting";
  const json& counting = checker.Object(checker.Member(benchgate, "counting", "/benchgate"), at);
  CountingSetup setup;
  setup.valgrind_version =
      checker.String(checker.Member(counting, "valgrind", at), PointerTo(at, "valgrind"));
  const std::string options_at = PointerTo(at, "options");
  const json& options = checker.Array(checker.Member(counting, "options", at), options_at);
  for (std::size_t i = 0; i < options.size(); ++i) {
    setup.options.push_back(checker.String(options[i], PointerTo(options_at, i)));
  }
  setup.harness_floor = checker.NonNegative(checker.Member(counting, "harness_floor", at),
                                            PointerTo(at, "harness_floor"));
  setup.processes = static_cast<int>(
      checker.Count(checker.Member(counting, "processes", at), PointerTo(at, "processes")));
  run.counting = setup;
}

void ReadEnvironment(const JsonChecker& checker, const json& benchgate, RunData& run) {
  const json* environment = FindMember(benchgate, "environment");
  if (environment == nullptr) return;
  checker.Object(*environment, "/benchgate/environment");
  if (const json* key = FindMember(*environment, "key")) {
    run.environment_key = checker.String(*key, "/benchgate/environment/key");
  }
  for (const char* field : kEnvironmentKeyFields) {
    const json* value = FindMember(*environment, field);
    if (value == nullptr) continue;
    // Text for saying what differs; only strings and numbers are words.
    run.environment.emplace_back(field,
                                 value->is_string() ? value->get<std::string>() : value->dump());
  }
  if (const json* warnings = FindMember(*environment, "warnings")) {
    const std::string at = "/benchgate/environment/warnings";
    checker.Array(*warnings, at);
    run.warnings.clear();  // benchgate's own words replace the context's
    for (std::size_t i = 0; i < warnings->size(); ++i) {
      run.warnings.push_back(checker.String((*warnings)[i], at + "/" + std::to_string(i)));
    }
  }
}

// "budgets": the binary's BENCHGATE_BUDGET rules (enriched_writer.h).
void ReadBudgets(const JsonChecker& checker, const json& benchgate, RunData& run) {
  const json* budgets = FindMember(benchgate, "budgets");
  if (budgets == nullptr) return;
  const std::string at = "/benchgate/budgets";
  checker.Array(*budgets, at);
  for (std::size_t i = 0; i < budgets->size(); ++i) {
    const std::string rule_at = at + "/" + std::to_string(i);
    const json& entry = checker.Object((*budgets)[i], rule_at);
    BudgetRule rule;
    rule.pattern = checker.String(checker.Member(entry, "pattern", rule_at), rule_at + "/pattern");
    rule.origin = checker.String(checker.Member(entry, "origin", rule_at), rule_at + "/origin");
    const std::size_t colon = rule.origin.rfind(':');
    rule.origin_file = rule.origin.substr(0, colon);
    rule.origin_place = colon == std::string::npos ? "" : rule.origin.substr(colon + 1);
    rule.source_rank = kRankCode;
    const std::string limits_at = rule_at + "/limits";
    const json& limits = checker.Array(checker.Member(entry, "limits", rule_at), limits_at);
    for (std::size_t j = 0; j < limits.size(); ++j) {
      const std::string limit_at = limits_at + "/" + std::to_string(j);
      const json& limit = checker.Object(limits[j], limit_at);
      rule.limits.push_back(Limit{
          checker.String(checker.Member(limit, "statistic", limit_at), limit_at + "/statistic"),
          checker.Number(checker.Member(limit, "value", limit_at), limit_at + "/value"),
          checker.Bool(checker.Member(limit, "minimum", limit_at), limit_at + "/minimum")});
    }
    if (const json* max_regression = FindMember(entry, "max_regression")) {
      rule.max_regression = checker.Number(*max_regression, rule_at + "/max_regression");
    }
    // The rule's own checks (pattern, statistics, values), placed in this file.
    try {
      ValidateBudgetRule(rule);
    } catch (const Error& error) {
      checker.Fail(rule_at, error.expected());
    }
    run.budgets.push_back(std::move(rule));
  }
}

// "shard" of a --benchgate_shard run; absent: the whole selection.
void ReadShard(const JsonChecker& checker, const json& benchgate, RunData& run) {
  const json* shard = FindMember(benchgate, "shard");
  if (shard == nullptr) return;
  const std::string at = "/benchgate/shard";
  checker.Object(*shard, at);
  const std::uint64_t index =
      checker.Count(checker.Member(*shard, "index", at), PointerTo(at, "index"));
  const std::uint64_t count =
      checker.Count(checker.Member(*shard, "count", at), PointerTo(at, "count"));
  if (count < 1 || count > static_cast<std::uint64_t>(kMaxShards) || index < 1 || index > count) {
    checker.Fail(at, "expected 1 <= index <= count <= " + std::to_string(kMaxShards) + ", got " +
                         std::to_string(index) + "/" + std::to_string(count));
  }
  run.shard = Shard{static_cast<int>(index), static_cast<int>(count)};
}

// "speed_probe": the machine's speed through the run; absent: no probe.
void ReadSpeedProbe(const JsonChecker& checker, const json& benchgate, RunData& run) {
  const json* probe = FindMember(benchgate, "speed_probe");
  if (probe == nullptr) return;
  const std::string at = "/benchgate/speed_probe";
  checker.Object(*probe, at);
  SpeedProbe read;
  read.kind = checker.String(checker.Member(*probe, "kind", at), PointerTo(at, "kind"));
  const std::string points_at = PointerTo(at, "points_ns");
  const json& points = checker.Array(checker.Member(*probe, "points_ns", at), points_at);
  if (points.empty()) checker.Fail(points_at, "expected at least one point, got none");
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string point_at = PointerTo(points_at, i);
    const double ns = checker.NonNegative(points[i], point_at);
    if (!(ns > 0)) checker.Fail(point_at, "expected a positive time in nanoseconds, got 0");
    read.points_ns.push_back(ns);
  }
  run.speed_probe = std::move(read);
}

}  // namespace

void ApplyEnrichedResults(const JsonChecker& checker, const json& benchgate, RunData& run) {
  const std::string at = "/benchgate";
  checker.Object(benchgate, at);
  const json& version = checker.Member(benchgate, "schema_version", at);
  if (!version.is_number_integer() || version.get<std::int64_t>() != kEnrichedSchemaVersion) {
    checker.Fail(PointerTo(at, "schema_version"), "expected schema version " +
                                                      std::to_string(kEnrichedSchemaVersion) +
                                                      ", got " + DescribeJson(version));
  }
  ReadEnvironment(checker, benchgate, run);
  ReadBudgets(checker, benchgate, run);
  ReadMeasure(checker, benchgate, run);
  ReadShard(checker, benchgate, run);
  ReadSpeedProbe(checker, benchgate, run);
  const json* results = FindMember(benchgate, "results");
  if (results == nullptr) return;  // the rows are all there is
  const std::string results_at = PointerTo(at, "results");
  checker.Array(*results, results_at);

  std::map<std::string, std::size_t> index;  // name -> position in run.benchmarks
  for (std::size_t i = 0; i < run.benchmarks.size(); ++i) index.emplace(run.benchmarks[i].name, i);
  std::map<std::string, std::size_t> seen;  // name -> result index
  for (std::size_t i = 0; i < results->size(); ++i) {
    const std::string result_at = PointerTo(results_at, i);
    const json& result = checker.Object((*results)[i], result_at);
    const std::string name_at = PointerTo(result_at, "name");
    const std::string name =
        checker.NonEmptyString(checker.Member(result, "name", result_at), name_at);
    if (const auto [it, fresh] = seen.emplace(name, i); !fresh) {
      checker.Fail(name_at, "expected each benchmark once, \"" + name + "\" is also at " +
                                PointerTo(results_at, it->second));
    }
    const auto [it, fresh] = index.emplace(name, run.benchmarks.size());
    if (fresh) {
      run.benchmarks.emplace_back();
      run.benchmarks.back().name = name;
    }
    ReadResult(checker, result, result_at, run.benchmarks[it->second]);
  }
}

}  // namespace benchgate
