// A fresh, empty directory for each test, for tests that write files or run
// a binary in a directory of its own.
#ifndef BENCHGATE_TESTS_SUPPORT_TEMP_DIR_H_
#define BENCHGATE_TESTS_SUPPORT_TEMP_DIR_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

namespace benchgate::test {

// `name` under the system's temporary directory, emptied (made if absent).
inline std::filesystem::path FreshTempDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Fixture: dir_ is benchgate_<Suite>_<Test>_<pid> under the temporary
// directory, made empty before the test; removed after it when it passed,
// kept for a look when it failed. The pid keeps two builds' runs of one
// test apart.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("benchgate_") + test->test_suite_name() + "_" + test->name() +
                       "_" + std::to_string(::getpid());
    std::replace(name.begin(), name.end(), '/', '_');  // parameterized: Suite/Test/0
    dir_ = FreshTempDir(name);
  }
  void TearDown() override {
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
};

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_TEMP_DIR_H_
