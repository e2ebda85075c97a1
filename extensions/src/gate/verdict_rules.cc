#include "gate/verdict_rules.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "gate/reasons.h"

namespace benchgate {
namespace {

// Inconclusive for a reason that no size or test can overrule; false when
// the benchmark can be judged.
bool JudgeUndecidable(BenchmarkAnalysis& b, const AnalysisConfig& config) {
  const Comparison& c = *b.comparison;
  const std::size_t kept_before = c.baseline_n - c.baseline_set_aside.size();
  const std::size_t kept_after = c.candidate_n - c.candidate_set_aside.size();
  const double fastest = std::min(c.baseline_median, c.candidate_median);
  if (IsTimeMetric(config.metric) && fastest < kOptimisedAwayNs) {
    MarkUndecided(b, Undecided::kOptimisedAway, false, OptimisedAwayReason(fastest));
  } else if (kept_before < config.min_samples || kept_after < config.min_samples) {
    MarkUndecided(b, Undecided::kTooFew, kept_after < config.min_samples,
                  TooFewSamplesReason(kept_before, kept_after, config.min_samples));
  } else if (c.baseline_majority || c.candidate_majority) {
    MarkUndecided(b, Undecided::kUnstable, !c.baseline_majority,
                  MostlySlowReason(c.baseline_majority));
  } else if (c.baseline_spread > config.max_cv || c.candidate_spread > config.max_cv) {
    // The baseline first: when it is unstable, more candidate rounds cannot help.
    const bool after = c.baseline_spread <= config.max_cv;
    MarkUndecided(
        b, Undecided::kUnstable, after,
        NoisySideReason(!after, after ? c.candidate_spread : c.baseline_spread, config.max_cv));
  } else {
    return false;
  }
  return true;
}

}  // namespace

bool Unstable(const BenchmarkAnalysis& b, const AnalysisConfig& config) {
  return b.judged.status == StatStatus::kOk && b.judged.spread > config.max_cv;
}

void MarkUndecided(BenchmarkAnalysis& b, Undecided why, bool more_helps, std::string reason) {
  b.status = VerdictStatus::kInconclusive;
  b.undecided = why;
  b.more_helps = more_helps;
  b.reasons.push_back(std::move(reason));
}

VerdictStatus SizedVerdict(const Comparison& c, const AnalysisConfig& config) {
  if (c.shift_status != StatStatus::kOk) return VerdictStatus::kUnchanged;
  const bool up_is_worse = !config.higher_is_better;
  const double worse = up_is_worse ? c.shift : -c.shift;
  const double worse_lo = up_is_worse ? c.shift_lo : -c.shift_hi;
  const double worse_hi = up_is_worse ? c.shift_hi : -c.shift_lo;
  const double margin = config.ci_margin * c.tolerance;
  if (worse > c.tolerance && worse_lo > margin) return VerdictStatus::kRegression;
  if (worse < -c.tolerance && worse_hi < -margin) return VerdictStatus::kImprovement;
  return VerdictStatus::kUnchanged;
}

void JudgeComparison(BenchmarkAnalysis& b, const AnalysisConfig& config) {
  const Comparison& c = *b.comparison;
  const std::string set_aside = SetAsideNote(c);
  if (!JudgeUndecidable(b, config)) {
    const bool significant = c.p_adjusted < config.alpha;
    b.status = significant ? SizedVerdict(c, config) : VerdictStatus::kUnchanged;
    const bool sized = b.status != VerdictStatus::kUnchanged;
    const std::string evidence =
        Evidence(c, sized ? ">" : (significant ? "<=" : "not significant;"));
    if (!sized && c.shift_status == StatStatus::kOk && std::abs(c.shift) > c.tolerance) {
      // Beyond the tolerance, but the interval reaches back inside it: more
      // samples can tell; calling it "unchanged" would vouch for nothing.
      MarkUndecided(b, Undecided::kStraddles, true, StraddlesReason(evidence));
    } else {
      b.reasons.push_back(evidence);
    }
  }
  if (!set_aside.empty()) b.reasons.push_back(set_aside);
}

}  // namespace benchgate
