#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "benchgate/error.h"
#include "io/history_file.h"
#include "support/error_message.h"
#include "support/read_file.h"
#include "support/temp_dir.h"

namespace benchgate {
namespace {

namespace fs = std::filesystem;

const std::string kDataDir = std::string(BENCHGATE_TEST_DATA_DIR) + "/history/";

using test::ErrorMessageOf;
using test::ReadFile;

class HistoryFileTest : public test::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    path_ = (dir_ / "history.json").string();
  }

  void Write(const std::string& text) const { std::ofstream(path_, std::ios::binary) << text; }
  void CopyFixture(const std::string& name) const { Write(ReadFile(kDataDir + name)); }

  // The directory holds only the history and its lock: no temporary file
  // was left behind.
  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  std::string path_;
};

HistoryEntry Entry(double median) {
  return HistoryEntry{median, 1.5, 10, "2026-11-22T10:00:00Z", "abc"};
}

TEST_F(HistoryFileTest, MissingFileIsAnEmptyHistory) {
  EXPECT_TRUE(ReadHistoryFile(path_).environments.empty());
  EXPECT_TRUE(Files().empty()) << "reading creates nothing";
}

// The approved file is exactly what RenderHistory writes: one run per line,
// keys sorted, names with '/', UTF-8 and markup kept as they are.
TEST(HistoryTextTest, RoundTripIsByteExact) {
  const std::string text = ReadFile(kDataDir + "valid.json");
  const History history = ParseHistory(text, "valid.json");
  ASSERT_EQ(history.environments.size(), 2u);
  const BenchmarkHistory& linux = history.environments.at("linux-x86_64/gcc-12/release/3f2a");
  ASSERT_EQ(linux.size(), 3u);
  EXPECT_TRUE(linux.at("BM_Empty").empty());
  const std::vector<HistoryEntry>& sort = linux.at("BM_Sort/1024");
  ASSERT_EQ(sort.size(), 3u);
  EXPECT_EQ(sort[0].median_ns, 1234.5);
  EXPECT_EQ(sort[0].mad_ns, 3.25);
  EXPECT_EQ(sort[0].n, 10u);
  EXPECT_EQ(sort[0].time, "2026-11-20T09:15:02Z");
  EXPECT_EQ(sort[0].commit, "0123abc");
  EXPECT_EQ(sort[2].median_ns, 1.0 / 3);  // shortest round-trip digits
  EXPECT_EQ(linux.at("BM_Z\xC3\xBCrich<int>")[0].median_ns, 1e300);
  EXPECT_TRUE(history.environments.at("macos-arm64/clang-15/release/77aa").empty());
  EXPECT_EQ(RenderHistory(history), text);
}

TEST(HistoryTextTest, EmptyHistoryRendersAndParses) {
  const std::string text = RenderHistory(History{});
  EXPECT_EQ(text, "{\n \"schema\": \"benchgate.history/1\",\n \"environments\": {}\n}\n");
  EXPECT_TRUE(ParseHistory(text, "h").environments.empty());
}

TEST_F(HistoryFileTest, RecordCreatesTheFileAndAppends) {
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
  EXPECT_EQ(history.environments.at("key1").at("BM_B").size(), 1u);
  EXPECT_EQ(history.environments.at("key2").at("BM_A")[0].median_ns, 50.0);
  // The lock file stays (deleting it would race); no temporary file stays.
  EXPECT_EQ(Files(), (std::vector<std::string>{"history.json", "history.json.lock"}));
}

TEST_F(HistoryFileTest, KeepsOnlyTheLastRuns) {
  for (int i = 0; i < 40; ++i) RecordToHistoryFile(path_, "k", {{"BM_A", Entry(i)}}, 30);
  const History history = ReadHistoryFile(path_);
  const auto& series = history.environments.at("k").at("BM_A");
  ASSERT_EQ(series.size(), 30u);
  EXPECT_EQ(series.front().median_ns, 10.0);
  EXPECT_EQ(series.back().median_ns, 39.0);
}

