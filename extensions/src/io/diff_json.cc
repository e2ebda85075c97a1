#include "io/diff_json.h"

#include <nlohmann/json.hpp>

#include "model/sample_set.h"

namespace benchgate {
namespace {

using nlohmann::ordered_json;

ordered_json Pair(StatStatus status, double lo, double hi) {
  return status == StatStatus::kOk ? ordered_json{lo, hi} : ordered_json(nullptr);
}

// The candidate's statistics of the compared metric, when it has any.
ordered_json CandidateJson(const BenchmarkAnalysis& b, const RenderOptions& options) {
  const MetricStats& s = options.metric == "real_time"  ? b.real_time
                         : options.metric == "cpu_time" ? b.cpu_time
                                                        : b.judged;
  if (s.status != StatStatus::kOk) {
    if (!b.comparison) return nullptr;
    return {{"n", b.comparison->candidate_n}, {"median", b.comparison->candidate_median}};
  }
  return {{"n", s.n},
          {"median", b.comparison ? b.comparison->candidate_median : s.median},
          {"median_ci", Pair(s.median_ci_status, s.median_ci_lo, s.median_ci_hi)},
          {"mean", s.mean},
          {"stddev", s.stddev},
          {"cv", s.cv},
          {"min", s.min},
          {"max", s.max},
          {"p90", s.p90},
          {"p99", s.p99}};
}

ordered_json Sides(const ordered_json& baseline, const ordered_json& candidate) {
  return {{"baseline", baseline}, {"candidate", candidate}};
}

// What the decision judged beyond the contract's fields: the plain test on
// every sample (SciPy's value even when the decision's test is trimmed),
// the positions set aside as interference, and each side's CV of the kept
// samples.
void DecisionFields(const Comparison& c, ordered_json& entry) {
  // A comparison against history has no sample test at all.
  const bool tested = !c.p_method_all.empty();
  entry["p_value_all"] = tested ? ordered_json(c.p_value_all) : nullptr;
  entry["p_method_all"] = tested ? ordered_json(c.p_method_all) : nullptr;
  entry["set_aside"] = Sides(c.baseline_set_aside, c.candidate_set_aside);
  if (!c.baseline_rounds_set_aside.empty() || !c.candidate_rounds_set_aside.empty()) {
    entry["rounds_set_aside"] = Sides(c.baseline_rounds_set_aside, c.candidate_rounds_set_aside);
  }
  entry["spread"] = Sides(c.baseline_spread, c.candidate_spread);
}

void ComparisonFields(const std::optional<Comparison>& c, ordered_json& entry) {
  if (!c) {
    for (const char* key :
         {"change", "change_ci", "shift", "shift_ci", "p_value", "p_method", "p_adjusted",
          "tolerance", "p_value_all", "p_method_all", "set_aside", "spread"}) {
      entry[key] = nullptr;
    }
    return;
  }
  entry["change"] = c->change;
  entry["change_ci"] = Pair(c->change_status, c->change_lo, c->change_hi);
  entry["shift"] = c->shift_status == StatStatus::kOk ? ordered_json(c->shift) : nullptr;
  entry["shift_ci"] = Pair(c->shift_status, c->shift_lo, c->shift_hi);
  entry["p_value"] = c->p_value;
  entry["p_method"] = c->p_method;
  entry["p_adjusted"] = c->p_adjusted;
  entry["tolerance"] = c->tolerance;
  DecisionFields(*c, entry);
}

ordered_json EntryJson(const BenchmarkAnalysis& b, const RenderOptions& options) {
  ordered_json entry = {{"name", b.samples.name},
                        {"verdict", VerdictStatusName(b.status)},
                        {"trend", TrendMarkName(Trend(b))},
                        {"reasons", b.reasons}};
  const auto& c = b.comparison;
  entry["baseline"] = c ? ordered_json{{"n", c->baseline_n}, {"median", c->baseline_median}}
                        : ordered_json(nullptr);
  entry["candidate"] = CandidateJson(b, options);
  ComparisonFields(c, entry);
  if (b.status == VerdictStatus::kInconclusive) entry["undecided"] = UndecidedName(b.undecided);
  if (b.extra_rounds > 0) entry["extra_rounds"] = b.extra_rounds;
  // Sequential rounds: the round of the look that decided it (or of its
  // last look), whether that came before the last look, and whether it was
  // still open when the rounds ended.
  if (b.look_round > 0) {
    entry["sequential"] = {{"round", b.look_round}, {"early", b.decided_early}, {"open", b.open}};
    // Only when it went on past the last look: the fields before suspects stay as they were.
    if (b.suspect) entry["sequential"]["suspect"] = true;
  }
  if (b.samples.errored) {
    entry[b.samples.skipped ? "skip_message" : "error_message"] = b.samples.error_message;
  }
  if (!b.budget_origins.empty()) entry["budgets"] = b.budget_origins;
  return entry;
}

// {"unstable": 3, "interval straddles the tolerance": 1}, in the engine's order.
ordered_json UndecidedJson(const SuiteAnalysis& suite) {
  ordered_json counts = ordered_json::object();
  for (const auto& [reason, count] : suite.undecided) counts[reason] = count;
  return counts;
}

ordered_json SummaryJson(const SuiteAnalysis& suite, const DiffSummary& s) {
  const bool geomean = s.geomean_status == StatStatus::kOk;
  ordered_json summary = {{"regressions", s.regressions},
                          {"improvements", s.improvements},
                          {"unchanged", s.unchanged},
                          {"inconclusive", s.inconclusive},
                          {"budget_exceeded", s.budget_exceeded},
                          {"added", s.added},
                          {"removed", s.removed},
                          {"errored", s.errored},
                          {"skipped", s.skipped},
                          {"geomean_change", geomean ? ordered_json(s.geomean_change) : nullptr},
                          {"geomean_status", StatStatusName(s.geomean_status)},
                          {"geomean_count", s.geomean_count},
                          {"best_improvement", s.best_improvement_name.empty()
                                                   ? ordered_json(nullptr)
                                                   : ordered_json{{"name", s.best_improvement_name},
                                                                  {"change", s.best_improvement}}},
                          {"worst_regression", s.worst_regression_name.empty()
                                                   ? ordered_json(nullptr)
                                                   : ordered_json{{"name", s.worst_regression_name},
                                                                  {"change", s.worst_regression}}},
                          {"gate", suite.gate_failed ? "fail" : "pass"},
                          {"undecided", UndecidedJson(suite)},
                          {"too_many_undecided", suite.too_many_undecided},
                          {"max_undecided", suite.max_undecided},
                          {"extra_rounds", suite.extra_rounds}};
  // Sequential rounds: the round of the last look (the design's maximum).
  if (suite.last_look > 0) summary["last_look"] = suite.last_look;
  return summary;
}

ordered_json HistoryJson(const HistorySeries& history, const std::vector<std::string>& labels) {
  ordered_json steps = ordered_json::array();
  for (const SeriesStep& step : history.steps) {
    steps.push_back({{"benchmark", step.benchmark},
                     {"run", step.run},
                     {"run_index", step.run_index},
                     {"before", step.point.before},
                     {"after", step.point.after},
                     {"change", step.point.change},
                     {"p_value", step.point.p_value}});
  }
  ordered_json series = ordered_json::object();
  for (const auto& [name, points] : history.series) {
    ordered_json list = ordered_json::array();
    for (const SeriesPoint& p : points) {
      list.push_back({{"run", p.run},
                      {"median", p.median_ns},
                      {"median_ci", {p.lo_ns, p.hi_ns}},
                      {"change_point", p.change_point}});
    }
    series[name] = std::move(list);
  }
  return {{"runs", labels}, {"steps", steps}, {"series", series}};
}

}  // namespace

void WriteDiffJson(const SuiteAnalysis& suite, const DiffSummary& summary,
                   const RenderOptions& options, std::ostream& out, const HistorySeries* history,
                   const std::vector<std::string>* run_labels) {
  ordered_json comparisons = ordered_json::array();
  for (const BenchmarkAnalysis& b : suite.benchmarks) comparisons.push_back(EntryJson(b, options));
  ordered_json document = {{"schema", kDiffSchema},
                           {"metric", options.metric},
                           {"unit", IsTimeMetric(options.metric) ? ordered_json("ns") : nullptr},
                           {"baseline_source", options.baseline_label},
                           {"candidate_source", options.candidate_label},
                           {"warnings", suite.warnings},
                           {"comparisons", comparisons},
                           {"summary", SummaryJson(suite, summary)}};
  if (history != nullptr) {
    document["history"] =
        HistoryJson(*history, run_labels ? *run_labels : std::vector<std::string>{});
  }
  // Names are whatever the benchmark registered: invalid UTF-8 becomes U+FFFD
  // instead of an exception halfway through the output.
  out << document.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  out.flush();
}

}  // namespace benchgate
