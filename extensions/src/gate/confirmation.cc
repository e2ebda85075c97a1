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

template <typename T>
void Append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
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
    const SampleSet& more = *it->second;
    Append(set.real_time_ns, more.real_time_ns);
    Append(set.cpu_time_ns, more.cpu_time_ns);
    Append(set.iterations, more.iterations);
    for (const auto& [name, values] : more.counters) Append(set.counters[name], values);
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
