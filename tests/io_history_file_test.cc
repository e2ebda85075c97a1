#include "benchgate/io/history_file.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "benchgate/error.h"

namespace benchgate {
namespace {

namespace fs = std::filesystem;

class HistoryFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("benchgate_history_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "history.json").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Slurp() const {
    std::ifstream in(path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path dir_;
  std::string path_;
};

HistoryEntry Entry(double median) { return HistoryEntry{median, 1.5, 10, "2026-11-22T10:00:00Z", "abc"}; }

TEST_F(HistoryFileTest, MissingFileIsAnEmptyHistory) {
  EXPECT_TRUE(ReadHistoryFile(path_).environments.empty());
}

TEST_F(HistoryFileTest, RecordAndReadBack) {
  RecordToHistoryFile(path_, "key1", {{"BM_A", Entry(100)}, {"BM_B", Entry(200)}});
  RecordToHistoryFile(path_, "key1", {{"BM_A", Entry(101)}});
  RecordToHistoryFile(path_, "key2", {{"BM_A", Entry(50)}});
  const History history = ReadHistoryFile(path_);
  ASSERT_EQ(history.environments.size(), 2u);
  const auto& a = history.environments.at("key1").at("BM_A");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].median_ns, 100.0);
  EXPECT_EQ(a[1].median_ns, 101.0);
  EXPECT_EQ(a[1].commit, "abc");
  EXPECT_EQ(a[1].n, 10u);
  EXPECT_EQ(history.environments.at("key2").at("BM_A")[0].median_ns, 50.0);
}

TEST_F(HistoryFileTest, KeepsOnlyTheLastRuns) {
  for (int i = 0; i < 40; ++i) RecordToHistoryFile(path_, "k", {{"BM_A", Entry(i)}}, 30);
  const History history = ReadHistoryFile(path_);
  const auto& series = history.environments.at("k").at("BM_A");
  ASSERT_EQ(series.size(), 30u);
  EXPECT_EQ(series.front().median_ns, 10.0);
  EXPECT_EQ(series.back().median_ns, 39.0);
}

TEST_F(HistoryFileTest, CorruptFileIsAnErrorAndIsNeverOverwritten) {
  std::ofstream(path_) << "{\"schema\": \"benchgate.history/1\", \"environments\": {\"k\": ";
  const std::string before = Slurp();
  try {
    RecordToHistoryFile(path_, "k", {{"BM_A", Entry(1)}});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()).rfind(path_ + ":1:", 0), 0u) << error.what();
  }
  EXPECT_EQ(Slurp(), before);
}

TEST_F(HistoryFileTest, WrongSchemaAndWrongTypesNameThePlace) {
  std::ofstream(path_) << R"({"schema": "other/1", "environments": {}})";
  try {
    ReadHistoryFile(path_);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), path_ + ":/schema: expected \"benchgate.history/1\"");
  }
  std::ofstream(path_) << R"({"schema": "benchgate.history/1", "environments": {"k": {"benchmarks": {"BM_A": [{"median_ns": "x", "mad_ns": 0, "n": 1}]}}}})";
  try {
    ReadHistoryFile(path_);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              path_ + ":/environments/k/benchmarks/BM_A/0/median_ns: expected a non-negative number");
  }
}

// Four processes record 25 runs each into one file at the same time: the
// lock serialises read-modify-write, so all 100 entries are there.
TEST_F(HistoryFileTest, ConcurrentRecordersLoseNothing) {
  constexpr int kProcesses = 4, kRuns = 25;
  for (int p = 0; p < kProcesses; ++p) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      for (int r = 0; r < kRuns; ++r) {
        RecordToHistoryFile(path_, "k", {{"BM_" + std::to_string(p), Entry(r)}}, 1000);
      }
      ::_exit(0);
    }
  }
  for (int p = 0; p < kProcesses; ++p) {
    int status = 0;
    ::wait(&status);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  const History history = ReadHistoryFile(path_);
  std::size_t total = 0;
  for (const auto& [name, series] : history.environments.at("k")) total += series.size();
  EXPECT_EQ(total, static_cast<std::size_t>(kProcesses * kRuns));
}

}  // namespace
}  // namespace benchgate
