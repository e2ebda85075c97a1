// Shards: K/N parsing and the split by name (FNV-1a 64 of the name mod N).
// Reference values: FNV-1a 64 of "" is 0xcbf29ce484222325 and of "a"
// 0xaf63dc4c8601ec8c (the published test vectors of Fowler, Noll and Vo);
// mod 1000 and mod 7 by Python's integers.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "model/shard.h"

namespace benchgate {
namespace {

TEST(ShardTest, ParsesKOfN) {
  EXPECT_EQ(ParseShard("1/1"), (Shard{1, 1}));
  EXPECT_EQ(ParseShard("3/7"), (Shard{3, 7}));
  EXPECT_EQ(ParseShard("1000/1000"), (Shard{1000, 1000}));
  for (const char* bad : {"", "/", "1/", "/3", "0/3", "4/3", "1/0", "1/1001", "a/3", "1/3 ", " 1/3",
                          "1/3/5", "+1/3", "-1/3", "1.0/3"}) {
    EXPECT_FALSE(ParseShard(bad).has_value()) << bad;
  }
  EXPECT_EQ(ShardName(Shard{2, 5}), "2/5");
}

TEST(ShardTest, SplitsByTheFnv1aHashOfTheName) {
  EXPECT_EQ(ShardOfName("", 1000), 38);  // 0xcbf29ce484222325 mod 1000 = 37
  EXPECT_EQ(ShardOfName("a", 7), 6);     // 0xaf63dc4c8601ec8c mod 7 = 5
  EXPECT_EQ(ShardOfName("anything", 1), 1);
}

TEST(ShardTest, EveryNameInExactlyOneShardAndTheShardsEven) {
  std::vector<std::string> names;
  for (int i = 0; i < 4000; ++i) names.push_back("BM_Case/" + std::to_string(i));
  std::map<std::string, int> seen;
  for (int k = 1; k <= 4; ++k) {
    const std::vector<std::string> in = NamesInShard(names, Shard{k, 4});
    // 1000 expected each; binomial standard error 27: within 5 of them.
    EXPECT_NEAR(static_cast<double>(in.size()), 1000.0, 135.0) << k;
    for (const std::string& name : in) ++seen[name];
  }
  EXPECT_EQ(seen.size(), names.size());
  for (const auto& [name, times] : seen) EXPECT_EQ(times, 1) << name;
  // A new benchmark moves no other: the split is by name alone.
  std::vector<std::string> more = names;
  more.insert(more.begin(), "BM_New");
  for (int k = 1; k <= 4; ++k) {
    std::vector<std::string> before = NamesInShard(names, Shard{k, 4});
    std::vector<std::string> after = NamesInShard(more, Shard{k, 4});
    after.erase(std::remove(after.begin(), after.end(), "BM_New"), after.end());
    EXPECT_EQ(before, after);
  }
}

}  // namespace
}  // namespace benchgate
