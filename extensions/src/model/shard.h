// Shards (DESIGN.md, "Shards"): K/N selects a stable 1/N of the benchmarks
// by name, the same split in every tool and on every machine, so a CI
// matrix of N jobs covers a suite once: a benchmark is in shard
// 1 + FNV-1a-64(name) mod N. By name alone, so adding a benchmark never
// moves another between shards.
#ifndef BENCHGATE_MODEL_SHARD_H_
#define BENCHGATE_MODEL_SHARD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate {

inline constexpr int kMaxShards = 1000;

struct Shard {
  int index = 1;  // 1-based
  int count = 1;
  bool operator==(const Shard& other) const { return index == other.index && count == other.count; }
};

// "K/N" with 1 <= K <= N <= kMaxShards; nullopt for anything else.
std::optional<Shard> ParseShard(std::string_view text);

// What ParseShard takes, for the error of a flag that refused a value.
std::string ShardExpected();

// "2/3".
std::string ShardName(const Shard& shard);

// The shard (1..count) that holds this benchmark.
int ShardOfName(std::string_view name, int count);

// The names in `shard`, in their order.
std::vector<std::string> NamesInShard(const std::vector<std::string>& names, const Shard& shard);

// The same, for a run: a shard that holds none of the `selected` names is a
// mistake in the matrix, a benchgate::Error naming `flag`.
std::vector<std::string> NamesToRun(const std::vector<std::string>& selected, const Shard& shard,
                                    const std::string& flag);

}  // namespace benchgate

#endif  // BENCHGATE_MODEL_SHARD_H_
