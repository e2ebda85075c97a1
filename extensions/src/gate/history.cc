#include "benchgate/gate/history.h"

namespace benchgate {

void AppendRun(History& history, const std::string& environment_key,
               const std::vector<std::pair<std::string, HistoryEntry>>& entries,
               std::size_t max_runs) {
  BenchmarkHistory& benchmarks = history.environments[environment_key];
  for (const auto& [name, entry] : entries) {
    std::vector<HistoryEntry>& series = benchmarks[name];
    series.push_back(entry);
    if (series.size() > max_runs) {
      series.erase(series.begin(), series.end() - static_cast<std::ptrdiff_t>(max_runs));
    }
  }
}

}  // namespace benchgate
