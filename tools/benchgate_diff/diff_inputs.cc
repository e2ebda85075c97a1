#include "diff_inputs.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <system_error>
#include <thread>

#include "benchgate/error.h"
#include "gate/name_pattern.h"
#include "io/run_reader.h"

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

// A file costs about its size while it is read (rows are streamed out of the
// parser, never one tree): above this many bytes in all, files are read one
// at a time, so that 2 x 300 MB of input stays well within 2 GiB.
constexpr std::uintmax_t kParallelReadLimit = 1024u << 20;

std::vector<RunData> ReadRuns(const std::vector<std::string>& files) {
  std::uintmax_t bytes = 0;
  for (const std::string& file : files) {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(file, error);
    if (!error) bytes += size;
  }
  const std::size_t width =
      bytes > kParallelReadLimit ? 1 : std::max(1u, std::thread::hardware_concurrency());
  std::vector<RunData> runs;
  runs.reserve(files.size());
  for (std::size_t begin = 0; begin < files.size(); begin += width) {
    std::vector<std::future<RunData>> batch;
    for (std::size_t i = begin; i < std::min(files.size(), begin + width); ++i) {
      batch.push_back(
          std::async(std::launch::async, [&files, i] { return ReadRunFile(files[i]); }));
    }
    // Every future is waited for before the first error propagates.
    for (auto& future : batch) future.wait();
    for (auto& future : batch) runs.push_back(future.get());
  }
  return runs;
}

RunData MergeSide(std::vector<RunData> runs, const std::vector<std::string>& files) {
  if (runs.size() == 1) return std::move(runs.front());
  RunData merged = MergeRuns(runs);
  merged.source = files.front() + " (+" + std::to_string(files.size() - 1) + " merged)";
  return merged;
}

void CheckNoBenchmarkInTwo(const std::vector<const RunData*>& runs,
                           const std::vector<std::string>& files) {
  std::map<std::string, std::size_t> in_file;  // benchmark -> file
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (const SampleSet& set : runs[i]->benchmarks) {
      if (const auto [it, fresh] = in_file.emplace(set.name, i); !fresh && it->second != i) {
        throw Error(files[i], "",
                    "expected shards without a benchmark in common, " + set.name + " is also in " +
                        files[it->second]);
      }
    }
  }
}

void CheckShards(const std::vector<const RunData*>& runs, const std::vector<std::string>& files) {
  const RunData* first = nullptr;
  std::map<int, std::size_t> taken;  // shard index -> file
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunData& run = *runs[i];
    if (!run.shard) continue;
    if (first == nullptr) first = &run;
    if (run.shard->count != first->shard->count) {
      throw Error(files[i], "",
                  "expected shard k/" + std::to_string(first->shard->count) + " as " +
                      first->source + ", got " + ShardName(*run.shard));
    }
    if (run.environment_key != first->environment_key) {
      throw Error(files[i], "",
                  "expected the shards of one side from one binary and machine, got another "
                  "environment than " +
                      first->source);
    }
    if (const auto [it, fresh] = taken.emplace(run.shard->index, i); !fresh) {
      throw Error(files[i], "",
                  "expected each shard once, shard " + ShardName(*run.shard) + " is also " +
                      files[it->second]);
    }
  }
  if (first == nullptr) return;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!runs[i]->shard) {
      throw Error(
          files[i], "",
          "expected a shard (--benchgate_shard) like " + first->source + ", got a whole run");
    }
  }
  CheckNoBenchmarkInTwo(runs, files);
  for (int k = 1; k <= first->shard->count; ++k) {
    if (taken.count(k) == 0) {
      throw Error(first->source, "",
                  "expected all " + std::to_string(first->shard->count) + " shards, shard " +
                      ShardName(Shard{k, first->shard->count}) + " is missing");
    }
  }
}

void FilterBenchmarks(std::vector<RunData>& runs, const std::string& regex) {
  if (regex.empty()) return;
  std::string problem;
  const std::optional<NamePattern> pattern = NamePattern::Compile(regex, &problem);
  if (!pattern) {
    throw Error(
        "--filter", "",
        "expected a valid regular expression (RE2), got " + ShownPattern(regex) + ": " + problem);
  }
  for (RunData& run : runs) {
    auto& sets = run.benchmarks;
    sets.erase(
        std::remove_if(sets.begin(), sets.end(),
                       [&](const SampleSet& set) { return !pattern->MatchesPart(set.name); }),
        sets.end());
  }
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
