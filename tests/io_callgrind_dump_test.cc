// The callgrind dump header reader (io/callgrind_dump.h). The files under
// tests/data/callgrind/ are headers of real dumps written by Valgrind 3.19's
// callgrind on this project's Debian 12 (repetition.out: one repetition of a
// 1,000 multiply-add loop, 5,266 instructions; cache_sim.out: the same run
// with --cache-sim=yes, nine events whose trailing zero callgrind omits).
#include <gtest/gtest.h>

#include <string>

#include "benchgate/error.h"
#include "io/callgrind_dump.h"
#include "support/error_message.h"
#include "support/read_file.h"

namespace benchgate {
namespace {

std::string Data(const std::string& name) {
  return test::ReadFile(std::string(BENCHGATE_TEST_DATA_DIR) + "/callgrind/" + name);
}

TEST(CallgrindDumpTest, ReadsPartTriggerAndInstructionsOfARealDump) {
  const CallgrindDump dump = ParseCallgrindDump(Data("repetition.out"), "repetition.out");
  EXPECT_EQ(dump.part, 2);
  EXPECT_EQ(dump.trigger, "--dump-before=benchmark::State::FinishKeepRunning()");
  EXPECT_EQ(dump.instructions, 5266u);
}

TEST(CallgrindDumpTest, ReadsIrAmongCacheSimulationEvents) {
  const CallgrindDump dump = ParseCallgrindDump(Data("cache_sim.out"), "cache_sim.out");
  EXPECT_EQ(dump.instructions, 2086u);  // Ir is the first of nine events
}

TEST(CallgrindDumpTest, ReadsIrWhereverTheEventsLineNamesIt) {
  const CallgrindDump dump = ParseCallgrindDump(
      "# callgrind format\nversion: 1\npart: 7\nevents: Dr Ir\nsummary: 40 1234\n", "x");
  EXPECT_EQ(dump.part, 7);
  EXPECT_EQ(dump.instructions, 1234u);
  EXPECT_TRUE(dump.trigger.empty());
}

TEST(CallgrindDumpTest, EachMalformedHeaderIsOneLineNamingFileAndLine) {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"{\"json\": 1}\n", "dump.out:line 1: expected '# callgrind format'"},
      {"", "dump.out:line 1: expected '# callgrind format'"},
      {"# callgrind format\nversion: 2\n", "dump.out:line 2: expected callgrind format version 1"},
      {"# callgrind format\nversion: 1\nevents: Dr Dw\nsummary: 1 2\n",
       "dump.out:line 3: expected the event 'Ir'"},
      {"# callgrind format\nversion: 1\nsummary: 5\n", "dump.out:line 3: expected an 'events:'"},
      {"# callgrind format\nversion: 1\nevents: Ir\nsummary: 5x\n",
       "dump.out:line 4: expected whole numbers"},
      {"# callgrind format\nversion: 1\nevents: Ir\nsummary: 1 2\n",
       "dump.out:line 4: expected 1 to 1 costs"},
      {"# callgrind format\nversion: 1\nevents: Ir\nsummary: 99999999999999999999999\n",
       "dump.out:line 4: expected whole numbers"},
      {"# callgrind format\nversion: 1\npart: 0\n", "dump.out:line 3: expected a part number"},
      {"# callgrind format\nversion: 1\nevents: Ir\nfn=(1) main\n",
       "dump.out:line 4: expected the header's 'summary:' line"},
      {"# callgrind format\nversion: 1\nevents: Ir\n", "dump.out:line 4: expected a 'summary:'"},
  };
  for (const auto& c : cases) {
    const std::string message =
        test::ErrorMessageOf([&] { ParseCallgrindDump(c.text, "dump.out"); });
    EXPECT_EQ(message.rfind(c.message, 0), 0u) << "got: " << message << "\nfor: " << c.text;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace benchgate
