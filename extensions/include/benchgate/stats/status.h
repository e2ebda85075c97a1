// Why a statistic could not be computed. Every result struct of stats/ carries
// one: numeric fields are 0 (never NaN) when the status is not kOk.
#ifndef BENCHGATE_STATS_STATUS_H_
#define BENCHGATE_STATS_STATUS_H_

namespace benchgate {

enum class StatStatus {
  kOk,
  kEmpty,        // no values
  kTooFew,       // fewer values than the statistic needs (e.g. one value)
  kAllEqual,     // no spread: a ratio to the spread is undefined
  kNonFinite,    // NaN or infinity in the input
  kInvalidArgument,  // a level or probability outside its range
};

// Stable lowercase name used in JSON and reports: "ok", "empty", ...
const char* StatStatusName(StatStatus status) noexcept;

}  // namespace benchgate

#endif  // BENCHGATE_STATS_STATUS_H_
