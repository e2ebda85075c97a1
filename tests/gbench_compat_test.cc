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

Ran RunBinary(const std::string& binary, const std::string& flags) {
  Ran ran;
  FILE* pipe = popen((binary + " " + flags + " 2>/dev/null").c_str(), "r");
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

}  // namespace
