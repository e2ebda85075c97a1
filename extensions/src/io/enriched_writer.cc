#include "io/enriched_writer.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "benchgate/error.h"

namespace benchgate {
namespace {

using nlohmann::json;

// Values are written in the benchmark's own time unit, like Google
// Benchmark's rows, so a reader sees the same numbers in both places.
json TimesIn(const std::vector<double>& nanoseconds, double ns_per_unit) {
  json values = json::array();
  for (const double value : nanoseconds) values.push_back(value / ns_per_unit);
  return values;
}

json StatsJson(const MetricStats& s, double unit) {
  json out = {{"status", StatStatusName(s.status)},
              {"n", s.n},
              {"min", s.min / unit},
              {"max", s.max / unit},
              {"mean", s.mean / unit},
              {"median", s.median / unit},
              {"stddev", s.stddev / unit},
              {"mad", s.mad / unit},
              {"mad_scaled", s.mad_scaled / unit},
              {"cv", s.cv},
              {"iqr", s.iqr / unit},
              {"p50", s.p50 / unit},
              {"p90", s.p90 / unit},
              {"p95", s.p95 / unit},
              {"p99", s.p99 / unit},
              {"outliers", {{"low", s.outliers_low}, {"high", s.outliers_high}}}};
  if (s.median_ci_status == StatStatus::kOk) {
    out["median_ci"] = {s.median_ci_lo / unit, s.median_ci_hi / unit};
    out["median_ci_coverage"] = s.median_ci_coverage;
  } else {
    out["median_ci"] = nullptr;
  }
  return out;
}

bool HasExtraRounds(const SampleSet& samples) {
  return std::any_of(samples.rounds.begin(), samples.rounds.end(),
                     [](std::uint32_t round) { return round != 0; });
}

json LatencyJson(const LatencySummary& latency) {
  json histogram = json::array();
  for (const auto& [lower_ns, count] : latency.buckets) histogram.push_back({lower_ns, count});
  return {{"unit", "ns"},       {"count", latency.count}, {"p50", latency.p50},
          {"p90", latency.p90}, {"p99", latency.p99},     {"p999", latency.p999},
          {"max", latency.max}, {"histogram", histogram}};
}

json MemoryJson(const MemorySummary& memory) {
  return {{"allocs_per_iter", memory.allocs_per_iter},
          {"bytes_per_iter", memory.bytes_per_iter},
          {"max_bytes_used", memory.max_bytes_used},
          {"net_heap_growth", memory.net_heap_growth}};
}

json Sides(const json& baseline, const json& candidate) {
  return {{"baseline", baseline}, {"candidate", candidate}};
}

// What the decision set aside and the plain test on every sample, as in
// benchgate-diff's JSON, so the file tells why the verdict is what it is.
void DecisionJson(const Comparison& c, json& verdict) {
  if (!c.p_method_all.empty()) {  // empty: judged against history, no sample test
    verdict["p_value_all"] = c.p_value_all;
    verdict["p_method_all"] = c.p_method_all;
  }
  if (!c.baseline_set_aside.empty() || !c.candidate_set_aside.empty()) {
    verdict["set_aside"] = Sides(c.baseline_set_aside, c.candidate_set_aside);
  }
  if (!c.baseline_rounds_set_aside.empty() || !c.candidate_rounds_set_aside.empty()) {
    verdict["rounds_set_aside"] = Sides(c.baseline_rounds_set_aside, c.candidate_rounds_set_aside);
  }
  verdict["spread"] = Sides(c.baseline_spread, c.candidate_spread);
}

json VerdictJson(const BenchmarkAnalysis& benchmark, double unit) {
  json verdict = {{"status", VerdictStatusName(benchmark.status)}, {"reasons", benchmark.reasons}};
  if (!benchmark.budget_origins.empty()) verdict["budgets"] = benchmark.budget_origins;
  if (!benchmark.confirmation.empty()) verdict["confirmation"] = benchmark.confirmation;
  if (benchmark.status == VerdictStatus::kInconclusive) {
    verdict["undecided"] = UndecidedName(benchmark.undecided);
  }
  if (benchmark.extra_rounds > 0) verdict["extra_rounds"] = benchmark.extra_rounds;
  if (const auto& c = benchmark.comparison) {
    verdict["baseline"] = {{"n", c->baseline_n}, {"median", c->baseline_median / unit}};
    verdict["candidate"] = {{"n", c->candidate_n}, {"median", c->candidate_median / unit}};
    verdict["change"] = c->change;
    verdict["change_ci"] =
        c->change_status == StatStatus::kOk ? json{c->change_lo, c->change_hi} : json(nullptr);
    if (c->shift_status == StatStatus::kOk) {
      verdict["shift"] = c->shift;
      verdict["shift_ci"] = {c->shift_lo, c->shift_hi};
    }
    verdict["p_value"] = c->p_value;
    verdict["p_method"] = c->p_method;
    verdict["p_adjusted"] = c->p_adjusted;
    verdict["tolerance"] = c->tolerance;
    DecisionJson(*c, verdict);
  }
  return verdict;
}

// Instructions per iteration of both counting processes: the value is the
// analysis's (`judged`, the median of the measured repetitions); "counts"
// holds each process's repetitions.
json InstructionsJson(const InstructionCount& count, const MetricStats& judged) {
  json out;
  if (!count.not_counted.empty()) {
    out["not_counted"] = count.not_counted;
    return out;
  }
  const auto first = count.per_iteration.begin();
  const auto split = first + static_cast<std::ptrdiff_t>(count.first_process);
  const std::vector<double> one(first, split), two(split, count.per_iteration.end());
  out["per_iteration"] = judged.median;
  out["iterations"] = count.iterations;
  out["counts"] = {one, two};
  out["deterministic"] = count.deterministic;
  return out;
}

json CountingJson(const CountingSetup& setup) {
  return {{"valgrind", setup.valgrind_version},
          {"options", setup.options},
          {"harness_floor", setup.harness_floor},
          {"processes", setup.processes}};
}

json ResultJson(const BenchmarkAnalysis& benchmark) {
  const SampleSet& samples = benchmark.samples;
  double unit = NanosecondsPerUnit(samples.time_unit);
  if (unit == 0) unit = 1;
  json result = {{"name", samples.name}, {"time_unit", samples.time_unit}};
  if (samples.errored) {
    // Google Benchmark's own names: error_message for SkipWithError,
    // skip_message for SkipWithMessage.
    result[samples.skipped ? "skip_message" : "error_message"] = samples.error_message;
  } else {
    result["samples"] = {{"real_time", TimesIn(samples.real_time_ns, unit)},
                         {"cpu_time", TimesIn(samples.cpu_time_ns, unit)},
                         {"iterations", samples.iterations}};
    // Rounds are blocks of the analysis: a re-read file must judge the same.
    if (HasExtraRounds(samples)) result["samples"]["rounds"] = RoundsOf(samples);
    result["stats"] = {{"real_time", StatsJson(benchmark.real_time, unit)},
                       {"cpu_time", StatsJson(benchmark.cpu_time, unit)}};
  }
  if (samples.latency) result["latency"] = LatencyJson(*samples.latency);
  if (samples.memory) result["memory"] = MemoryJson(*samples.memory);
  if (samples.instructions)
    result["instructions"] = InstructionsJson(*samples.instructions, benchmark.judged);
  result["verdict"] = VerdictJson(benchmark, unit);
  return result;
}

json EnvironmentJson(const Environment& e) {
  json caches = json::array();
  for (const CpuCache& cache : e.caches) {
    caches.push_back({{"type", cache.type},
                      {"level", cache.level},
                      {"size", cache.size},
                      {"num_sharing", cache.num_sharing}});
  }
  return {{"key", e.key},
          {"warnings", e.warnings},
          {"cpu_model", e.cpu_model},
          {"num_cpus", e.num_cpus},
          {"mhz", e.mhz},
          {"caches", caches},
          {"governor", e.governor},
          {"turbo", e.turbo},
          {"cpu_scaling", e.cpu_scaling},
          {"load_avg", e.load_avg},
          {"virtualization", e.virtualization},
          {"hostname", e.hostname},
          {"os", e.os},
          {"os_pretty", e.os_pretty},
          {"kernel", e.kernel},
          {"compiler", e.compiler},
          {"compiler_version", e.compiler_version},
          {"build_type", e.build_type},
          {"optimization", e.optimization},
          {"ndebug", e.ndebug},
          {"sanitizers", e.sanitizers},
          {"architecture", e.architecture},
          {"library_build_type", e.library_build_type},
          {"ci_provider", e.ci_provider},
          {"git_sha", e.git_sha},
          {"git_branch", e.git_branch}};
}

// {"unstable": 3, ...}: the inconclusive ones by reason.
json UndecidedJson(const SuiteAnalysis& suite) {
  json counts = json::object();
  for (const auto& [reason, count] : suite.undecided) counts[reason] = count;
  return counts;
}

json GateJson(const SuiteAnalysis& suite) {
  json gate = {{"status", suite.gate_failed ? "fail" : "pass"},
               {"has_baseline", suite.has_baseline},
               {"regressions", suite.regressions},
               {"improvements", suite.improvements},
               {"unchanged", suite.unchanged},
               {"inconclusive", suite.inconclusive},
               {"budget_exceeded", suite.budget_exceeded},
               {"added", suite.added},
               {"removed", suite.removed},
               {"errored", suite.errored},
               {"skipped", suite.skipped},
               {"warnings", suite.warnings},
               {"undecided", UndecidedJson(suite)},
               {"too_many_undecided", suite.too_many_undecided},
               {"max_undecided", suite.max_undecided},
               {"extra_rounds", suite.extra_rounds}};
  if (suite.machine) {
    gate["machine"] = {{"change", suite.machine->change},
                       {"baseline_ns", suite.machine->baseline_ns},
                       {"candidate_ns", suite.machine->candidate_ns}};
  }
  return gate;
}

json BudgetsJson(const std::vector<BudgetRule>& rules) {
  json budgets = json::array();
  for (const BudgetRule& rule : rules) {
    json limits = json::array();
    for (const Limit& limit : rule.limits) {
      limits.push_back(
          {{"statistic", limit.statistic}, {"value", limit.value}, {"minimum", limit.is_minimum}});
    }
    json entry = {{"pattern", rule.pattern}, {"origin", rule.origin}, {"limits", limits}};
    if (rule.max_regression) entry["max_regression"] = *rule.max_regression;
    budgets.push_back(entry);
  }
  return budgets;
}

}  // namespace

std::string RenderEnrichedJson(const std::string& gbench_json, const Environment& environment,
                               const SuiteAnalysis& analysis,
                               const std::vector<BudgetRule>& code_budgets,
                               const CountingSetup* counting, const Shard* shard,
                               const SpeedProbe* speed_probe) {
  json results = json::array();
  for (const BenchmarkAnalysis& benchmark : analysis.benchmarks) {
    results.push_back(ResultJson(benchmark));
  }
  json benchgate = {{"schema_version", kEnrichedSchemaVersion},
                    {"environment", EnvironmentJson(environment)},
                    {"results", results},
                    {"gate", GateJson(analysis)}};
  if (!code_budgets.empty()) benchgate["budgets"] = BudgetsJson(code_budgets);
  if (counting != nullptr) {
    benchgate["measure"] = MeasureName(Measure::kInstructions);
    benchgate["counting"] = CountingJson(*counting);
  }
  // --benchgate_shard: which part of the suite this run is, for
  // benchgate-diff to combine the shards (and refuse overlaps and gaps).
  if (shard != nullptr) benchgate["shard"] = {{"index", shard->index}, {"count", shard->count}};
  if (speed_probe != nullptr) {
    benchgate["speed_probe"] = {{"kind", speed_probe->kind}, {"points_ns", speed_probe->points_ns}};
  }

  // Splice before the closing brace of Google Benchmark's top-level object.
  const auto close = gbench_json.find_last_of('}');
  if (close == std::string::npos) {
    throw Error("benchgate", "enriched JSON", "expected Google Benchmark's JSON object to extend");
  }
  std::string text = gbench_json.substr(0, close);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  // Error messages and names may hold invalid UTF-8: replace, never throw.
  std::string body = benchgate.dump(2, ' ', false, json::error_handler_t::replace);
  // Indent the nested object one level, like the keys around it.
  std::string indented;
  indented.reserve(body.size() + body.size() / 8);
  for (const char c : body) {
    indented.push_back(c);
    if (c == '\n') indented += "  ";
  }
  text += ",\n  \"benchgate\": " + indented + "\n}\n";
  return text;
}

}  // namespace benchgate