TEST_F(HistoryFileTest, EmptyFileIsAnError) {
  Write("");
  EXPECT_EQ(ErrorMessageOf([&] { ReadHistoryFile(path_); }),
            path_ + ":1:1: expected a JSON object, found an empty file");
}

// A truncated file (a crash of some other tool, a full disk) is refused and
// left exactly as it was: the history in it is still recoverable by hand.
// 6:53 is just past the end of the file, where the text stops.
TEST_F(HistoryFileTest, CorruptFileIsAnErrorAndIsNeverOverwritten) {
  CopyFixture("truncated.json");
  const std::string before = ReadFile(path_);
  EXPECT_EQ(ErrorMessageOf([&] {
              RecordToHistoryFile(path_, "k", {{"BM_A", Entry(1)}});
            }),
            path_ +
                ":6:53: expected valid JSON (syntax error while parsing object key - "
                "invalid string: missing closing quote; last read: '\"ti'; expected string "
                "literal)");
  EXPECT_EQ(ReadFile(path_), before);
  EXPECT_EQ(Files(), (std::vector<std::string>{"history.json", "history.json.lock"}));
}

TEST_F(HistoryFileTest, WrongSchemaIsAnErrorAndIsNeverOverwritten) {
  CopyFixture("wrong_schema.json");
  const std::string before = ReadFile(path_);
  EXPECT_EQ(ErrorMessageOf([&] {
              RecordToHistoryFile(path_, "k", {{"BM_A", Entry(1)}});
            }),
            path_ +
                ":2:12: expected \"schema\": \"benchgate.history/1\", got "
                "\"benchgate.history/2\" at /schema");
  EXPECT_EQ(ReadFile(path_), before);
}

TEST_F(HistoryFileTest, BadEntryNamesItsLineAndPointer) {
  CopyFixture("bad_entry.json");
  EXPECT_EQ(ErrorMessageOf([&] { ReadHistoryFile(path_); }),
            path_ +
                ":7:19: expected a finite number >= 0 for \"median_ns\", got \"fast\" at "
                "/environments/k/benchmarks/BM_A~18/1/median_ns");
}

