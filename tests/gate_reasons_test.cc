// The reasons' wording where figures meet words: a noise just above its
// limit must not read as equal to it.
#include <gtest/gtest.h>

#include "gate/reasons.h"

namespace benchgate {
namespace {

TEST(ReasonsTest, NoiseJustAboveTheLimitKeepsASecondDecimal) {
  // 5.04% rounds to the limit's 5.0%: "5.0% above the 5.0% limit" would
  // contradict itself.
  EXPECT_EQ(NoisySideReason(false, 0.0504, 0.05),
            "unstable: noise of the candidate 5.04% above the 5.0% limit");
  EXPECT_EQ(NoisySideReason(true, 0.198, 0.05),
            "unstable: noise of the baseline 19.8% above the 5.0% limit");
  MetricStats judged;
  judged.spread = 0.0501;
  judged.cv = 0.061;
  EXPECT_EQ(UnstableReason(judged, 0.05), "unstable: noise 5.01% above the 5.0% limit (CV 6.1%)");
}

}  // namespace
}  // namespace benchgate
