// How many times a text holds a part, for tests of rendered reports.
#ifndef BENCHGATE_TESTS_SUPPORT_COUNT_OCCURRENCES_H_
#define BENCHGATE_TESTS_SUPPORT_COUNT_OCCURRENCES_H_

#include <cstddef>
#include <string>

namespace benchgate::test {

// Occurrences of `part` in `text`, overlapping ones included.
inline std::size_t Occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace benchgate::test

#endif  // BENCHGATE_TESTS_SUPPORT_COUNT_OCCURRENCES_H_
