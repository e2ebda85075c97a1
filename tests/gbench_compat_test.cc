// Behaving as Google Benchmark alone (issue 13): the same benchmark source
// built with benchmark::benchmark_main (ab_fixture_base) and with
// benchgate::main (ab_fixture_cand; its timings differ, its names do not),
// run with the same flags, must give the same stdout and exit code where
// tools parse them.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace {

struct Ran {
  int exit_code = -1;
  std::string out;  // stdout only: stderr goes to /dev/null
};

// stderr_only: capture stderr and drop stdout instead.
Ran RunBinary(const std::string& binary, const std::string& flags, bool stderr_only = false) {
  Ran ran;
  const std::string redirect = stderr_only ? " 2>&1 >/dev/null" : " 2>/dev/null";
  FILE* pipe = popen((binary + " " + flags + redirect).c_str(), "r");
  if (pipe == nullptr) return ran;
  char buffer[4096];
  for (std::size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    ran.out.append(buffer, got);
  const int status = pclose(pipe);
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

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

std::string ReadFile(const std::string& path) {
  std::string text;
  if (FILE* file = std::fopen(path.c_str(), "rb")) {
    char buffer[4096];
    for (std::size_t got; (got = fread(buffer, 1, sizeof buffer, file)) > 0;)
      text.append(buffer, got);
    std::fclose(file);
  }
  return text;
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