TEST(HistoryTextTest, EveryMistakeIsOneExactLine) {
  const auto error = [](const std::string& text) {
    return ErrorMessageOf([&] { ParseHistory(text, "h.json"); });
  };
  const std::string head = R"({"schema": "benchgate.history/1", )";
  const std::string run_head = head + R"("environments": {"k": {"benchmarks": {"BM": [)";
  const std::string tail = "]}}}}";
  EXPECT_EQ(
      error("[]"),
      "h.json:1:1: expected a JSON object with \"schema\": \"benchgate.history/1\", got an array");
  EXPECT_EQ(error(R"({"environments": {}})"),
            "h.json:1:1: expected a JSON object with \"schema\": \"benchgate.history/1\"");
  EXPECT_EQ(error(head.substr(0, head.size() - 2) + "}"),
            "h.json:1:1: expected \"environments\": {...} next to the schema");
  EXPECT_EQ(error(head + R"("environments": {}, "extra": 1})"),
            "h.json:1:55: expected only \"schema\", \"environments\", got \"extra\"");
  EXPECT_EQ(error(head + R"("environments": []})"),
            "h.json:1:51: expected an object of environments, got an array at /environments");
  EXPECT_EQ(error(head + R"("environments": {"k": {"benchmarks": {}, "runs": 3}}})"),
            "h.json:1:76: expected only \"benchmarks\" in /environments/k, got \"runs\"");
  EXPECT_EQ(error(head + R"("environments": {"k": {}}})"),
            "h.json:1:57: expected \"benchmarks\": {...} at /environments/k");
  EXPECT_EQ(
      error(head + R"("environments": {"k": {"benchmarks": {"BM": {}}}}})"),
      "h.json:1:79: expected an array of runs, got an object at /environments/k/benchmarks/BM");
  EXPECT_EQ(error(run_head + "3" + tail),
            "h.json:1:80: expected a run object, got 3 at /environments/k/benchmarks/BM/0");
  EXPECT_EQ(error(run_head + R"({"median_ns": 1, "mad_ns": 0, "n": 1, "time": ""})" + tail),
            "h.json:1:80: expected \"commit\" in the run at /environments/k/benchmarks/BM/0");
  EXPECT_EQ(
      error(run_head +
            R"({"median_ns": 1, "mad_ns": 0, "n": 1, "time": "", "commit": "", "p": 0})" + tail),
      "h.json:1:144: expected only \"median_ns\", \"mad_ns\", \"n\", \"time\", \"commit\" in "
      "/environments/k/benchmarks/BM/0, got \"p\"");
  // Google Benchmark's bare NaN is read as null (json_text.h): refused here.
  EXPECT_EQ(error(run_head +
                  R"({"median_ns": NaN, "mad_ns": 0, "n": 1, "time": "", "commit": ""})" + tail),
            "h.json:1:94: expected a finite number >= 0 for \"median_ns\", got null at "
            "/environments/k/benchmarks/BM/0/median_ns");
  EXPECT_EQ(error(run_head + R"({"median_ns": 1, "mad_ns": -1, "n": 1, "time": "", "commit": ""})" +
                  tail),
            "h.json:1:107: expected a finite number >= 0 for \"mad_ns\", got -1 at "
            "/environments/k/benchmarks/BM/0/mad_ns");
  EXPECT_EQ(error(run_head +
                  R"({"median_ns": 1, "mad_ns": 0, "n": 2.5, "time": "", "commit": ""})" + tail),
            "h.json:1:115: expected a whole number >= 0 for \"n\", got 2.5 at "
            "/environments/k/benchmarks/BM/0/n");
  EXPECT_EQ(
      error(run_head + R"({"median_ns": 1, "mad_ns": 0, "n": 1, "time": 5, "commit": ""})" + tail),
      "h.json:1:126: expected a string for \"time\", got 5 at "
      "/environments/k/benchmarks/BM/0/time");
  EXPECT_EQ(error(head + R"("environments": {}, "schema": "benchgate.history/1"})"),
            "h.json:1:55: expected each key once per object, got \"schema\" again");
  EXPECT_EQ(error(run_head + R"({"median_ns": 1e999})" + tail),
            "h.json:1:98: expected valid JSON ([json.exception.out_of_range.406] number overflow "
            "parsing '1e999')");
}

// Four processes record 25 runs each into one file at the same time: the
// lock serialises read-modify-write, so all 100 entries are there.
TEST_F(HistoryFileTest, ConcurrentProcessesLoseNothing) {
  constexpr int kProcesses = 4, kRuns = 25;
  for (int p = 0; p < kProcesses; ++p) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      try {
        for (int r = 0; r < kRuns; ++r) {
          RecordToHistoryFile(path_, "k", {{"BM_" + std::to_string(p), Entry(r)}}, 1000);
        }
      } catch (...) {
        ::_exit(1);
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
  const BenchmarkHistory& k = history.environments.at("k");
  ASSERT_EQ(k.size(), static_cast<std::size_t>(kProcesses));
  for (const auto& [name, series] : k) {
    ASSERT_EQ(series.size(), static_cast<std::size_t>(kRuns)) << name;
    for (int r = 0; r < kRuns; ++r) EXPECT_EQ(series[r].median_ns, r) << name;  // in order
  }
}

// flock belongs to the open file description: threads that each open the
// lock file exclude each other just like processes.
TEST_F(HistoryFileTest, ConcurrentThreadsLoseNothing) {
  constexpr int kThreads = 4, kRuns = 10;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int r = 0; r < kRuns; ++r) {
        RecordToHistoryFile(path_, "k", {{"BM_" + std::to_string(t), Entry(r)}}, 1000);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::size_t total = 0;
  const History history = ReadHistoryFile(path_);  // kept alive: the loop walks into it
  for (const auto& [name, series] : history.environments.at("k")) {
    total += series.size();
  }
  EXPECT_EQ(total, static_cast<std::size_t>(kThreads * kRuns));
}

}  // namespace
}  // namespace benchgate
