#include "diff_inputs.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <system_error>

#include "benchgate/error.h"
#include "benchgate/io/run_reader.h"

namespace benchgate::diff {

namespace fs = std::filesystem;

std::vector<std::string> ExpandRunPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      files.push_back(path);  // a missing file is reported by the reader
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(path, error)) {
      if (entry.path().extension() == ".json" && !entry.is_directory()) {
        found.push_back(entry.path().string());
      }
    }
    if (error) throw Error(path, "", "expected a readable directory (" + error.message() + ")");
    if (found.empty()) throw Error(path, "", "expected a directory with at least one *.json run");
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

RunData ReadSide(const std::vector<std::string>& files) {
  std::vector<RunData> runs;
  runs.reserve(files.size());
  for (const std::string& file : files) runs.push_back(ReadRunFile(file));
  if (runs.size() == 1) return std::move(runs.front());
  RunData merged = MergeRuns(runs);
  merged.source = files.front() + " (+" + std::to_string(files.size() - 1) + " merged)";
  return merged;
}

void FilterBenchmarks(RunData& run, const std::string& regex) {
  if (regex.empty()) return;
  std::regex pattern;
  try {
    pattern = std::regex(regex, std::regex::ECMAScript);
  } catch (const std::regex_error& error) {
    throw Error("--filter", "",
                "expected a valid regular expression, got '" + regex + "' (" + error.what() + ")");
  }
  auto& sets = run.benchmarks;
  sets.erase(
      std::remove_if(sets.begin(), sets.end(),
                     [&](const SampleSet& set) { return !std::regex_search(set.name, pattern); }),
      sets.end());
}

std::vector<std::string> AggregateOnlyWarnings(const RunData& run) {
  std::vector<std::string> warnings;
  for (const SampleSet& set : run.benchmarks) {
    if (set.aggregates_only) {
      warnings.push_back(run.source + ": " + set.name +
                         " has only aggregate rows; its median is used and no test is possible");
    }
  }
  return warnings;
}

}  // namespace benchgate::diff
