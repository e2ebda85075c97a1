// A user's unit test with benchgate's allocation assertions (C++17).
#include <benchgate/gtest.h>

#include <chrono>
#include <string>
#include <vector>

TEST(ConsumerAllocations, ReserveOnceThenNoMore) {
  std::vector<int> values;
  values.reserve(64);
  EXPECT_NO_ALLOCATIONS([&] {
    values.clear();
    for (int i = 0; i < 64; ++i) values.push_back(i);
  });
  EXPECT_ALLOCATIONS_AT_MOST(1, [] { std::string text(100, 'x'); });
  EXPECT_NO_NET_GROWTH(100, [] { std::vector<int> scratch(10); });
}

// A trivial call against a second: decided whatever the machine's noise.
TEST(ConsumerTiming, TrivialCallIsFast) {
  EXPECT_MEDIAN_AT_MOST(std::chrono::seconds(1), [] {});
}
