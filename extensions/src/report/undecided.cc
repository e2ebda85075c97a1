#include "report/undecided.h"

#include "model/number_format.h"
#include "report/plain_text.h"

namespace benchgate {

std::string UndecidedText(const SuiteAnalysis& suite) {
  if (suite.inconclusive == 0 && !suite.too_many_undecided) return "";
  std::string text = std::to_string(suite.inconclusive) + " undecided";
  std::string reasons;
  for (const auto& [reason, count] : suite.undecided) {
    reasons += (reasons.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
  }
  if (!reasons.empty()) text += " (" + reasons + ")";
  if (suite.extra_rounds > 0) {
    text += " after " +
            report_detail::Counted(static_cast<std::size_t>(suite.extra_rounds), "extra round");
  }
  if (suite.too_many_undecided) {
    text += "; more than " + FormatPercent(suite.max_undecided) + " undecided fails the gate";
  }
  return text;
}

}  // namespace benchgate
