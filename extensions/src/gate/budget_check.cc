#include "gate/budget_check.h"

#include <cstdio>

#include "benchgate/budget_rule.h"
#include "benchgate/stats/percentile.h"
#include "model/number_format.h"
#include "stats/confidence.h"

namespace benchgate {
namespace {

bool IsDuration(const std::string& statistic) {
  return statistic == "median" || statistic == "mean" || statistic == "p50" || statistic == "p90" ||
         statistic == "p95" || statistic == "p99" || statistic == "max" ||
         statistic == "latency_p99" || statistic == "latency_p999";
}

std::string Describe(const ResolvedLimit& limit, const Observation& seen) {
  const std::string& statistic = limit.limit.statistic;
  std::string text = statistic + " " + FormatStatisticValue(statistic, seen.estimate);
  if (seen.lo && seen.hi) {
    text += " [" + FormatStatisticValue(statistic, *seen.lo) + ", " +
            FormatStatisticValue(statistic, *seen.hi) + "]";
  }
  return text;
}

BudgetFinding Judge(const ResolvedLimit& limit, const Observation& seen) {
  BudgetFinding finding{limit, BudgetOutcome::kWithin, seen, ""};
  const double bound = limit.limit.value;
  const bool minimum = limit.limit.is_minimum;
  // Without an interval the estimate is both ends (exact quantities).
  const double lo = seen.lo.value_or(seen.estimate);
  const double hi = seen.hi.value_or(seen.estimate);
  const bool beyond_all = minimum ? hi < bound : lo > bound;
  const bool beyond_some = minimum ? lo < bound : hi > bound;
  const char* relation = minimum ? "<" : ">";
  const std::string budget = std::string("budget ") + (minimum ? "min " : "") +
                             FormatStatisticValue(limit.limit.statistic, bound) + " (" +
                             limit.origin + ")";
  if (beyond_all) {
    finding.outcome = BudgetOutcome::kExceeded;
    finding.reason = Describe(limit, seen) + " " + relation + " " + budget;
  } else if (beyond_some) {
    finding.outcome = BudgetOutcome::kUncertain;
    finding.reason = Describe(limit, seen) + ": " + budget + " lies inside the interval";
  } else {
    finding.reason = Describe(limit, seen) + " within " + budget;
  }
  return finding;
}

Observation WithCi(double estimate, const ConfidenceInterval& ci) {
  Observation seen{estimate, std::nullopt, std::nullopt};
  if (ci.status == StatStatus::kOk) {
    seen.lo = ci.lower;
    seen.hi = ci.upper;
  }
  return seen;
}

// What the run measured for a budget's statistic. Where an interval exists
// (order statistics for median and quantiles, a seeded bootstrap for the
// mean) the budget is judged on it; where the sample is too small for one,
// or the quantity is exact (allocations) or has no interval (max, CV,
// histogram percentiles), on the estimate.
std::optional<Observation> Observe(const BenchmarkAnalysis& b, const std::string& statistic,
                                   double ci_level) {
  const SampleSet& s = b.samples;
  if (statistic == kInstructionsMetric) {
    if (!s.instructions || !s.instructions->deterministic || s.instructions->per_iteration.empty())
      return std::nullopt;
    return Observation{b.judged.median, {}, {}};
  }
  const MetricStats& real = b.real_time;
  if (s.real_time_ns.empty()) return std::nullopt;
  const auto quantile = [&](double q, double estimate) {
    return WithCi(estimate, QuantileConfidenceInterval(s.real_time_ns, q, ci_level));
  };
  if (statistic == "median" || statistic == "p50") {
    return WithCi(real.median, MedianConfidenceInterval(s.real_time_ns, ci_level));
  }
  if (statistic == "mean") {
    BootstrapOptions options;
    options.resamples = 2000;
    options.level = ci_level;
    return WithCi(real.mean, BootstrapConfidenceInterval(s.real_time_ns, MeanOf, options));
  }
  if (statistic == "p90") return quantile(0.90, real.p90);
  if (statistic == "p95") return quantile(0.95, real.p95);
  if (statistic == "p99") return quantile(0.99, real.p99);
  if (statistic == "max") return Observation{real.max, std::nullopt, std::nullopt};
  if (statistic == "cv") return Observation{real.cv, std::nullopt, std::nullopt};
  if (statistic == "latency_p99" && s.latency) return Observation{s.latency->p99, {}, {}};
  if (statistic == "latency_p999" && s.latency) return Observation{s.latency->p999, {}, {}};
  if (statistic == "allocs_per_iter" && s.memory)
    return Observation{s.memory->allocs_per_iter, {}, {}};
  if (statistic == "bytes_per_iter" && s.memory)
    return Observation{s.memory->bytes_per_iter, {}, {}};
  const std::string prefix = kCounterStatisticPrefix;
  if (statistic.rfind(prefix, 0) == 0) {
    const auto it = s.counters.find(statistic.substr(prefix.size()));
    if (it == s.counters.end()) return std::nullopt;
    return WithCi(Median(it->second), MedianConfidenceInterval(it->second, ci_level));
  }
  return std::nullopt;
}

}  // namespace

std::string FormatStatisticValue(const std::string& statistic, double value) {
  if (IsDuration(statistic)) return FormatDuration(value);
  if (statistic == "cv") return FormatPercent(value);
  if (statistic == kInstructionsMetric) return FormatCount(value);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::vector<BudgetFinding> CheckBudget(const ResolvedBudget& budget, const ObserveFn& observe) {
  std::vector<BudgetFinding> findings;
  for (const ResolvedLimit& limit : budget.limits) {
    const std::optional<Observation> seen = observe(limit.limit.statistic);
    if (!seen) {
      BudgetFinding finding{limit, BudgetOutcome::kNotMeasured, std::nullopt, ""};
      finding.reason = limit.limit.statistic + " not measured (budget " + limit.origin + ")";
      findings.push_back(finding);
      continue;
    }
    findings.push_back(Judge(limit, *seen));
  }
  return findings;
}

Measure MeasureOfStatistic(const std::string& statistic) {
  return statistic == kInstructionsMetric ? Measure::kInstructions : Measure::kTime;
}

std::size_t ApplyBudget(BenchmarkAnalysis& b, const ResolvedBudget& budget, Measure measure,
                        double ci_level, std::vector<std::string>& warnings) {
  ResolvedBudget judged = budget;
  judged.limits.clear();
  for (const ResolvedLimit& limit : budget.limits) {
    if (MeasureOfStatistic(limit.limit.statistic) == measure) judged.limits.push_back(limit);
  }
  const auto findings = CheckBudget(
      judged, [&](const std::string& statistic) { return Observe(b, statistic, ci_level); });
  for (const BudgetFinding& finding : findings) {
    switch (finding.outcome) {
      case BudgetOutcome::kExceeded:
        if (b.status != VerdictStatus::kRegression) b.status = VerdictStatus::kBudgetExceeded;
        b.reasons.push_back(finding.reason);
        break;
      case BudgetOutcome::kUncertain:
        if (b.status == VerdictStatus::kPass || b.status == VerdictStatus::kUnchanged ||
            b.status == VerdictStatus::kImprovement) {
          b.status = VerdictStatus::kInconclusive;
          b.undecided = Undecided::kBudgetUncertain;
          b.more_helps = true;  // more samples narrow the interval
        }
        b.reasons.push_back(finding.reason);
        break;
      case BudgetOutcome::kNotMeasured:
        warnings.push_back(b.samples.name + ": " + finding.reason);
        break;
      case BudgetOutcome::kWithin:
        break;
    }
  }
  return budget.limits.size() - judged.limits.size();
}

}  // namespace benchgate
