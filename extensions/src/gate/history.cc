#include "gate/history.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

namespace benchgate {
namespace {

bool Usable(const HistoryEntry& entry) {
  return std::isfinite(entry.median_ns) && entry.median_ns >= 0 && std::isfinite(entry.mad_ns) &&
         entry.mad_ns >= 0;
}

std::string NewestTime(const std::vector<HistoryEntry>& series) {
  std::string newest;
  for (const HistoryEntry& entry : series) {
    newest = std::max(newest, entry.time);
  }
  return newest;
}

std::string NewestTime(const BenchmarkHistory& benchmarks) {
  std::string newest;
  for (const auto& [name, series] : benchmarks) {
    newest = std::max(newest, NewestTime(series));
  }
  return newest;
}

// Drops the benchmarks absent from the environment's last `keep` runs.
void DropStaleBenchmarks(BenchmarkHistory& benchmarks, const std::set<std::string>& recorded,
                         std::size_t keep) {
  std::set<std::string> times;
  for (const auto& [name, series] : benchmarks) {
    for (const HistoryEntry& entry : series) {
      times.insert(entry.time);
    }
  }
  if (times.size() <= keep) {
    return;
  }
  const std::string& cutoff = *std::next(times.rbegin(), static_cast<std::ptrdiff_t>(keep - 1));
  for (auto it = benchmarks.begin(); it != benchmarks.end();) {
    if (!recorded.contains(it->first) && NewestTime(it->second) < cutoff) {
      it = benchmarks.erase(it);
    } else {
      ++it;
    }
  }
}

// Keeps `current` and the most recently recorded others, `keep` in all.
void BoundEnvironments(History& history, const std::string& current, std::size_t keep) {
  if (history.environments.size() <= keep) {
    return;
  }
  std::vector<std::pair<std::string, std::string>> others;  // (newest time, key)
  for (const auto& [key, benchmarks] : history.environments) {
    if (key != current) {
      others.emplace_back(NewestTime(benchmarks), key);
    }
  }
  std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::size_t i = keep - 1; i < others.size(); ++i) {
    history.environments.erase(others[i].second);
  }
}

}  // namespace

void AppendRun(History& history, const std::string& environment_key,
               const std::vector<std::pair<std::string, HistoryEntry>>& entries,
               std::size_t max_runs, std::size_t max_environments) {
  const std::size_t keep = std::max<std::size_t>(max_runs, 1);
  BenchmarkHistory& benchmarks = history.environments[environment_key];
  std::set<std::string> recorded;
  for (const auto& [name, entry] : entries) {
    if (!Usable(entry)) {
      continue;
    }
    std::vector<HistoryEntry>& series = benchmarks[name];
    series.push_back(entry);
    if (series.size() > keep) {
      series.erase(series.begin(), series.end() - static_cast<std::ptrdiff_t>(keep));
    }
    recorded.insert(name);
  }
  DropStaleBenchmarks(benchmarks, recorded, keep);
  if (benchmarks.empty()) {
    history.environments.erase(environment_key);  // nothing usable: no empty shell
    return;
  }
  BoundEnvironments(history, environment_key, std::max<std::size_t>(max_environments, 1));
}

}  // namespace benchgate
