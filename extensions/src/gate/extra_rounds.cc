// Confirmation re-runs, the judging half: which benchmarks are suspects,
// merging their extra samples, and what the second verdict means.
#include <algorithm>
#include <map>
#include <string>

#include "benchgate/gate/analysis.h"

namespace benchgate {
namespace {

bool Fails(VerdictStatus status) {
  return status == VerdictStatus::kRegression || status == VerdictStatus::kBudgetExceeded;
}

}  // namespace

std::vector<std::string> Suspects(const SuiteAnalysis& suite) {
  std::vector<std::string> names;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    if (Fails(b.status)) names.push_back(b.samples.name);
  }
  return names;
}

void MergeSamples(RunData& run, const RunData& extra) {
  std::map<std::string, const SampleSet*> by_name;
  for (const SampleSet& set : extra.benchmarks) by_name.emplace(set.name, &set);
  for (SampleSet& set : run.benchmarks) {
    const auto it = by_name.find(set.name);
    if (it == by_name.end() || it->second->errored) continue;
    AppendSamples(set, *it->second);
  }
}

void MarkConfirmation(SuiteAnalysis& suite, const std::vector<std::string>& suspects, int rounds) {
  const std::string after = " after " + std::to_string(rounds) + " confirmation round" +
                            (rounds == 1 ? "" : "s");
  for (BenchmarkAnalysis& b : suite.benchmarks) {
    if (std::find(suspects.begin(), suspects.end(), b.samples.name) == suspects.end()) continue;
    if (Fails(b.status)) {
      b.confirmation = "confirmed";
      b.reasons.push_back("confirmed" + after);
    } else {
      b.confirmation = "cleared";
      b.reasons.push_back("cleared" + after + ": the first verdict did not hold");
    }
  }
}

}  // namespace benchgate
