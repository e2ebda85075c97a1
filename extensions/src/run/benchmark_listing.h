// The benchmarks a binary would run: Google Benchmark's own listing
// (--benchmark_list_tests=true), run as a child process, so the selection
// is exactly what the user's flags make it, on every Google Benchmark
// version. The instructions measure counts each listed benchmark in a
// process of its own; shards run the listed ones of their shard.
#ifndef BENCHGATE_RUN_BENCHMARK_LISTING_H_
#define BENCHGATE_RUN_BENCHMARK_LISTING_H_

#include <string>
#include <vector>

namespace benchgate {

// The names, in order. `set_env`: NAME=VALUE entries for the child;
// `timeout_seconds` 0: no limit. Throws benchgate::Error naming `binary`
// when the child fails, with the telling line of its stderr.
std::vector<std::string> ListBenchmarks(const std::string& binary, std::vector<std::string> args,
                                        const std::vector<std::string>& set_env,
                                        double timeout_seconds);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_BENCHMARK_LISTING_H_
