#include "report/plain_text.h"

#include <algorithm>

namespace benchgate::report_detail {

std::size_t DisplayWidth(const std::string& text) {
  // Every byte except UTF-8 continuation bytes (10xxxxxx) starts a code point.
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

namespace {

std::string Spaces(const std::string& text, std::size_t width, std::size_t min_gap) {
  const std::size_t shown = DisplayWidth(text);
  return std::string(std::max(min_gap, shown >= width ? 0 : width - shown), ' ');
}

}  // namespace

std::string PadRight(const std::string& text, std::size_t width, std::size_t min_gap) {
  return text + Spaces(text, width, min_gap);
}

std::string PadLeft(const std::string& text, std::size_t width, std::size_t min_gap) {
  return Spaces(text, width, min_gap) + text;
}

std::string Counted(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

const char* AnsiColor(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::kRegression:
    case VerdictStatus::kBudgetExceeded:
    case VerdictStatus::kError:
      return "\033[31m";  // red
    case VerdictStatus::kImprovement:
      return "\033[32m";  // green
    case VerdictStatus::kInconclusive:
      return "\033[33m";  // yellow
    default:
      return "";
  }
}

}  // namespace benchgate::report_detail
