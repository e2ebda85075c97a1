#include "gate/timing_check.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/confidence.h"
#include "benchgate/stats/percentile.h"
#include "stats/signed_rank.h"

namespace benchgate {
namespace {

CheckDecision Decide(double lower, double upper, double limit) {
  if (upper <= limit) return CheckDecision::kPass;
  if (lower > limit) return CheckDecision::kFail;
  return CheckDecision::kUndecided;
}

}  // namespace

const char* CheckDecisionName(CheckDecision decision) noexcept {
  switch (decision) {
    case CheckDecision::kPass:
      return "pass";
    case CheckDecision::kFail:
      return "fail";
    case CheckDecision::kUndecided:
      break;
  }
  return "undecided";
}

TimingCheck QuantileAtMost(SampleView values, double q, double limit, double level) {
  TimingCheck check;
  check.samples = values.size();
  const ConfidenceInterval interval = QuantileConfidenceInterval(values, q, level);
  check.status = interval.status;
  if (interval.status != StatStatus::kOk) return check;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  check.estimate = QuantileOfSorted(sorted, q);
  check.lower = interval.lower;
  check.upper = interval.upper;
  check.decision = Decide(check.lower, check.upper, limit);
  return check;
}

TimingCheck RatioAtMost(SampleView reference, SampleView candidate, double max_ratio,
                        double level) {
  TimingCheck check;
  std::vector<double> d;
  const std::size_t n = std::min(reference.size(), candidate.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (reference[i] > 0 && candidate[i] > 0) d.push_back(std::log(candidate[i] / reference[i]));
  }
  check.samples = d.size();
  const OneSampleShift shift = HodgesLehmannOneSample(d, level);
  check.status = shift.status;
  if (shift.status != StatStatus::kOk) return check;
  check.estimate = std::exp(shift.estimate);
  check.lower = std::exp(shift.lower);
  check.upper = std::exp(shift.upper);
  check.decision = Decide(check.lower, check.upper, max_ratio);
  return check;
}

}  // namespace benchgate
