// benchgate/gtest.h's timing checks: the measuring (batches timed with
// steady_clock, interleaved for A/B) and the wording; the decision is
// gate/timing_check.h's, on the values measured here.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "gate/timing_check.h"
#include "benchgate/gtest.h"
#include "model/number_format.h"

namespace benchgate::testing {
namespace {

using Clock = std::chrono::steady_clock;

double NanosecondsOf(Clock::duration d) {
  return std::chrono::duration<double, std::nano>(d).count();
}

// Calls per batch so that one batch lasts at least min_batch (doubling from
// one call: the first calls also warm caches and lazily built state up).
std::int64_t CallsPerBatch(const std::function<void()>& callable, Clock::duration min_batch) {
  std::int64_t calls = 1;
  while (calls < (std::int64_t{1} << 40)) {
    const auto start = Clock::now();
    for (std::int64_t i = 0; i < calls; ++i) callable();
    if (Clock::now() - start >= min_batch) break;
    calls *= 2;
  }
  return calls;
}

// Nanoseconds per call of one batch.
double TimeBatch(const std::function<void()>& callable, std::int64_t calls) {
  const auto start = Clock::now();
  for (std::int64_t i = 0; i < calls; ++i) callable();
  return NanosecondsOf(Clock::now() - start) / static_cast<double>(calls);
}

bool UndecidedFails(const TimingOptions& options) {
  const char* env = std::getenv("BENCHGATE_UNDECIDED_FAILS");
  return options.undecided_fails || (env != nullptr && std::string(env) == "1");
}

std::string Interval(const TimingCheck& check, bool as_time) {
  const auto shown = [as_time](double v) {
    return as_time ? FormatDuration(v) : FormatChange(v - 1);
  };
  return shown(check.estimate) + " [" + shown(check.lower) + ", " + shown(check.upper) + "]";
}

// The verdict as GoogleTest sees it; an undecided check is recorded and
// printed, and passes unless the options make it fail.
::testing::AssertionResult Verdict(const TimingCheck& check, const std::string& subject,
                                   const std::string& measured, const std::string& details,
                                   const TimingOptions& options) {
  if (check.decision == CheckDecision::kPass) return ::testing::AssertionSuccess();
  if (check.decision == CheckDecision::kFail) {
    return ::testing::AssertionFailure() << subject << ": " << measured << " (" << details << ")";
  }
  const std::string reason =
      check.status == StatStatus::kOk ? measured : "too few samples for the interval";
  const std::string text = subject + ": could not decide: " + reason + " (" + details + ")";
  if (UndecidedFails(options)) return ::testing::AssertionFailure() << text;
  ::testing::Test::RecordProperty("benchgate_undecided", text);
  std::printf("[ UNDECIDED] %s\n", text.c_str());
  return ::testing::AssertionSuccess();
}

std::string Level(const TimingOptions& options) {
  return FormatPercent(options.level).append(" interval");
}

}  // namespace

TimingOptions& DefaultTimingOptions() {
  static TimingOptions options;
  return options;
}

::testing::AssertionResult MedianAtMost(const char* what, Nanoseconds limit,
                                        const std::function<void()>& callable) {
  const TimingOptions& options = DefaultTimingOptions();
  const std::int64_t calls = CallsPerBatch(callable, options.min_batch);
  std::vector<double> per_call;
  for (int i = 0; i < options.samples; ++i) per_call.push_back(TimeBatch(callable, calls));
  const TimingCheck check = QuantileAtMost(per_call, 0.5, limit.count(), options.level);
  return Verdict(check, std::string("median of ") + what, Interval(check, true) + " per call",
                 "limit " + FormatDuration(limit.count()) + "; " + std::to_string(options.samples) +
                     " batches of " + std::to_string(calls) +
                     (calls == 1 ? " call, " : " calls, ") + Level(options),
                 options);
}

::testing::AssertionResult PercentileAtMost(const char* what, double percent, Nanoseconds limit,
                                            const std::function<void()>& callable) {
  const TimingOptions& options = DefaultTimingOptions();
  if (!(percent > 0 && percent < 100)) {
    return ::testing::AssertionFailure()
           << "percentile of " << what << ": expected a percent between 0 and 100, got " << percent;
  }
  callable();  // the first call's set-up is not the steady state
  std::vector<double> per_call;
  for (int i = 0; i < options.percentile_samples; ++i) per_call.push_back(TimeBatch(callable, 1));
  const TimingCheck check = QuantileAtMost(per_call, percent / 100, limit.count(), options.level);
  std::string name = "p" + FormatCount(percent);
  return Verdict(check, name + " of " + what, Interval(check, true),
                 "limit " + FormatDuration(limit.count()) + "; " +
                     std::to_string(options.percentile_samples) + " calls, " + Level(options),
                 options);
}

::testing::AssertionResult NoSlowerThan(const char* what, double max_slowdown,
                                        const std::function<void()>& reference,
                                        const std::function<void()>& candidate) {
  const TimingOptions& options = DefaultTimingOptions();
  // One batch size for both, from the slower: equal work per batch.
  const std::int64_t calls = std::min(CallsPerBatch(reference, options.min_batch),
                                      CallsPerBatch(candidate, options.min_batch));
  std::mt19937_64 order(options.seed);
  std::vector<double> before, after;
  for (int i = 0; i < options.samples; ++i) {
    if (order() & 1) {
      before.push_back(TimeBatch(reference, calls));
      after.push_back(TimeBatch(candidate, calls));
    } else {
      after.push_back(TimeBatch(candidate, calls));
      before.push_back(TimeBatch(reference, calls));
    }
  }
  const TimingCheck check = RatioAtMost(before, after, 1 + max_slowdown, options.level);
  return Verdict(check, std::string("time of ") + what, Interval(check, false) + " per call",
                 "limit " + FormatChange(max_slowdown) + "; " + std::to_string(options.samples) +
                     " interleaved pairs of batches of " + std::to_string(calls) +
                     (calls == 1 ? " call, " : " calls, ") + Level(options),
                 options);
}

}  // namespace benchgate::testing
