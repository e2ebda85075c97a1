// History that survives kill -9 and crowds (issue 14): in each trial, 8
// processes record into one history at once while 2 others record in a
// loop and are killed with SIGKILL at a random moment (seeded), some while
// they hold the lock or are halfway through writing. After every trial the
// file must read back as valid and hold every record whose process
// finished; a killed recorder may leave a temporary file beside it (never
// read; a write a minute later removes it, io_files_test) and its own
// record may or may not be there.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "benchgate/error.h"
#include "io/history_file.h"
#include "support/temp_dir.h"

namespace benchgate {
namespace {

namespace fs = std::filesystem;

constexpr int kTrials = 200;
constexpr int kFinishers = 8;
constexpr int kVictims = 2;
constexpr std::size_t kKeepAll = 100000;  // max_runs: nothing is dropped for age

HistoryEntry Entry(const std::string& commit) {
  HistoryEntry entry;
  entry.median_ns = 100;
  entry.mad_ns = 1;
  entry.n = 10;
  entry.time = "2026-11-29T00:00:00Z";
  entry.commit = commit;
  return entry;
}

// A child that records and leaves with the outcome as its exit code: 0
// recorded, 3 benchgate::Error, 4 anything else.
pid_t Recorder(const std::string& path, const std::string& commit, int times) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  int code = 0;
  try {
    for (int i = 0; i < times; ++i) {
      RecordToHistoryFile(path, "soak", {{"BM_Soak", Entry(commit)}}, kKeepAll);
    }
  } catch (const Error&) {
    code = 3;
  } catch (...) {
    code = 4;
  }
  _exit(code);
}

TEST(HistorySoakTest, ValidAndCompleteDespiteKillsAndCrowds) {
  const fs::path dir = test::FreshTempDir("benchgate_soak_" + std::to_string(getpid()));
  std::mt19937_64 rng(20261129);
  int killed_while_running = 0, leftover_temporaries = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    const std::string path = (dir / ("history-" + std::to_string(trial) + ".json")).string();
    std::vector<pid_t> victims, finishers;
    for (int v = 0; v < kVictims; ++v) victims.push_back(Recorder(path, "victim", 1000));
    std::vector<std::string> commits;
    for (int f = 0; f < kFinishers; ++f) {
      commits.push_back("t" + std::to_string(trial) + "-f" + std::to_string(f));
      finishers.push_back(Recorder(path, commits.back(), 1));
    }
    for (const pid_t victim : victims) {
      usleep(static_cast<useconds_t>(rng() % 4000));  // 0-4 ms: inside a write or not
      kill(victim, SIGKILL);
    }
    for (const pid_t victim : victims) {
      int status = 0;
      ASSERT_EQ(waitpid(victim, &status, 0), victim);
      killed_while_running += WIFSIGNALED(status) ? 1 : 0;
      if (WIFEXITED(status)) {
        EXPECT_EQ(WEXITSTATUS(status), 0) << "trial " << trial;
      }
    }
    for (const pid_t finisher : finishers) {
      int status = 0;
      ASSERT_EQ(waitpid(finisher, &status, 0), finisher);
      ASSERT_TRUE(WIFEXITED(status)) << "trial " << trial;
      ASSERT_EQ(WEXITSTATUS(status), 0) << "trial " << trial;
    }
    History history;
    ASSERT_NO_THROW(history = ReadHistoryFile(path)) << "trial " << trial;
    std::set<std::string> recorded;
    for (const HistoryEntry& entry : history.environments["soak"]["BM_Soak"]) {
      recorded.insert(entry.commit);
    }
    for (const std::string& commit : commits) {
      EXPECT_EQ(recorded.count(commit), 1u) << "trial " << trial << ": " << commit << " lost";
    }
  }
  for (const auto& file : fs::directory_iterator(dir)) {
    leftover_temporaries += file.path().string().find(".tmp.") != std::string::npos ? 1 : 0;
  }
  // What the trials did, for the README's figures.
  std::cout << "history soak: " << kTrials << " trials, " << kTrials * kFinishers
            << " completed records all kept, " << killed_while_running << " of "
            << kTrials * kVictims << " recorders killed mid-run, " << leftover_temporaries
            << " temporary files left by them\n";
  EXPECT_GT(killed_while_running, kTrials * kVictims / 2);  // the kills did land mid-run
  fs::remove_all(dir);
}

}  // namespace
}  // namespace benchgate
