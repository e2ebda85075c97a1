#include "benchgate/error.h"

#include <utility>

namespace benchgate {
namespace {

// "file:place: expected", dropping empty parts, and never more than one line:
// a message that spans lines breaks CI log parsers and grep.
std::string FormatMessage(const std::string& source, const std::string& place,
                          const std::string& expected) {
  std::string message = source;
  if (!place.empty()) message += (message.empty() ? "" : ":") + place;
  if (!expected.empty()) message += (message.empty() ? "" : ": ") + expected;
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return message;
}

}  // namespace

Error::Error(std::string source, std::string place, std::string expected)
    : std::runtime_error(FormatMessage(source, place, expected)),
      source_(std::move(source)),
      place_(std::move(place)),
      expected_(std::move(expected)) {}

}  // namespace benchgate
