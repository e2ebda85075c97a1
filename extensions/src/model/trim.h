// Blanks around a piece of text: spaces, tabs and line ends (a file written
// on Windows ends its lines in "\r\n"), which every reader of text here
// ignores around a value.
#ifndef BENCHGATE_MODEL_TRIM_H_
#define BENCHGATE_MODEL_TRIM_H_

#include <string_view>

namespace benchgate {

inline std::string_view Trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlank) - first + 1);
}

}  // namespace benchgate

#endif  // BENCHGATE_MODEL_TRIM_H_
