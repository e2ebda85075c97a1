#include "run/shard_selection.h"

#include <benchmark/benchmark.h>

#include "gate/more_rounds.h"
#include "model/shard.h"
#include "run/benchmark_listing.h"
#include "run/counting_child.h"

namespace benchgate {

void SelectShard(const Options& options, const std::string& binary,
                 const std::vector<std::string>& user_args) {
  if (!options.shard) return;
  // The listing child lists the whole selection: it is told, as counting
  // children are, to take its flags alone; its listing shards nothing (Run).
  const std::vector<std::string> selected = ListBenchmarks(
      binary, user_args, {std::string(kCountingChildVariable) + "=" + kCountBenchmarks},
      options.timeout_seconds);
  const std::vector<std::string> mine = NamesToRun(selected, *options.shard, "--benchgate_shard");
  benchmark::SetBenchmarkFilter(ExactNameFilter(mine));
}

}  // namespace benchgate
