// The analysis of a run: statistics of every benchmark and, with a baseline,
// its comparison and verdict, and the gate status of the whole suite.
//
// This is the single place where samples become numbers and verdicts; the
// console table, the enriched JSON and benchgate-diff only render these
// structs (report/ and io/ never compute a statistic).
#ifndef BENCHGATE_GATE_ANALYSIS_H_
#define BENCHGATE_GATE_ANALYSIS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gate/adaptive.h"
#include "gate/budget_model.h"
#include "gate/history.h"
#include "model/sample_set.h"
#include "benchgate/stats/mann_whitney.h"
#include "benchgate/stats/status.h"

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
  kTooFew,           // fewer than min_samples kept on a side
  kUnstable,         // CV of the kept samples above max_cv, or the slow ones no minority
  kStraddles,        // the estimate is beyond the tolerance, its interval straddles it
  kOptimisedAway,    // faster than about one CPU cycle per iteration: nothing measured
  kBudgetUncertain,  // a budget's limit lies inside its statistic's interval
  kNoBaseline,       // the baseline has no samples for it
};

// "too few samples", "unstable", ...: words for the gate line.
const char* UndecidedName(Undecided reason) noexcept;

// Below this many nanoseconds per iteration no loop body can have run
// (about one cycle of a 6.5 GHz core): the compiler removed the work.
inline constexpr double kOptimisedAwayNs = 0.15;

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
};

struct SuiteAnalysis {
  std::vector<BenchmarkAnalysis> benchmarks;  // candidate order, then removed ones
  bool has_baseline = false;
  bool gate_failed = false;
  std::size_t regressions = 0, improvements = 0, unchanged = 0, inconclusive = 0;
  std::size_t budget_exceeded = 0, added = 0, removed = 0, errored = 0, skipped = 0, passed = 0;
  std::vector<std::string> warnings;  // per benchmark, e.g. unstable (CV above its limit)
  // The inconclusive ones by reason, in Undecided's order ("unstable": 3).
  std::vector<std::pair<std::string, std::size_t>> undecided;
  int extra_rounds = 0;  // extra rounds the runner measured (0 in benchgate-diff)
  // The gate failed because more than max_undecided of the judged benchmarks
  // stayed inconclusive (AnalysisConfig::max_undecided, copied here).
  bool too_many_undecided = false;
  double max_undecided = 1.0;
};

struct AnalysisConfig {
  double alpha = 0.05;      // suite-wide, after multiple-testing control
  bool holm = false;        // Holm (family-wise) instead of Benjamini-Hochberg (FDR)
  double tolerance = 0.05;  // static tolerance until history-based ones exist
  // What is compared: "real_time", "cpu_time" or a user counter's name, and
  // which way is worse. Times and bytes: higher is worse; rates
  // (items_per_second, ...): lower is worse (HigherIsBetter() infers it).
  // History and budgets stay on real time.
  std::string metric = "real_time";
  bool higher_is_better = false;
  // The U test's p-value: exact up to kExactMaxSize per side without ties
  // (kAuto), or one method always, e.g. kAsymptotic to reproduce compare.py.
  MannWhitneyMethod p_method = MannWhitneyMethod::kAuto;
  // Above this CV of the kept samples (slow outliers set aside) on either
  // side: unstable, judged inconclusive.
  double max_cv = 0.05;
  // Slow outliers (interference only adds time) are set aside on both
  // sides before the decision; false judges every sample.
  bool set_aside_slow = true;
  // Fail the gate when more than this share of the judged benchmarks stay
  // inconclusive; 1 (the default) never fails for that.
  double max_undecided = 1.0;
  // A verdict needs the shift's CI beyond this share of the tolerance (and
  // its estimate beyond the tolerance): confident the change is practically
  // large, not merely different from zero. 0 gives the bare "CI clear of zero".
  double ci_margin = 0.6;
  std::size_t min_samples = 5;  // per side, for a verdict
  double ci_level = 0.95;
  // Budgets from code (BENCHGATE_BUDGET) and threshold files, resolved per
  // benchmark; a matching max_regression replaces `tolerance`.
  std::vector<BudgetRule> budgets;
  // Earlier runs on this environment (may be null): each benchmark's
  // tolerance is learned from them, and without a baseline the candidate is
  // judged against their centre.
  const BenchmarkHistory* history = nullptr;
  AdaptiveConfig adaptive;
};

AnalysisConfig AnalysisConfigFrom(double alpha);

// Statistics of one benchmark alone (no comparison): for the live table.
BenchmarkAnalysis AnalyzeMeasurement(const SampleSet& samples, const AnalysisConfig& config);

// Statistics, comparisons against `baseline` (may be null) and verdicts of a
// whole run, with multiple-testing control across every judged benchmark.
SuiteAnalysis AnalyzeSuite(const RunData& candidate, const RunData* baseline,
                           const AnalysisConfig& config);

// Names of the benchmarks whose verdict would fail the gate (regression,
// budget exceeded): the ones worth re-running before judging.
std::vector<std::string> Suspects(const SuiteAnalysis& suite);

// The benchmarks another round of the candidate could settle: suspects with
// fewer than 1 + `confirm` undisturbed rounds, and, when `undecided` is
// true, inconclusive ones whose own samples are the problem (more_helps).
std::vector<std::string> NeedMoreRounds(const SuiteAnalysis& suite, int confirm, bool undecided);

// After extra rounds and a new AnalyzeSuite() on the merged samples: each
// benchmark's extra_rounds, each first-pass suspect "confirmed" (still
// failing) or "cleared", and a reason in words for every benchmark that
// was measured again. `rounds` is how many extra rounds ran in all;
// `first_rounds` how many each benchmark had before them (1 in the runner,
// --rounds in benchgate-ab).
void MarkExtraRounds(SuiteAnalysis& suite, const std::vector<std::string>& suspects, int rounds,
                     int first_rounds = 1);

// A --benchmark_filter that selects exactly these benchmark names (Google
// Benchmark matches filters as POSIX extended regexes: metacharacters are
// escaped): how extra rounds measure only the benchmarks that need them.
std::string ExactNameFilter(const std::vector<std::string>& names);

// Appends the samples of `extra` (a confirmation run) to the benchmarks of
// `run` with the same name.
void MergeSamples(RunData& run, const RunData& extra);

// The verdict of a benchmark that only the baseline has.
BenchmarkAnalysis RemovedFromBaseline(const SampleSet& gone);

// The end of an analysis whose comparisons are filled (AnalyzeSuite's, and
// benchgate-ab's per-process one). `suite.benchmarks` holds every benchmark of the run, already
// analysed (AnalyzeMeasurement) and, where no test applies, already given its status (added,
// removed, errored, inconclusive with a reason); `judged` indexes the ones whose comparison is
// filled (p_value, p_method, shift and its interval, tolerance, the sides' n, medians, spreads and
// set-aside positions). These form the multiple-testing family (BH or Holm) and get AnalyzeSuite's
// verdicts; then budgets, the counts, the undecided reasons and the gate
// status, exactly as AnalyzeSuite ends. The counts must be zero on entry.
void JudgeComparisons(SuiteAnalysis& suite, const std::vector<std::size_t>& judged,
                      const AnalysisConfig& config);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_ANALYSIS_H_
