// Judging resolved budget limits against what a run measured.
//
// A limit is judged on the statistic it names *with its confidence
// interval*: exceeded only when the whole interval lies beyond the limit,
// uncertain when the limit lies inside it. A single noisy repetition can then
// never break a budget, and a real breach cannot hide behind noise forever:
// more repetitions narrow the interval.
#ifndef BENCHGATE_GATE_BUDGET_CHECK_H_
#define BENCHGATE_GATE_BUDGET_CHECK_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gate/budget_resolve.h"
#include "gate/verdict.h"
#include "model/sample_set.h"

namespace benchgate {

// What the analysis knows of one statistic: its estimate and, when one
// exists, a confidence interval (exact quantities such as allocation counts
// have none).
struct Observation {
  double estimate = 0;
  std::optional<double> lo;
  std::optional<double> hi;
};

enum class BudgetOutcome { kWithin, kExceeded, kUncertain, kNotMeasured };

struct BudgetFinding {
  ResolvedLimit limit;
  BudgetOutcome outcome = BudgetOutcome::kWithin;
  std::optional<Observation> observed;
  std::string reason;  // "p99 12.1 us [11.8 us, 12.5 us] > budget 10.0 us (thresholds/a.json:3:18)"
};

using ObserveFn = std::function<std::optional<Observation>(const std::string& statistic)>;

// One finding per limit, in the budget's order.
std::vector<BudgetFinding> CheckBudget(const ResolvedBudget& budget, const ObserveFn& observe);

// Which measure's runs judge a limit on `statistic`: "instructions" is
// judged only where instructions were counted, every other statistic (time,
// memory, counters) only in timing runs, whose samples it describes.
Measure MeasureOfStatistic(const std::string& statistic);

// Applies a benchmark's budget limits of `measure` to its verdict, each
// judged on what the run measured for its statistic (real time with
// intervals at `ci_level`, or the exact count): exceeded -> budget_exceeded
// (a regression stays a regression, with the budget among its reasons);
// uncertain -> inconclusive unless something stronger was already found;
// not measured -> "name: reason" in `warnings`. Returns how many limits
// belong to the other measure and were left alone.
std::size_t ApplyBudget(BenchmarkAnalysis& b, const ResolvedBudget& budget, Measure measure,
                        double ci_level, std::vector<std::string>& warnings);

// How a statistic's values read: durations for the time statistics,
// percentages for cv, plain numbers otherwise.
std::string FormatStatisticValue(const std::string& statistic, double value);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_BUDGET_CHECK_H_
