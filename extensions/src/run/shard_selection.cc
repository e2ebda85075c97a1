#include "run/shard_selection.h"

#include <benchmark/benchmark.h>

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
  const std::vector<std::string> mine = NamesToRun(selected, *options.shard, "--benchgate_shard");
  benchmark::SetBenchmarkFilter(ExactNameFilter(mine));
}

}  // namespace benchgate
