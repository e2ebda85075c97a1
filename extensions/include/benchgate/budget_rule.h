// A budget rule as a plain value: limits per benchmark-name pattern and
// where the rule was declared. How rules match and combine: README,
// "Budgets". A binary's BENCHGATE_BUDGETs travel in its enriched JSON.
#ifndef BENCHGATE_BUDGET_RULE_H_
#define BENCHGATE_BUDGET_RULE_H_

#include <optional>
#include <string>
#include <vector>

namespace benchgate {

// One limit on one statistic of a benchmark.
struct Limit {
  // "median", "mean", "p50", "p90", "p95", "p99", "max": of the time per
  //   iteration across repetitions, nanoseconds;
  // "cv": coefficient of variation, a fraction (0.05 = 5%);
  // "latency_p99", "latency_p999": per-iteration latency from Sampled(), ns;
  // "allocs_per_iter", "bytes_per_iter": from benchgate::memory;
  // "instructions": instructions per iteration, judged only in runs that
  //   count them (--benchgate_measure=instructions), and the only limit
  //   judged there: Valgrind's times and a process without the memory
  //   manager say nothing about the other statistics;
  // "counter:<name>": a user counter, in the counter's own unit.
  std::string statistic;
  double value = 0;
  bool is_minimum = false;  // true: the statistic must stay >= value (counters only)
};

// Where a rule came from, its source rank (higher wins).
inline constexpr int kRankFileDefaults = 0;
inline constexpr int kRankCode = 1;
inline constexpr int kRankFile = 2;

struct BudgetRule {
  std::string pattern;                   // RE2 regex, matched against the whole name
  std::vector<Limit> limits;             // at most one per (statistic, is_minimum)
  // Fraction: 0.05 allows +5% in time against the baseline (instruction
  // counts keep their own tolerance, 0.5%).
  std::optional<double> max_regression;
  // "thresholds/suite.json:12:18" (the pattern's line:column) or
  // "bench/lookup.cc:42"; origin_file and origin_place are its two parts.
  std::string origin;
  std::string origin_file;
  std::string origin_place;
  int source_rank = kRankCode;
};

// Every statistic a Limit may name except "counter:<name>", in display order.
inline constexpr const char* kBudgetStatistics[] = {"median",
                                                    "mean",
                                                    "p50",
                                                    "p90",
                                                    "p95",
                                                    "p99",
                                                    "max",
                                                    "cv",
                                                    "latency_p99",
                                                    "latency_p999",
                                                    "allocs_per_iter",
                                                    "bytes_per_iter",
                                                    "instructions"};
inline constexpr const char kCounterStatisticPrefix[] = "counter:";

}  // namespace benchgate

#endif  // BENCHGATE_BUDGET_RULE_H_
