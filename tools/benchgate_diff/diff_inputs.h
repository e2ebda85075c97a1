// benchgate-diff's inputs: files and directories of runs, read through the
// same io/ readers as everything else, merged per side and filtered.
#ifndef BENCHGATE_TOOLS_DIFF_INPUTS_H_
#define BENCHGATE_TOOLS_DIFF_INPUTS_H_

#include <string>
#include <vector>

#include "model/sample_set.h"

namespace benchgate::diff {

// Each argument is a run file or a directory, which stands for its *.json
// files in name order (an empty directory is an error naming it).
std::vector<std::string> ExpandRunPaths(const std::vector<std::string>& paths);

// Reads every file, several at once (one per core): parsing is most of
// benchgate-diff's time. On bad input, the error of the first bad file in
// the given order.
std::vector<RunData> ReadRuns(const std::vector<std::string>& files);

// The runs of one side merged into one (MergeRuns); `files` names them.
RunData MergeSide(std::vector<RunData> runs, const std::vector<std::string>& files);

// The runs of one side that are shards (--benchgate_shard) must be all of
// them: one split (the same N), each shard once, none missing, no benchmark
// in two, one environment; a mix of shards and whole runs is refused. One
// line naming the file, exit 2 (benchgate::Error). Runs without shards pass.
void CheckShards(const std::vector<const RunData*>& runs, const std::vector<std::string>& files);

// No benchmark in two of these runs (the shards of one suite, or one round
// of each): benchgate::Error naming the later file otherwise.
void CheckNoBenchmarkInTwo(const std::vector<const RunData*>& runs,
                           const std::vector<std::string>& files);

// Keeps, in every run, the benchmarks whose name matches `regex` (searched,
// as Google Benchmark's --benchmark_filter does; compiled once for all runs).
// Throws benchgate::Error naming --filter for an invalid expression.
void FilterBenchmarks(std::vector<RunData>& runs, const std::string& regex);

// "FILE: only aggregate rows; BM_X compared by its median, no test possible"
// for every benchmark that has no per-repetition samples.
std::vector<std::string> AggregateOnlyWarnings(const RunData& run);

}  // namespace benchgate::diff

#endif  // BENCHGATE_TOOLS_DIFF_INPUTS_H_
