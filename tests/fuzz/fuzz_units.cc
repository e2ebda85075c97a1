// Unit strings ("10us", "8 KiB", "5%", "1e6") and name patterns: the first
// line is parsed by every unit parser and compiled as a pattern, which is
// then matched against the other lines (whole and in part).
#include <string>
#include <vector>

#include "gate/name_pattern.h"
#include "gate/units.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> lines = benchgate::fuzz::Lines(data, size);
  if (lines.empty()) return 0;
  const std::string& first = lines.front();
  benchgate::ParseDuration(first);
  benchgate::ParseBytes(first);
  benchgate::ParsePercent(first);
  benchgate::ParseCount(first);
  std::string problem;
  if (const auto pattern = benchgate::NamePattern::Compile(first, &problem)) {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      pattern->Matches(lines[i]);
      pattern->MatchesPart(lines[i]);
    }
  }
  return 0;
}
