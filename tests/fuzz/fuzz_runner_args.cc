// The runner's command line (one argument per line) and its environment
// variables: what every benchmark binary linked with benchgate::main parses.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchgate/error.h"
#include "fuzz_input.h"
#include "run/options.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args = benchgate::fuzz::Lines(data, size);
  // Lines starting with "ENV " set an environment variable instead:
  // "ENV BENCHGATE_TOLERANCE=5%".
  std::vector<std::pair<std::string, std::string>> env;
  std::vector<std::string> flags;
  for (const std::string& arg : args) {
    if (arg.rfind("ENV ", 0) == 0 && arg.find('=') != std::string::npos) {
      const std::size_t equals = arg.find('=');
      env.emplace_back(arg.substr(4, equals - 4), arg.substr(equals + 1));
    } else {
      flags.push_back(arg);
    }
  }
  const benchgate::EnvLookup lookup =
      [&env](const std::string& name) -> std::optional<std::string> {
    for (const auto& [key, value] : env) {
      if (key == name) return value;
    }
    return std::nullopt;
  };
  try {
    benchgate::ParseArgs(flags, lookup);
  } catch (const benchgate::Error&) {
  }
  return 0;
}
