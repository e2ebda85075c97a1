// The round options benchgate-ab and `benchgate-diff --paired` share, so
// that a replay of kept rounds judges with the design that ran them: the
// same names, defaults and checks (gate/paired_rounds.h has the designs).
#ifndef BENCHGATE_TOOLS_COMMON_ROUNDS_OPTIONS_H_
#define BENCHGATE_TOOLS_COMMON_ROUNDS_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "gate/paired_rounds.h"

namespace benchgate::tool {

inline constexpr int kDefaultFixedRounds = 10;
inline constexpr int kDefaultSequentialMaxRounds = 30;

struct RoundsOptions {
  bool fixed_rounds = false;  // --fixed-rounds: the design before sequential rounds
  // Sequential: the first look (default kMinPairedRounds); fixed: the
  // rounds of the first judgment (default 10). 0 until resolved.
  int rounds = 0;
  // Rounds in all. Sequential: the last look (default 30, at most
  // kMaxLooks); fixed: extra rounds for the undecided up to this (default
  // twice `rounds`).
  int max_rounds = 0;
  // Sequential: rounds in all for a suspect, a benchmark open at the last
  // look whose estimate is beyond the tolerance (default twice max_rounds,
  // at most kMaxLooks; max_rounds: none). 0 until resolved; fixed: 0.
  int suspect_rounds = 0;
};

// Declares --rounds, --max-rounds, --suspect-rounds and --fixed-rounds.
void AddRoundsFlags(CLI::App& app, RoundsOptions& options);

// After parsing: the chosen design's defaults; "" or the problem in one line.
std::string ResolveRounds(RoundsOptions& options);

RoundsPlan PlanOf(const RoundsOptions& options);

}  // namespace benchgate::tool

#endif  // BENCHGATE_TOOLS_COMMON_ROUNDS_OPTIONS_H_
