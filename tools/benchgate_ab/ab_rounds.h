// benchgate-ab's rounds: each runs the two binaries once, in the seeded
// order, reads their JSON and keeps it (under --keep DIR, else in a
// temporary directory), and tells a person at a terminal how far it got.
#ifndef BENCHGATE_TOOLS_AB_ROUNDS_H_
#define BENCHGATE_TOOLS_AB_ROUNDS_H_

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "ab_options.h"
#include "model/sample_set.h"

namespace benchgate::ab {

// Progress lines on stderr, only when it is a terminal: CI logs get the seed
// and one closing line (Summary) instead.
class Progress {
 public:
  Progress(std::ostream& err, bool shown) : err_(err), shown_(shown) {}
  // Before round `round` of the first `rounds`, or an extra one for
  // `undecided` benchmarks.
  void Round(int round, const AbOptions& o, bool baseline_first, std::size_t undecided);
  double Seconds() const;
  // "benchgate-ab: 10 rounds and 4 extra rounds (3 benchmarks) in 152 s".
  void Summary(int rounds, int extra_rounds, std::size_t measured_again);
  // "benchgate-ab: 9 rounds in 61 s (sequential: 46 stopped before the last
  // look, 6.8 rounds per benchmark on average)".
  void Sequential(int rounds, double mean_rounds, std::size_t decided_early);

 private:
  std::ostream& err_;
  bool shown_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

class RoundRunner {
 public:
  // `json_dir`: where each process writes its JSON (rNN-base.json,
  // rNN-cand.json); `work`: a directory for their stderr.
  // `shard_names`: with --shard, the benchmarks of the shard (every round
  // measures only those); empty: every benchmark.
  RoundRunner(const AbOptions& o, std::uint64_t seed, std::string work, std::string json_dir,
              Progress& progress, std::vector<std::string> shard_names = {});

  // Runs the next round: every benchmark (of the shard), or only these
  // (later rounds, by an exact --benchmark_filter). Throws benchgate::Error naming the binary
  // and the round when a process fails or its JSON is missing or malformed.
  void Run(const std::vector<std::string>& only = {});

  int rounds() const { return static_cast<int>(baseline_.size()); }
  const std::vector<RunData>& baseline() const { return baseline_; }
  const std::vector<RunData>& candidate() const { return candidate_; }

 private:
  const AbOptions& o_;
  std::vector<bool> baseline_first_;
  std::string work_, json_dir_;
  Progress& progress_;
  std::vector<std::string> shard_names_;
  std::vector<RunData> baseline_, candidate_;
};

}  // namespace benchgate::ab

#endif  // BENCHGATE_TOOLS_AB_ROUNDS_H_
