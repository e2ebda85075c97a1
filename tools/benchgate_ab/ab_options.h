// benchgate-ab's command line (DESIGN.md, "benchgate-ab"): what the user
// asked for, parsed and checked before any binary runs.
#ifndef BENCHGATE_TOOLS_AB_OPTIONS_H_
#define BENCHGATE_TOOLS_AB_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "judging_options.h"
#include "model/shard.h"
#include "rounds_options.h"

namespace benchgate::ab {

// The judging, reporting and round options shared with benchgate-diff
// (tools/common/judging_options.h, rounds_options.h), plus benchgate-ab's own.
struct AbOptions : tool::JudgingOptions, tool::RoundsOptions {
  std::string baseline_binary, candidate_binary;
  std::vector<std::string> child_flags;  // after "--": passed to both binaries
  // Repetitions of each benchmark per process unless the flags after "--"
  // set them: shorter rounds for the sequential design, whose looks need
  // rounds more than repetitions.
  int repetitions = 0;
  double max_seconds = 0;             // no extra round starts after this long; 0: no limit
  std::optional<std::uint64_t> seed;  // none: from the clock
  std::string keep;                   // "" = temporary files only
  std::string measure = "time";       // or "instructions" (ab_counts.h)
  std::optional<Shard> shard;         // --shard K/N: only that shard's benchmarks (model/shard.h)
};

// What parsing decided: run with `options`, or stop with `exit_code`
// having printed help (kExitPass) or a one-line error (kExitBadInput) to
// the given streams.
struct ParsedAbArgs {
  std::optional<AbOptions> options;
  int exit_code = kExitPass;
};

ParsedAbArgs ParseAbArgs(const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err);

// The repetitions each process runs in a round unless the flags after "--"
// set them (the runner's own default, kDefaultRepetitions, is for one run).
inline constexpr int kRepetitionsPerRound = 5;    // --fixed-rounds
inline constexpr int kSequentialRepetitions = 2;  // sequential rounds

}  // namespace benchgate::ab

#endif  // BENCHGATE_TOOLS_AB_OPTIONS_H_
