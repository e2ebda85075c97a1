#include "run/shard_selection.h"

#include <benchmark/benchmark.h>

#include "benchgate/error.h"
#include "gate/more_rounds.h"
#include "model/shard.h"
#include "run/benchmark_listing.h"

namespace benchgate {

void SelectShard(const Options& options, const std::string& binary,
                 const std::vector<std::string>& user_args) {
  if (!options.shard) return;
  // The listing child lists the whole selection: a listing ignores shards.
  const std::vector<std::string> selected =
      ListBenchmarks(binary, user_args, {}, options.timeout_seconds);
  const std::vector<std::string> mine = NamesInShard(selected, *options.shard);
  if (mine.empty()) {
    throw Error("--benchgate_shard", "",
                "expected benchmarks in shard " + ShardName(*options.shard) + ", got none of the " +
                    std::to_string(selected.size()) +
                    " selected (fewer shards, or a wider --benchmark_filter)");
  }
  benchmark::SetBenchmarkFilter(ExactNameFilter(mine));
}

}  // namespace benchgate
