#include "benchgate/gate/analysis.h"

namespace benchgate {

const char* VerdictStatusName(VerdictStatus status) noexcept {
  switch (status) {
    case VerdictStatus::kPass: return "pass";
    case VerdictStatus::kUnchanged: return "unchanged";
    case VerdictStatus::kImprovement: return "improvement";
    case VerdictStatus::kRegression: return "regression";
    case VerdictStatus::kInconclusive: return "inconclusive";
    case VerdictStatus::kBudgetExceeded: return "budget_exceeded";
    case VerdictStatus::kAdded: return "added";
    case VerdictStatus::kRemoved: return "removed";
    case VerdictStatus::kError: return "error";
  }
  return "unknown";
}

}  // namespace benchgate
