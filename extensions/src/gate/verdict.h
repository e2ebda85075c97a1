// The verdicts of a run: plain structs that the analysis fills and that the
// reports (console table, enriched JSON, benchgate-diff's formats) only
// render; no report computes a statistic.
#ifndef BENCHGATE_GATE_VERDICT_H_
#define BENCHGATE_GATE_VERDICT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/stats/status.h"
#include "model/sample_set.h"

namespace benchgate {

// What the reports show about one metric (real or CPU time) of one benchmark;
// the fields of the enriched JSON's "stats" object. Times in nanoseconds.
struct MetricStats {
  StatStatus status = StatStatus::kEmpty;
  std::size_t n = 0;
  double min = 0, max = 0, mean = 0, median = 0;
  double stddev = 0;      // sample standard deviation (n - 1)
  double mad = 0;         // raw median absolute deviation
  double mad_scaled = 0;  // 1.4826 x MAD, consistent with stddev for normal data
  double cv = 0;          // stddev / mean
  double iqr = 0;
  double p50 = 0, p90 = 0, p95 = 0, p99 = 0;
  // Distribution-free CI of the median (binomial order statistics).
  StatStatus median_ci_status = StatStatus::kEmpty;
  double median_ci_lo = 0, median_ci_hi = 0;
  double median_ci_coverage = 0;                    // achieved coverage, >= the level asked
  std::size_t outliers_low = 0, outliers_high = 0;  // Tukey, beyond 1.5 IQR
  // The noise (NoiseSpread) of the values left after the slow outliers of
  // FindSlowOutliers are set aside, and how many they were: the instability
  // measure, which a few interfered repetitions cannot inflate.
  double spread = 0;
  std::size_t slow = 0;
};

enum class VerdictStatus {
  kPass,  // nothing to compare against and no budget broken
  kUnchanged,
  kImprovement,
  kRegression,
  kInconclusive,  // too few samples or too noisy to decide
  kBudgetExceeded,
  kAdded,    // only in the candidate
  kRemoved,  // only in the baseline
  kError,    // the benchmark errored (SkipWithError): reported, not judged
  kSkipped,  // it skipped itself (SkipWithMessage, Google Benchmark 1.8+): reported, not judged
};

// Stable lowercase name used in JSON and reports: "pass", "regression", ...
const char* VerdictStatusName(VerdictStatus status) noexcept;

// Why a benchmark is `inconclusive`: the gate line counts them by reason,
// and the runner measures more where more measurement can decide.
enum class Undecided {
  kNone,
  kTooFew,            // fewer than min_samples kept on a side
  kUnstable,          // CV of the kept samples above max_cv, or the slow ones no minority
  kStraddles,         // the estimate is beyond the tolerance, its interval straddles it
  kOptimisedAway,     // faster than about one CPU cycle per iteration: nothing measured
  kBudgetUncertain,   // a budget's limit lies inside its statistic's interval
  kNoBaseline,        // the baseline has no samples for it
  kNondeterministic,  // instructions: its two counting processes disagree
  kNotCounted,        // instructions: not counted (threads) on a side
  kMachineSpeed,      // two runs on a machine whose speed differs (gate/machine_speed.h)
};

// "too few samples", "unstable", ...: words for the gate line.
const char* UndecidedName(Undecided reason) noexcept;

// Baseline vs candidate for one benchmark's compared metric (real time unless
// AnalysisConfig::metric says otherwise).
struct Comparison {
  std::size_t baseline_n = 0, candidate_n = 0;
  double baseline_median = 0, candidate_median = 0;  // ns for times
  double change = 0;                                 // candidate median / baseline median - 1
  double change_lo = 0, change_hi = 0;               // its confidence interval
  StatStatus change_status = StatStatus::kEmpty;
  // Hodges-Lehmann shift of the log times as a relative change, with its
  // distribution-free (Moses) CI: the verdict's measure of size.
  double shift = 0, shift_lo = 0, shift_hi = 0;
  StatStatus shift_status = StatStatus::kEmpty;
  // The decision's two-sided Mann-Whitney U test, on the kept samples
  // (slow outliers and disturbed rounds set aside on each side). With
  // nothing set aside p_method is "exact" or "asymptotic" and p_value equals
  // SciPy's mannwhitneyu on all samples; otherwise it is "trimmed-exact" or
  // "trimmed-asymptotic" and equals mannwhitneyu on the kept samples.
  double p_value = 1;
  std::string p_method;
  double p_adjusted = 1;  // after suite-wide multiple-testing control
  // The same test on every sample of both sides, always (SciPy's value).
  double p_value_all = 1;
  std::string p_method_all;
  double tolerance = 0;  // smallest change that counts as practically relevant
  // What the decision set aside on each side: positions in the compared
  // metric's values (slow outliers and whole disturbed rounds), and the
  // disturbed rounds themselves.
  std::vector<std::size_t> baseline_set_aside, candidate_set_aside;
  std::vector<std::uint32_t> baseline_rounds_set_aside, candidate_rounds_set_aside;
  std::size_t candidate_rounds = 1;  // distinct rounds of the candidate's samples
  // Noise of each side's kept values (NoiseSpread: the smaller of their CV
  // and their clean side's spread), compared with max_cv.
  double baseline_spread = 0, candidate_spread = 0;
  // The slow samples were no minority on that side: nothing could be set aside.
  bool baseline_majority = false, candidate_majority = false;
};

// What the reports show as a benchmark's change: the size its verdict was
// decided on (the Hodges-Lehmann shift with its interval) when there is one,
// else the ratio of the medians with its interval, so that a table never
// shows one number beside a reason that decided on another.
struct ShownChange {
  double value = 0, lo = 0, hi = 0;
  bool has_interval = false;
};
ShownChange DecidedChange(const Comparison& c);

struct BenchmarkAnalysis {
  SampleSet samples;
  MetricStats real_time;
  MetricStats cpu_time;
  // The compared metric's statistics (AnalysisConfig::metric): a copy of
  // real_time or cpu_time, or those of a user counter.
  MetricStats judged;
  double iterations = 0;  // median iterations per repetition
  // The median of each user counter over the repetitions, by name.
  std::vector<std::pair<std::string, double>> counter_medians;
  std::optional<Comparison> comparison;
  VerdictStatus status = VerdictStatus::kPass;
  Undecided undecided = Undecided::kNone;  // why, when status is kInconclusive
  // More rounds of the candidate could decide it (its own side is what is
  // noisy, too small or too uncertain); false when the baseline is the problem.
  bool more_helps = false;
  std::vector<std::string> reasons;         // plain words, shown in every report
  std::vector<std::string> budget_origins;  // rules that applied, winner first
  // After confirmation re-runs of a suspect: "confirmed" or "cleared"; "" otherwise.
  std::string confirmation;
  int extra_rounds = 0;  // extra rounds this benchmark ran in (confirmation included)
  // Sequential rounds (gate/sequential_analysis.h): the round of the look
  // that decided it, or of its last look; 0 in every other analysis.
  int look_round = 0;
  bool decided_early = false;  // a look before the last one decided or stopped it
  bool open = false;           // no look decided it yet and another round could
  // Open at the last look with its estimate beyond the tolerance: looked at
  // to the suspects' last look (SequentialDesign::suspect_look).
  bool suspect = false;
};

struct SuiteAnalysis {
  std::vector<BenchmarkAnalysis> benchmarks;  // candidate order, then removed ones
  bool has_baseline = false;
  bool gate_failed = false;
  std::size_t regressions = 0, improvements = 0, unchanged = 0, inconclusive = 0;
  std::size_t budget_exceeded = 0, added = 0, removed = 0, errored = 0, skipped = 0, passed = 0;
  // Benchmarks with at least one budget limit of this run's measure judged.
  std::size_t budgets_checked = 0;
  std::vector<std::string> warnings;  // per benchmark, e.g. unstable (CV above its limit)
  // The inconclusive ones by reason, in Undecided's order ("unstable": 3).
  std::vector<std::pair<std::string, std::size_t>> undecided;
  int extra_rounds = 0;  // extra rounds the runner measured (0 in benchgate-diff)
  int last_look = 0;     // sequential rounds: the round of the last look; 0 otherwise
  // The gate failed because more than max_undecided of the judged benchmarks
  // stayed inconclusive (AnalysisConfig::max_undecided, copied here).
  bool too_many_undecided = false;
  double max_undecided = 1.0;
  // Two separate runs with speed probes: how the machine's speed changed.
  std::optional<MachineChange> machine;
};

}  // namespace benchgate

#endif  // BENCHGATE_GATE_VERDICT_H_
