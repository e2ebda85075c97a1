#include "gate/run_warnings.h"

#include <cstddef>
#include <utility>

namespace benchgate {
namespace {

const std::string* FieldOf(const RunData& run, const std::string& name) {
  for (const auto& [field, value] : run.environment) {
    if (field == name) return &value;
  }
  return nullptr;
}

// "compiler_version 12.2.0 vs 13.2.0, build_type release vs debug", at most
// three fields and how many more; "" when the files do not say.
std::string DifferingFields(const RunData& baseline, const RunData& candidate) {
  std::vector<std::string> differing;
  for (const auto& [field, value] : baseline.environment) {
    const std::string* other = FieldOf(candidate, field);
    if (other == nullptr || *other == value) continue;
    // The cache list is long JSON; that it differs is what matters.
    differing.push_back(field == "caches" ? "caches" : field + " " + value + " vs " + *other);
  }
  std::string text;
  for (std::size_t i = 0; i < differing.size() && i < 3; ++i) {
    text += (i == 0 ? "" : ", ") + differing[i];
  }
  if (differing.size() > 3) text += " and " + std::to_string(differing.size() - 3) + " more";
  return text;
}

}  // namespace

std::string EnvironmentDifference(const RunData& baseline, const RunData& candidate) {
  if (baseline.environment_key.empty() || candidate.environment_key.empty() ||
      baseline.environment_key == candidate.environment_key) {
    return "";
  }
  std::string what = DifferingFields(baseline, candidate);
  if (what.empty()) {
    what = "environment keys " + baseline.environment_key + " vs " + candidate.environment_key;
  }
  return "the baseline and the candidate were measured in different environments (" + what +
         "): a change may be the environment's, not the code's";
}

std::vector<std::string> ComparisonWarnings(const RunData& baseline, const RunData& candidate) {
  std::vector<std::string> warnings;
  const std::string environments = EnvironmentDifference(baseline, candidate);
  if (!environments.empty()) warnings.push_back(environments);
  for (const std::string& warning : baseline.warnings) {
    // Of one kind on both sides ("high load" with another load average): once.
    warnings.push_back(HoldsWarningKind(candidate.warnings, warning) ? warning
                                                                     : "baseline: " + warning);
  }
  for (const std::string& warning : candidate.warnings) {
    if (!HoldsWarningKind(baseline.warnings, warning)) warnings.push_back("candidate: " + warning);
  }
  return warnings;
}

}  // namespace benchgate
