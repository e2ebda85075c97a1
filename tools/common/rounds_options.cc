#include "rounds_options.h"

#include <algorithm>

#include "gate/process_analysis.h"
#include "stats/repeated_sign_test.h"

namespace benchgate::tool {

void AddRoundsFlags(CLI::App& app, RoundsOptions& options) {
  app.add_option("--rounds,-r", options.rounds,
                 "sequential: the first look (default 6); --fixed-rounds: the rounds of the "
                 "judgment (default 10)")
      ->check(CLI::Range(1, 10000));
  app.add_option("--max-rounds", options.max_rounds,
                 "rounds in all: sequential, the last look (default 30, at most 100); "
                 "--fixed-rounds, extra rounds for undecided benchmarks included (default twice "
                 "--rounds; equal to --rounds: no extra rounds)")
      ->check(CLI::Range(1, 10000));
  app.add_option("--suspect-rounds", options.suspect_rounds,
                 "sequential: rounds in all for a benchmark still open at the last look whose "
                 "estimate is beyond the tolerance, looked at by the regression test alone "
                 "(default twice --max-rounds, at most 100; equal to --max-rounds: none)")
      ->check(CLI::Range(1, 10000));
  app.add_flag("--fixed-rounds", options.fixed_rounds,
               "judge once after --rounds rounds of every benchmark, then extra rounds in "
               "batches for the undecided ones (the design before sequential rounds)");
}

std::string ResolveRounds(RoundsOptions& o) {
  if (o.fixed_rounds) {
    if (o.suspect_rounds != 0) {
      return "--suspect-rounds: expected sequential rounds, got --fixed-rounds";
    }
    if (o.rounds == 0) o.rounds = kDefaultFixedRounds;
    if (o.max_rounds == 0) o.max_rounds = 2 * o.rounds;
  } else {
    if (o.rounds == 0) o.rounds = static_cast<int>(kMinPairedRounds);
    if (o.max_rounds == 0) o.max_rounds = std::max(kDefaultSequentialMaxRounds, o.rounds);
    if (o.max_rounds > static_cast<int>(kMaxLooks)) {
      return "--max-rounds: expected at most " + std::to_string(kMaxLooks) +
             " with sequential rounds, got " + std::to_string(o.max_rounds) +
             "; --fixed-rounds allows more";
    }
    if (o.suspect_rounds == 0) {
      o.suspect_rounds = std::clamp(2 * o.max_rounds, o.max_rounds, static_cast<int>(kMaxLooks));
    }
    if (o.suspect_rounds > static_cast<int>(kMaxLooks) || o.suspect_rounds < o.max_rounds) {
      return "--suspect-rounds: expected " + std::to_string(o.max_rounds) + " (--max-rounds) to " +
             std::to_string(kMaxLooks) + ", got " + std::to_string(o.suspect_rounds);
    }
  }
  if (o.max_rounds < o.rounds) {
    return "--max-rounds: expected at least --rounds (" + std::to_string(o.rounds) + "), got " +
           std::to_string(o.max_rounds);
  }
  return "";
}

RoundsPlan PlanOf(const RoundsOptions& o) {
  RoundsPlan plan;
  plan.sequential = !o.fixed_rounds;
  plan.rounds = o.rounds;
  plan.max_rounds = o.max_rounds;
  plan.suspect_rounds = o.suspect_rounds;
  return plan;
}

}  // namespace benchgate::tool
