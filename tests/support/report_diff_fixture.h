// A hand-built benchgate-diff result shared by the renderer tests: every
// verdict once, a name full of characters that need escaping, deterministic
// samples. Every number is chosen, none computed, so the approved files can
// be read and checked by eye.
#ifndef BENCHGATE_TESTS_SUPPORT_REPORT_DIFF_FIXTURE_H_
#define BENCHGATE_TESTS_SUPPORT_REPORT_DIFF_FIXTURE_H_

#include <map>
#include <string>
#include <vector>

#include "gate/analysis.h"
#include "report/render_options.h"

namespace benchgate::diff_fixture {

inline constexpr const char* kNastyName = "BM_Esc<script>alert('x|y')</script>&\"q\"";

// Ten samples around `median`: median * (1 + k / 100), k = -4..5 (their
// type-7 median is median * 1.005; the renderers never recompute it).
inline std::vector<double> SamplesAround(double median) {
  std::vector<double> samples;
  for (int k = -4; k <= 5; ++k) samples.push_back(median * (1 + k / 100.0));
  return samples;
}

inline BenchmarkAnalysis Measured(const std::string& name, double median_ns, double cv) {
  BenchmarkAnalysis b;
  b.samples.name = name;
  b.samples.real_time_ns = SamplesAround(median_ns);
  b.samples.cpu_time_ns = b.samples.real_time_ns;
  b.real_time.status = StatStatus::kOk;
  b.real_time.n = 10;
  b.real_time.median = median_ns;
  b.real_time.mean = median_ns;
  b.real_time.min = median_ns * 0.96;
  b.real_time.max = median_ns * 1.05;
  b.real_time.stddev = median_ns * cv;
  b.real_time.median_ci_status = StatStatus::kOk;
  b.real_time.median_ci_lo = median_ns * 0.99;
  b.real_time.median_ci_hi = median_ns * 1.02;
  b.real_time.p90 = median_ns * 1.05;
  b.real_time.p99 = median_ns * 1.2;
  b.real_time.cv = cv;
  b.cpu_time = b.real_time;
  b.iterations = 5000;
  return b;
}

// Ten samples a side, an exact p-value, a tolerance of 5%.
inline Comparison Compared(double base, double cand, double change, double lo, double hi, double p,
                           double p_adjusted) {
  Comparison c;
  c.baseline_n = c.candidate_n = 10;
  c.baseline_median = base;
  c.candidate_median = cand;
  c.change = change;
  c.change_lo = lo;
  c.change_hi = hi;
  c.change_status = StatStatus::kOk;
  c.p_value = p;
  c.p_method = "exact";
  c.p_adjusted = p_adjusted;
  c.tolerance = 0.05;
  return c;
}

inline BenchmarkAnalysis Judged(const std::string& name, VerdictStatus status, double base,
                                double cand, double change, double lo, double hi, double p,
                                double p_adjusted, const std::string& reason) {
  BenchmarkAnalysis b = Measured(name, cand, 0.01);
  Comparison c = Compared(base, cand, change, lo, hi, p, p_adjusted);
  c.shift = change;
  c.shift_lo = lo;
  c.shift_hi = hi;
  c.shift_status = StatStatus::kOk;
  c.p_value_all = p;  // nothing set aside: the decision's test is the plain one
  c.p_method_all = "exact";
  c.baseline_spread = c.candidate_spread = 0.01;
  b.comparison = c;
  b.status = status;
  b.reasons = {reason};
  return b;
}

// Candidate order as AnalyzeSuite leaves it (removed ones last); the
// renderers put regressions first.
inline SuiteAnalysis DiffSuite() {
  using V = VerdictStatus;
  SuiteAnalysis suite;
  suite.has_baseline = true;
  suite.benchmarks.push_back(Judged("BM_Lookup", V::kUnchanged, 52, 52.5, 0.0096, -0.01, 0.02, 0.48,
                                    0.72, "+1.0% [-1.0%, +2.0%], p=0.48 adj 0.72"));
  BenchmarkAnalysis hash = Judged("BM_Hash/64", V::kRegression, 100, 107, 0.07, 0.05, 0.09, 2e-4,
                                  1e-3, "+7.0% [+5.0%, +9.0%], p=0.0002 adj 0.0010");
  // Its slowest candidate sample was set aside as interference: the
  // decision's test ran on the other nine.
  hash.comparison->candidate_set_aside = {9};
  hash.comparison->p_method = "trimmed-exact";
  hash.comparison->p_value_all = 4e-4;
  suite.benchmarks.push_back(hash);
  suite.benchmarks.push_back(Judged("BM_Sort/1024", V::kRegression, 10'000, 13'000, 0.3, 0.28, 0.33,
                                    1.1e-5, 3.3e-5, "+30.0% [+28.0%, +33.0%]"));
  suite.benchmarks.push_back(Judged(kNastyName, V::kImprovement, 2'000, 1'500, -0.25, -0.27, -0.23,
                                    1.1e-5, 3.3e-5, "-25.0% [-27.0%, -23.0%]"));
  suite.benchmarks.push_back(Judged("BM_Copy/64", V::kImprovement, 200, 190, -0.05, -0.07, -0.03,
                                    3e-3, 6e-3, "-5.0% [-7.0%, -3.0%]"));
  suite.benchmarks.push_back(Judged("BM_Alloc", V::kBudgetExceeded, 1'000, 1'000, 0, -0.01, 0.01,
                                    0.9, 0.9, "p99 1.20 us [1.10 us, 1.30 us] > budget 1.00 us"));
  BenchmarkAnalysis noisy = Judged("BM_Noisy", V::kInconclusive, 100, 110, 0.1, -0.2, 0.4, 0.2, 0.4,
                                   "unstable: CV 12.0% > 5.0%");
  noisy.real_time.cv = 0.12;
  noisy.undecided = Undecided::kUnstable;
  noisy.comparison->candidate_spread = 0.12;
  suite.benchmarks.push_back(noisy);
  BenchmarkAnalysis added = Measured("BM_New", 2.5e6, 0.01);
  added.status = V::kAdded;
  added.reasons = {"not in the baseline"};
  suite.benchmarks.push_back(added);
  BenchmarkAnalysis broken;
  broken.samples.name = "BM_Broken";
  broken.samples.errored = true;
  broken.samples.error_message = "connection refused";
  broken.status = V::kError;
  broken.reasons = {"errored: connection refused"};
  suite.benchmarks.push_back(broken);
  // Google Benchmark 1.8's SkipWithMessage: reported, not judged, no error.
  BenchmarkAnalysis skipped;
  skipped.samples.name = "BM_NoGpu";
  skipped.samples.errored = true;
  skipped.samples.skipped = true;
  skipped.samples.error_message = "no GPU on this machine";
  skipped.status = V::kSkipped;
  skipped.reasons = {"no GPU on this machine"};
  suite.benchmarks.push_back(skipped);
  BenchmarkAnalysis gone;
  gone.samples.name = "BM_Gone";
  gone.status = V::kRemoved;
  gone.reasons = {"in the baseline only"};
  suite.benchmarks.push_back(gone);
  suite.regressions = 2;
  suite.improvements = 2;
  suite.unchanged = 1;
  suite.budget_exceeded = 1;
  suite.inconclusive = 1;
  suite.added = 1;
  suite.errored = 1;
  suite.skipped = 1;
  suite.removed = 1;
  suite.gate_failed = true;
  suite.warnings = {"BM_Noisy: unstable: CV 12.0% > 5.0%"};
  suite.undecided = {{"unstable", 1}};
  return suite;
}

// Nothing regressed, but two of the three benchmarks stayed undecided after
// two extra rounds: with --max-undecided 10% that alone fails the gate.
inline SuiteAnalysis UndecidedSuite() {
  using V = VerdictStatus;
  SuiteAnalysis suite;
  suite.has_baseline = true;
  suite.benchmarks.push_back(Judged("BM_Lookup", V::kUnchanged, 52, 52.5, 0.0096, -0.01, 0.02, 0.48,
                                    0.72, "+1.0% [-1.0%, +2.0%], p=0.48 adj 0.72"));
  BenchmarkAnalysis noisy = Judged("BM_Noisy", V::kInconclusive, 100, 110, 0.1, -0.2, 0.4, 0.2, 0.4,
                                   "unstable: robust spread of the candidate 12.0% above the "
                                   "5.0% limit");
  noisy.undecided = Undecided::kUnstable;
  noisy.more_helps = true;
  noisy.extra_rounds = 2;
  noisy.comparison->candidate_spread = 0.12;
  suite.benchmarks.push_back(noisy);
  // Round 1 of three (positions 4 to 6) was disturbed as a whole.
  BenchmarkAnalysis wide =
      Judged("BM_Wide", V::kInconclusive, 100, 108, 0.08, 0.01, 0.15, 0.01, 0.02,
             "+8.0% [+1.0%, +15.0%], p=0.01 adj 0.02 <= tolerance 5.0%; "
             "undecided: the estimate is beyond the tolerance and its "
             "interval straddles it");
  wide.undecided = Undecided::kStraddles;
  wide.more_helps = true;
  wide.extra_rounds = 2;
  wide.samples.rounds = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
  wide.comparison->candidate_rounds = 3;
  wide.comparison->candidate_rounds_set_aside = {1};
  wide.comparison->candidate_set_aside = {4, 5, 6};
  wide.comparison->p_method = "trimmed-exact";
  wide.comparison->p_value_all = 0.03;
  suite.benchmarks.push_back(wide);
  suite.unchanged = 1;
  suite.inconclusive = 2;
  suite.undecided = {{"unstable", 1}, {"interval straddles the tolerance", 1}};
  suite.extra_rounds = 2;
  suite.max_undecided = 0.1;
  suite.too_many_undecided = true;
  suite.gate_failed = true;
  return suite;
}

// "2 undecided (1 unstable, 1 interval straddles the tolerance) after 2
// extra rounds; more than 10.0% undecided fails the gate": UndecidedText()
// of UndecidedSuite(), written out to check every format by eye.
inline constexpr const char* kUndecidedText =
    "2 undecided (1 unstable, 1 interval straddles the tolerance) after 2 extra rounds; more "
    "than 10.0% undecided fails the gate";

inline RenderOptions DiffOptions() {
  RenderOptions options;
  options.baseline_label = "base.json";
  options.candidate_label = "cand.json";
  return options;
}

}  // namespace benchgate::diff_fixture

#endif  // BENCHGATE_TESTS_SUPPORT_REPORT_DIFF_FIXTURE_H_
