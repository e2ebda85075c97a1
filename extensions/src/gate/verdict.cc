#include "gate/verdict.h"

namespace benchgate {

const char* VerdictStatusName(VerdictStatus status) noexcept {
  switch (status) {
    case VerdictStatus::kPass:
      return "pass";
    case VerdictStatus::kUnchanged:
      return "unchanged";
    case VerdictStatus::kImprovement:
      return "improvement";
    case VerdictStatus::kRegression:
      return "regression";
    case VerdictStatus::kInconclusive:
      return "inconclusive";
    case VerdictStatus::kBudgetExceeded:
      return "budget_exceeded";
    case VerdictStatus::kAdded:
      return "added";
    case VerdictStatus::kRemoved:
      return "removed";
    case VerdictStatus::kError:
      return "error";
    case VerdictStatus::kSkipped:
      return "skipped";
  }
  return "unknown";
}

const char* UndecidedName(Undecided reason) noexcept {
  switch (reason) {
    case Undecided::kNone:
      return "decided";
    case Undecided::kTooFew:
      return "too few samples";
    case Undecided::kUnstable:
      return "unstable";
    case Undecided::kStraddles:
      return "interval straddles the tolerance";
    case Undecided::kOptimisedAway:
      return "optimised away";
    case Undecided::kBudgetUncertain:
      return "budget limit inside the interval";
    case Undecided::kNoBaseline:
      return "no baseline samples";
    case Undecided::kNondeterministic:
      return "nondeterministic";
    case Undecided::kNotCounted:
      return "not counted";
    case Undecided::kMachineSpeed:
      return "machine speed differs";
  }
  return "unknown";
}

ShownChange DecidedChange(const Comparison& c) {
  if (c.shift_status == StatStatus::kOk) return {c.shift, c.shift_lo, c.shift_hi, true};
  return {c.change, c.change_lo, c.change_hi, c.change_status == StatStatus::kOk};
}

}  // namespace benchgate
