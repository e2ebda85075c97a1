// The whole of a file as a string, for tests that check what a tool wrote.
#ifndef BENCHGATE_TESTS_SUPPORT_READ_FILE_H_
#define BENCHGATE_TESTS_SUPPORT_READ_FILE_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace benchgate::test {

// The file's bytes as they are (no newline translation), or "" when it
// cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_READ_FILE_H_
