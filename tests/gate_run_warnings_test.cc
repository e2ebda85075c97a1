// ComparisonWarnings: the inputs' environments and machine warnings, said
// before any verdict. Expected texts written by hand from the rule in
// gate/run_warnings.h.
#include <gtest/gtest.h>

#include "gate/run_warnings.h"

namespace benchgate {
namespace {

RunData Side(const std::string& key, std::vector<std::pair<std::string, std::string>> fields,
             std::vector<std::string> warnings) {
  RunData run;
  run.environment_key = key;
  run.environment = std::move(fields);
  run.warnings = std::move(warnings);
  return run;
}

TEST(ComparisonWarningsTest, SameEnvironmentAndNoWarningsSaysNothing) {
  const RunData a = Side("k1", {{"compiler", "gcc"}}, {});
  EXPECT_TRUE(ComparisonWarnings(a, a).empty());
  // Plain Google Benchmark files have no key: nothing to compare.
  EXPECT_TRUE(ComparisonWarnings(Side("", {}, {}), Side("k2", {}, {})).empty());
}

TEST(ComparisonWarningsTest, DifferentEnvironmentsNameTheFieldsThatDiffer) {
  const RunData base = Side("k1",
                            {{"cpu_model", "AMD EPYC"},
                             {"caches", "[1]"},
                             {"compiler", "gcc"},
                             {"compiler_version", "12.2.0"},
                             {"build_type", "release"}},
                            {});
  const RunData cand = Side("k2",
                            {{"cpu_model", "AMD EPYC"},
                             {"caches", "[2]"},
                             {"compiler", "gcc"},
                             {"compiler_version", "13.2.0"},
                             {"build_type", "debug"}},
                            {});
  EXPECT_EQ(ComparisonWarnings(base, cand),
            std::vector<std::string>{
                "the baseline and the candidate were measured in different environments (caches, "
                "compiler_version 12.2.0 vs 13.2.0, build_type release vs debug): a change may be "
                "the environment's, not the code's"});
}

TEST(ComparisonWarningsTest, MoreThanThreeFieldsAreCounted) {
  const RunData base =
      Side("k1", {{"os", "a"}, {"kernel", "a"}, {"compiler", "a"}, {"optimization", "a"}}, {});
  const RunData cand =
      Side("k2", {{"os", "b"}, {"kernel", "b"}, {"compiler", "b"}, {"optimization", "b"}}, {});
  EXPECT_EQ(ComparisonWarnings(base, cand)[0],
            "the baseline and the candidate were measured in different environments (os a vs b, "
            "kernel a vs b, compiler a vs b and 1 more): a change may be the environment's, not "
            "the code's");
}

TEST(ComparisonWarningsTest, KeysAloneWhenTheFieldsAreNotKnown) {
  EXPECT_EQ(ComparisonWarnings(Side("00aa", {}, {}), Side("11bb", {}, {}))[0],
            "the baseline and the candidate were measured in different environments (environment "
            "keys 00aa vs 11bb): a change may be the environment's, not the code's");
}

TEST(ComparisonWarningsTest, SharedWarningsOnceAndOneSidesPrefixed) {
  const RunData base = Side("k", {}, {"running in a virtual machine", "high load 1.3"});
  const RunData cand = Side("k", {}, {"debug build", "running in a virtual machine"});
  EXPECT_EQ(ComparisonWarnings(base, cand),
            (std::vector<std::string>{"running in a virtual machine", "baseline: high load 1.3",
                                      "candidate: debug build"}));
}

// Processes of one machine report the same kind of warning with other
// numbers: said once, in the baseline's words; within one side, once too.
TEST(ComparisonWarningsTest, SameKindWithOtherNumbersIsOneWarning) {
  const RunData base = Side("k", {}, {"high load: 1-minute load average 1.30 is above 1.00"});
  const RunData cand = Side("k", {}, {"high load: 1-minute load average 2.50 is above 1.00"});
  EXPECT_EQ(ComparisonWarnings(base, cand),
            std::vector<std::string>{"high load: 1-minute load average 1.30 is above 1.00"});
  std::vector<std::string> merged;
  AppendNewWarnings(merged, {"high load: 1.30", "debug build (no optimisation)"});
  AppendNewWarnings(merged, {"high load: 2.50", "debug build (no optimisation)", "turbo: on"});
  EXPECT_EQ(merged, (std::vector<std::string>{"high load: 1.30", "debug build (no optimisation)",
                                              "turbo: on"}));
  EXPECT_EQ(WarningKind("high load: 1.30: x"), "high load");
  EXPECT_EQ(WarningKind("no colon"), "no colon");
}

}  // namespace
}  // namespace benchgate
