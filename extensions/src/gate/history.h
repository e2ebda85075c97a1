// The history of earlier runs: per environment key and benchmark, the last
// runs' medians. Adaptive thresholds learn each benchmark's run-to-run noise
// on each machine from it. Pure data and operations; the file is io/'s job
// (io/history_file.h).
#ifndef BENCHGATE_GATE_HISTORY_H_
#define BENCHGATE_GATE_HISTORY_H_

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace benchgate {

struct HistoryEntry {
  double median_ns = 0;  // finite, >= 0
  double mad_ns = 0;     // finite, >= 0
  std::size_t n = 0;     // samples behind the median
  std::string time;      // ISO 8601 UTC, "2026-11-22T10:00:00Z"; one value per run
  std::string commit;    // git commit, "unknown" when not known
};

// Benchmark name -> entries, oldest first.
using BenchmarkHistory = std::map<std::string, std::vector<HistoryEntry>>;

struct History {
  std::map<std::string, BenchmarkHistory> environments;  // by environment key
};

inline constexpr std::size_t kDefaultHistoryRuns = 30;
inline constexpr std::size_t kDefaultHistoryEnvironments = 16;

// Appends one run (all its entries share one `time`) to one environment and
// keeps the history bounded, so that the file is at most
// max_environments x (benchmarks of the last max_runs runs) x max_runs
// entries however long it is used:
//  - each benchmark keeps its last `max_runs` entries (0 counts as 1);
//  - a benchmark none of whose entries is among the environment's last
//    `max_runs` runs is dropped (it was removed or renamed). Runs are told
//    apart by their `time` (ISO 8601 sorts as text); entries of one second
//    count as one run, which only keeps more. A benchmark of this run is
//    never dropped, even when the clock went backwards;
//  - at most `max_environments` environments (0 counts as 1) are kept: this
//    one, then those whose newest entry is newest (ties: by key).
// Entries with a non-finite or negative median or MAD are skipped: they
// would make the file unreadable, and such a run has nothing to teach.
void AppendRun(History& history, const std::string& environment_key,
               const std::vector<std::pair<std::string, HistoryEntry>>& entries,
               std::size_t max_runs = kDefaultHistoryRuns,
               std::size_t max_environments = kDefaultHistoryEnvironments);

}  // namespace benchgate

#endif  // BENCHGATE_GATE_HISTORY_H_
