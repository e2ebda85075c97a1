// One Google Benchmark JSON document from several processes' documents: the
// first one's "context", every document's "benchmarks" rows in order. What
// the instructions measure writes for --benchmark_out and builds its
// enriched JSON on, after counting each benchmark in a process of its own.
#ifndef BENCHGATE_IO_GBENCH_JSON_MERGE_H_
#define BENCHGATE_IO_GBENCH_JSON_MERGE_H_

#include <string>
#include <vector>

namespace benchgate {

// `documents` are (label, text) pairs; a text that is not a Google Benchmark
// JSON object with a "benchmarks" array throws benchgate::Error naming its
// label. No documents: an empty "benchmarks" array and no context.
std::string MergeGbenchJson(const std::vector<std::pair<std::string, std::string>>& documents);

}  // namespace benchgate

#endif  // BENCHGATE_IO_GBENCH_JSON_MERGE_H_
