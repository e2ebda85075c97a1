// Behaving as Google Benchmark alone (issue 13): the same benchmark source
// built with benchmark::benchmark_main (ab_fixture_base) and with
// benchgate::main (ab_fixture_cand; its timings differ, its names do not),
// run with the same flags, must give the same stdout and exit code where
// tools parse them.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "support/read_file.h"
#include "support/run_binary.h"

namespace {

using benchgate::test::Ran;
using benchgate::test::ReadFile;
using benchgate::test::RunBinary;

// IDE test explorers and CTest discovery scripts parse the listing: the
// names alone on stdout, exit 0, no warning, nothing run.
TEST(GbenchCompatTest, ListTestsPrintsTheSameNamesAndExitsZero) {
  for (const std::string flags :
       {"--benchmark_list_tests", "--benchmark_list_tests=true --benchmark_filter=Steady",
        "--benchmark_list_tests --benchmark_filter=NoSuchBenchmark"}) {
    const Ran alone = RunBinary(AB_BASE_BIN, flags);
    const Ran gated = RunBinary(AB_CAND_BIN, flags);
    EXPECT_EQ(alone.exit_code, 0) << flags;
    EXPECT_EQ(gated.exit_code, alone.exit_code) << flags;
    EXPECT_EQ(gated.out, alone.out) << flags;
  }
  EXPECT_EQ(RunBinary(AB_CAND_BIN, "--benchmark_list_tests").out,
            "BM_Slowed/iterations:20/manual_time\nBM_Steady/iterations:20/manual_time\n");
}

// The documented rule for two registrations that make one name: their
// samples are merged, and a warning names them, on stderr (stdout stays
// machine-readable) and in the enriched JSON's verdict warnings.
TEST(GbenchCompatTest, DuplicateNamesAreMergedWithAWarning) {
  const std::string out = testing::TempDir() + "duplicate_names.json";
  const std::string flags = "--benchmark_format=json --benchgate_out=" + out;
  const std::string warning =
      "BM_Twice/iterations:10/manual_time/threads:2: 2 registrations make this name";
  const Ran stdout_only = RunBinary(DUPLICATE_NAMES_BIN, flags);
  EXPECT_EQ(stdout_only.exit_code, 0);
  ASSERT_FALSE(stdout_only.out.empty());
  EXPECT_EQ(stdout_only.out.front(), '{');
  EXPECT_EQ(stdout_only.out.find("warning"), std::string::npos) << stdout_only.out;
  const Ran stderr_only = RunBinary(DUPLICATE_NAMES_BIN, flags, true);
  EXPECT_NE(stderr_only.out.find("benchgate: warning: " + warning), std::string::npos)
      << stderr_only.out;
  EXPECT_NE(ReadFile(out).find(warning), std::string::npos);
  // One name for threads:1, one for the merged threads:2.
  EXPECT_EQ(RunBinary(DUPLICATE_NAMES_BIN, "--benchmark_list_tests").out,
            "BM_Twice/iterations:10/manual_time/threads:2\n"
            "BM_Twice/iterations:10/manual_time/threads:1\n"
            "BM_Twice/iterations:10/manual_time/threads:2\n");
}

}  // namespace
