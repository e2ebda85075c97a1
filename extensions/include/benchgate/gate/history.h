// The history of earlier runs: per environment key and benchmark, the last
// runs' medians. Adaptive thresholds learn each benchmark's run-to-run noise
// on each machine from it.
#ifndef BENCHGATE_GATE_HISTORY_H_
#define BENCHGATE_GATE_HISTORY_H_

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace benchgate {

struct HistoryEntry {
  double median_ns = 0;
  double mad_ns = 0;
  std::size_t n = 0;
  std::string time;    // ISO 8601 UTC
  std::string commit;  // git commit, "unknown" when not known
};

// Benchmark name -> entries, oldest first.
using BenchmarkHistory = std::map<std::string, std::vector<HistoryEntry>>;

struct History {
  std::map<std::string, BenchmarkHistory> environments;  // by environment key
};

inline constexpr std::size_t kDefaultHistoryRuns = 30;

// Appends one run and keeps the last `max_runs` entries per benchmark, so
// each benchmark's series stays bounded. (A removed benchmark keeps its last
// entries; the file grows only with the number of distinct benchmarks.)
void AppendRun(History& history, const std::string& environment_key,
               const std::vector<std::pair<std::string, HistoryEntry>>& entries,
               std::size_t max_runs = kDefaultHistoryRuns);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_HISTORY_H_
