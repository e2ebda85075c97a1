#include "model/shard.h"

#include <charconv>
#include <cstdint>

#include "benchgate/error.h"

namespace benchgate {
namespace {

std::optional<int> WholeNumber(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Shard> ParseShard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::optional<int> index = WholeNumber(text.substr(0, slash));
  const std::optional<int> count = WholeNumber(text.substr(slash + 1));
  if (!index || !count || *count < 1 || *count > kMaxShards || *index < 1 || *index > *count) {
    return std::nullopt;
  }
  return Shard{*index, *count};
}

std::string ShardExpected() { return "K/N, 1 <= K <= N <= " + std::to_string(kMaxShards); }

std::string ShardName(const Shard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

int ShardOfName(std::string_view name, int count) {
  // FNV-1a, 64 bits (Fowler, Noll, Vo): bytes of the name as written.
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return 1 + static_cast<int>(hash % static_cast<std::uint64_t>(count < 1 ? 1 : count));
}

std::vector<std::string> NamesInShard(const std::vector<std::string>& names, const Shard& shard) {
  std::vector<std::string> in;
  for (const std::string& name : names) {
    if (ShardOfName(name, shard.count) == shard.index) in.push_back(name);
  }
  return in;
}

std::vector<std::string> NamesToRun(const std::vector<std::string>& selected, const Shard& shard,
                                    const std::string& flag) {
  std::vector<std::string> in = NamesInShard(selected, shard);
  if (in.empty()) {
    throw Error(flag, "",
                "expected benchmarks in shard " + ShardName(shard) + ", got none of the " +
                    std::to_string(selected.size()) +
                    " selected (fewer shards, or a wider --benchmark_filter)");
  }
  return in;
}

}  // namespace benchgate
