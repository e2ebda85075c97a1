// The model's merging: repeated runs of one suite, shards, and their rounds.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/sample_set.h"
#include "support/sample_sets.h"

namespace benchgate {
namespace {

using test::MakeRun;
using test::SampleSetOf;

// Three files of one suite: each is a process, so each keeps its own
// rounds, numbered after the previous file's last (file 0 has rounds 0 and
// 1, so file 1's round 0 becomes 2 and file 2's becomes 3).
TEST(MergeRunsTest, EveryFileIsABlockOfItsOwn) {
  const RunData merged = MergeRuns({MakeRun({SampleSetOf("A", {1, 2, 3}, {0, 0, 1})}),
                                    MakeRun({SampleSetOf("A", {4, 5}), SampleSetOf("B", {9})}),
                                    MakeRun({SampleSetOf("A", {6})})});
  ASSERT_EQ(merged.benchmarks.size(), 2u);
  EXPECT_EQ(merged.benchmarks[0].real_time_ns, (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(merged.benchmarks[0].rounds, (std::vector<std::uint32_t>{0, 0, 1, 2, 2, 3}));
  EXPECT_EQ(merged.benchmarks[1].rounds, (std::vector<std::uint32_t>{2}));
}

// One file stays exactly as it was read.
TEST(MergeRunsTest, OneFileIsUnchanged) {
  const RunData merged =
      MergeRuns({MakeRun({SampleSetOf("A", {1, 2}, {0, 1}), SampleSetOf("B", {3})})});
  EXPECT_EQ(merged.benchmarks[0].rounds, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_TRUE(merged.benchmarks[1].rounds.empty());
}

// Speed probes of the parts join into the whole's; a part without one, or
// with another loop's, leaves the whole without (it cannot speak for all).
TEST(MergeRunsTest, SpeedProbesJoinOnlyWhenEveryPartHasOne) {
  RunData first = MakeRun({SampleSetOf("A", {1})});
  RunData second = MakeRun({SampleSetOf("A", {2})});
  first.speed_probe = SpeedProbe{kSpeedProbeKind, {1.0e6, 1.1e6}};
  second.speed_probe = SpeedProbe{kSpeedProbeKind, {1.2e6}};
  const RunData merged = MergeRuns({first, second});
  ASSERT_TRUE(merged.speed_probe);
  EXPECT_EQ(merged.speed_probe->points_ns, (std::vector<double>{1.0e6, 1.1e6, 1.2e6}));
  RunData unprobed = MakeRun({SampleSetOf("A", {3})});
  EXPECT_FALSE(MergeRuns({first, unprobed}).speed_probe);
  EXPECT_FALSE(MergeRuns({unprobed, first}).speed_probe);
  second.speed_probe->kind = "another-loop/1";
  EXPECT_FALSE(MergeRuns({first, second}).speed_probe);
}

// Appending pads a side without rounds with round 0.
TEST(AppendSamplesTest, RoundsStayParallelToTheSamples) {
  SampleSet into = SampleSetOf("A", {1, 2});
  AppendSamples(into, SampleSetOf("A", {3}, {4}));
  EXPECT_EQ(into.rounds, (std::vector<std::uint32_t>{0, 0, 4}));
  SampleSet plain = SampleSetOf("A", {1});
  AppendSamples(plain, SampleSetOf("A", {2}));
  EXPECT_TRUE(plain.rounds.empty());
}

}  // namespace
}  // namespace benchgate
