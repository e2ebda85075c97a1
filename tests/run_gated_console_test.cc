// What a gated run prints, as README.md shows it: a benchmark binary linked
// with benchgate::main (tests/e2e/ab_fixture_bench.cc built as
// adopted_fixture_cand: unmodified BENCHMARK code, BM_Slowed 1.3x slower) run
// with --benchgate_baseline on the main branch's results (the same source
// built with benchmark::benchmark_main, its plain --benchmark_out JSON).
// The fixture's manual times make every run report the same samples, so
// the whole console is deterministic but for the machine's own warnings
// (virtual machine, load, debug build), which are left out.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "support/approved_files.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace benchgate::test {
namespace {

// stdout without the warnings about this machine (they name no benchmark).
std::string WithoutMachineWarnings(const std::string& out) {
  std::istringstream in(out);
  std::string text;
  for (std::string line; std::getline(in, line);) {
    const bool machine =
        line.rfind("benchgate: warning: ", 0) == 0 && line.find("BM_") == std::string::npos;
    if (!machine) text += line + "\n";
  }
  return text;
}

class GatedConsoleTest : public TempDirTest {};

TEST_F(GatedConsoleTest, RegressionTableMatchesApprovedFile) {
  const std::string main_json = (dir_ / "main.json").string();
  const Ran main_run = RunBinary(
      GATE_BASE_BIN,
      "--benchmark_repetitions=10 --benchmark_out_format=json --benchmark_out=" + main_json);
  ASSERT_EQ(main_run.exit_code, 0) << main_run.out;
  const Ran gated = RunBinary(GATE_CAND_BIN, "--benchgate_baseline=" + main_json);
  EXPECT_EQ(gated.exit_code, 1) << gated.out;  // the regression fails the gate
  const std::string console = WithoutMachineWarnings(gated.out);
  EXPECT_EQ(console, Approved("gate_run/console.txt", console));
}

}  // namespace
}  // namespace benchgate::test
