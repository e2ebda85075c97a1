// benchgate-diff's and benchgate-ab's command lines (one argument per line):
// parsing must end in options, help or a one-line usage error, whatever the
// arguments. FUZZ_AB selects benchgate-ab's parser.
#include <sstream>

#include "fuzz_input.h"

#ifdef FUZZ_AB
#include "ab_options.h"
#else
#include "diff_options.h"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> args = benchgate::fuzz::Lines(data, size);
  std::ostringstream out, err;
#ifdef FUZZ_AB
  const auto parsed = benchgate::ab::ParseAbArgs(args, out, err);
#else
  const auto parsed = benchgate::diff::ParseDiffArgs(args, out, err);
#endif
  // The contract: a usage error is exactly one line.
  if (!parsed.options && parsed.exit_code == 2) {
    const std::string text = err.str();
    if (text.empty() || text.find('\n') != text.size() - 1) __builtin_trap();
  }
  return 0;
}
