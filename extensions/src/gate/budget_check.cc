#include "gate/budget_check.h"

#include <cstdio>

#include "model/number_format.h"

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

}  // namespace

std::string FormatStatisticValue(const std::string& statistic, double value) {
  if (IsDuration(statistic)) return FormatDuration(value);
  if (statistic == "cv") return FormatPercent(value);
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

}  // namespace benchgate
