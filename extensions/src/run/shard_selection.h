// --benchgate_shard=K/N in the runner: Google Benchmark's listing of the
// user's selection (run/benchmark_listing.h), the names of shard K
// (model/shard.h), and an exact --benchmark_filter for them, set before
// anything runs.
#ifndef BENCHGATE_RUN_SHARD_SELECTION_H_
#define BENCHGATE_RUN_SHARD_SELECTION_H_

#include <string>
#include <vector>

#include "run/options.h"

namespace benchgate {

// Sets Google Benchmark's filter to the benchmarks of options.shard, listed
// by running `binary` (this one) with `user_args`. Nothing without a shard.
// Throws benchgate::Error when the shard holds none of the selected
// benchmarks.
void SelectShard(const Options& options, const std::string& binary,
                 const std::vector<std::string>& user_args);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_SHARD_SELECTION_H_
