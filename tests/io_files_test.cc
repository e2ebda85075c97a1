// WriteFileAtomically's temporaries: named by the writer's process, and the
// ones a killed writer left are removed by the next write.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/files.h"
#include "support/read_file.h"
#include "support/temp_dir.h"

namespace benchgate {
namespace {

namespace fs = std::filesystem;

class AtomicWriteTest : public test::TempDirTest {
 protected:
  // A leftover temporary of `target`, its time set `age_seconds` back.
  fs::path Leftover(const std::string& suffix, long age_seconds) {
    const fs::path file = dir_ / ("history.json.tmp." + suffix);
    std::ofstream(file) << "partial";
    const std::time_t then = std::time(nullptr) - age_seconds;
    const struct timespec times[2] = {{then, 0}, {then, 0}};
    EXPECT_EQ(utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
    return file;
  }
};

TEST_F(AtomicWriteTest, LeftoversOfKilledWritersGoWithTheNextWrite) {
  // pid_max is at most 2^22 on Linux: 999999999 is no process.
  const fs::path dead_old = Leftover("999999999.aB3dE9", 120);
  const fs::path dead_fresh = Leftover("999999999.Zz0aa1", 5);  // may still be renaming
  const fs::path alive_old = Leftover(std::to_string(getpid()) + ".kk2Lm0", 3600);
  const fs::path legacy_old = Leftover("Qw12Er", 2 * 24 * 3600);  // before names had the pid
  const fs::path legacy_fresh = Leftover("Ty34Ui", 3600);
  const fs::path other_file = dir_ / "other.json.tmp.999999999.aaaaaa";
  std::ofstream(other_file) << "not ours";

  WriteFileAtomically((dir_ / "history.json").string(), "{}\n");

  EXPECT_FALSE(fs::exists(dead_old));
  EXPECT_TRUE(fs::exists(dead_fresh));
  EXPECT_TRUE(fs::exists(alive_old));
  EXPECT_FALSE(fs::exists(legacy_old));
  EXPECT_TRUE(fs::exists(legacy_fresh));
  EXPECT_TRUE(fs::exists(other_file));
  EXPECT_EQ(test::ReadFile(dir_ / "history.json"), "{}\n");
  // The write's own temporary is gone (renamed): only the kept ones remain.
  std::size_t temporaries = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    temporaries += entry.path().filename().string().rfind("history.json.tmp.", 0) == 0 ? 1 : 0;
  }
  EXPECT_EQ(temporaries, 3u);
}

// Best effort: a directory that cannot be listed is no error.
TEST_F(AtomicWriteTest, MissingDirectoryIsNoError) {
  EXPECT_NO_THROW(RemoveStaleTemporaries((dir_ / "absent" / "x.json").string()));
  EXPECT_NO_THROW(RemoveStaleTemporaries("no_such_file_here.json"));  // the working directory
}

}  // namespace
}  // namespace benchgate
