// What every harness shares: the input as text, and as arguments (one per
// line) for the command-line harnesses. A harness catches benchgate::Error
// only: anything else escaping (another exception, a crash, a sanitizer
// report, a hang) is a finding.
#ifndef BENCHGATE_TESTS_FUZZ_INPUT_H_
#define BENCHGATE_TESTS_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace benchgate::fuzz {

inline std::string Text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

inline std::vector<std::string> Lines(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i < size; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace benchgate::fuzz

#endif  // BENCHGATE_TESTS_FUZZ_INPUT_H_
