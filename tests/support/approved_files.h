// Approved-file (golden file) checks: an output is compared with a file
// under tests/data/approved/ (README.md there says which input each folder's
// files are rendered from), so that a change in what a renderer writes is a
// deliberate, reviewed change of that file.
//
//   EXPECT_EQ(text, Approved("report/diff_text.txt", text));
//
// With BENCHGATE_UPDATE_APPROVED set (to 1, by convention) in the
// environment, Approved() first writes `actual` over the approved file, so
// the test passes and `git diff tests/data/approved` shows the change to
// check by eye before committing it.
#ifndef BENCHGATE_TESTS_SUPPORT_APPROVED_FILES_H_
#define BENCHGATE_TESTS_SUPPORT_APPROVED_FILES_H_

#include <cstdlib>
#include <fstream>
#include <string>

#include "support/read_file.h"

namespace benchgate::test {

// The approved text of tests/data/approved/<name> ("" when there is no such
// file yet), after rewriting it with `actual` when BENCHGATE_UPDATE_APPROVED
// is set.
inline std::string Approved(const std::string& name, const std::string& actual) {
  const std::string path = std::string(BENCHGATE_TEST_DATA_DIR) + "/approved/" + name;
  if (std::getenv("BENCHGATE_UPDATE_APPROVED") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  return ReadFile(path);
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_APPROVED_FILES_H_
