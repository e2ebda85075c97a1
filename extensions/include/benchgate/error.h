// The one exception type for bad input (files, flags, thresholds).
//
// It carries where the problem is (a file or a flag), the place inside it
// (line:column, a JSON pointer, a value) and what was expected, and renders
// them as one line. Each binary's top level catches it, prints
// "benchgate: error: <what()>" and exits with kExitBadInput.
#ifndef BENCHGATE_ERROR_H_
#define BENCHGATE_ERROR_H_

#include <stdexcept>
#include <string>

namespace benchgate {

// Exit codes shared by benchmark binaries and benchgate-diff (DESIGN.md).
inline constexpr int kExitPass = 0;
inline constexpr int kExitGateFailed = 1;
inline constexpr int kExitBadInput = 2;

class Error : public std::runtime_error {
 public:
  // source: a file path or a flag name; place: where inside it (may be empty);
  // expected: what should have been there, e.g. "expected a number".
  Error(std::string source, std::string place, std::string expected);

  const std::string& source() const noexcept { return source_; }
  const std::string& place() const noexcept { return place_; }
  const std::string& expected() const noexcept { return expected_; }

 private:
  std::string source_;
  std::string place_;
  std::string expected_;
};

}  // namespace benchgate

#endif  // BENCHGATE_ERROR_H_
