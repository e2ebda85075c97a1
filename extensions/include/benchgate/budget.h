// Budgets next to the benchmark they limit:
//
//   BENCHMARK(BM_Lookup)->Arg(1024)->Arg(1 << 20);
//   BENCHGATE_BUDGET("BM_Lookup/.*")
//       .P99(std::chrono::microseconds(10))
//       .AllocsPerIter(0)
//       .MaxRegression(0.05);
//
// The pattern is an RE2 regular expression (at most 4096 characters, groups
// nested at most 100 deep) matched against the WHOLE
// benchmark name (Google Benchmark's run_name, e.g. "BM_Lookup/1024"). A
// threshold file entry for the same statistic overrides a budget in code, and
// a more specific pattern overrides a less specific one (README, "Budgets").
//
// Time limits apply to the time per iteration across repetitions (Median,
// Mean, P50..P99, Max) or, for a Sampled() benchmark, to the latency of single
// iterations (LatencyP99, LatencyP999). Fractions are plain numbers: 0.05 = 5%.
// Setting the same limit twice keeps the last value. Mistakes (an invalid
// regex, a negative limit) are reported as bad input when the runner reads
// the budgets, not at static initialization.
#ifndef BENCHGATE_BUDGET_H_
#define BENCHGATE_BUDGET_H_

#include <chrono>
#include <string>

#include "benchgate/budget_rule.h"

namespace benchgate {

class BudgetBuilder {
 public:
  BudgetBuilder(std::string pattern, std::string file, int line);

  template <class Rep, class Period>
  BudgetBuilder& Median(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("median", Nanoseconds(limit));
  }
  template <class Rep, class Period>
  BudgetBuilder& Mean(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("mean", Nanoseconds(limit));
  }
  template <class Rep, class Period>
  BudgetBuilder& P50(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("p50", Nanoseconds(limit));
  }
  template <class Rep, class Period>
  BudgetBuilder& P90(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("p90", Nanoseconds(limit));
  }
  template <class Rep, class Period>
  BudgetBuilder& P95(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("p95", Nanoseconds(limit));
  }
  template <class Rep, class Period>
  BudgetBuilder& P99(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("p99", Nanoseconds(limit));
  }
  template <class Rep, class Period>
  BudgetBuilder& Max(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("max", Nanoseconds(limit));
  }
  // Per-iteration latency percentiles of a Sampled() benchmark.
  template <class Rep, class Period>
  BudgetBuilder& LatencyP99(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("latency_p99", Nanoseconds(limit));
  }
  template <class Rep, class Period>
  BudgetBuilder& LatencyP999(std::chrono::duration<Rep, Period> limit) {
    return SetMaximum("latency_p999", Nanoseconds(limit));
  }

  // Coefficient of variation of the time per iteration, as a fraction.
  BudgetBuilder& Cv(double fraction) { return SetMaximum("cv", fraction); }
  // From benchgate::memory: heap allocations and bytes per iteration.
  BudgetBuilder& AllocsPerIter(double maximum) { return SetMaximum("allocs_per_iter", maximum); }
  BudgetBuilder& BytesPerIter(double maximum) { return SetMaximum("bytes_per_iter", maximum); }
  // Instructions per iteration, counted under Valgrind: judged only in runs
  // with --benchgate_measure=instructions (and there, only this limit).
  BudgetBuilder& Instructions(double maximum) { return SetMaximum("instructions", maximum); }
  // A user counter (state.counters[name], SetItemsProcessed's
  // "items_per_second", ...) in its own unit.
  BudgetBuilder& CounterMax(const std::string& name, double maximum) {
    return Set(kCounterStatisticPrefix + name, maximum, /*is_minimum=*/false);
  }
  BudgetBuilder& CounterMin(const std::string& name, double minimum) {
    return Set(kCounterStatisticPrefix + name, minimum, /*is_minimum=*/true);
  }
  // Largest slowdown against the baseline that passes, as a fraction.
  BudgetBuilder& MaxRegression(double fraction);

  const BudgetRule& rule() const noexcept { return rule_; }

 private:
  template <class Rep, class Period>
  static double Nanoseconds(std::chrono::duration<Rep, Period> limit) {
    return std::chrono::duration<double, std::nano>(limit).count();
  }
  BudgetBuilder& SetMaximum(const char* statistic, double value) {
    return Set(statistic, value, /*is_minimum=*/false);
  }
  BudgetBuilder& Set(const std::string& statistic, double value, bool is_minimum);

  BudgetRule rule_;
};

namespace internal {
// Adds a budget to the process-wide registry; the reference stays valid for
// the life of the process, so the chained builder calls land in the registry.
BudgetBuilder& RegisterBudget(const char* pattern, const char* file, int line);
}  // namespace internal

}  // namespace benchgate

#define BENCHGATE_PRIVATE_CONCAT2(a, b) a##b
#define BENCHGATE_PRIVATE_CONCAT(a, b) BENCHGATE_PRIVATE_CONCAT2(a, b)
#ifdef __COUNTER__
#define BENCHGATE_PRIVATE_UNIQUE(prefix) BENCHGATE_PRIVATE_CONCAT(prefix, __COUNTER__)
#else
#define BENCHGATE_PRIVATE_UNIQUE(prefix) BENCHGATE_PRIVATE_CONCAT(prefix, __LINE__)
#endif

// A declaration, so it works at namespace scope; the builder calls that
// follow it are part of the initializer (hence no parentheses around it).
// NOLINTBEGIN(bugprone-macro-parentheses)
#define BENCHGATE_BUDGET(pattern)                                               \
  [[maybe_unused]] static ::benchgate::BudgetBuilder& BENCHGATE_PRIVATE_UNIQUE( \
      benchgate_budget_) = ::benchgate::internal::RegisterBudget(pattern, __FILE__, __LINE__)
// NOLINTEND(bugprone-macro-parentheses)

#endif  // BENCHGATE_BUDGET_H_
