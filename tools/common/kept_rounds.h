// benchgate-ab's --keep directory: the processes' JSON (rNN-base.json,
// rNN-cand.json) and a manifest, benchgate-ab.json, of how they were run,
// so that `benchgate-diff --paired DIR...` replays them with the same
// design, and combines the shards of a CI matrix (one directory per
// --shard K/N job) into one judgment of the whole suite.
#ifndef BENCHGATE_TOOLS_COMMON_KEPT_ROUNDS_H_
#define BENCHGATE_TOOLS_COMMON_KEPT_ROUNDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/shard.h"
#include "rounds_options.h"

namespace benchgate::tool {

inline constexpr const char* kManifestName = "benchgate-ab.json";

struct KeptRun {
  std::uint64_t seed = 0;
  std::optional<Shard> shard;
  std::string baseline_binary, candidate_binary;
  RoundsOptions rounds;  // the design, resolved
};

// Replaces DIR/benchgate-ab.json atomically.
void WriteManifest(const std::string& dir, const KeptRun& run);

// The kept directories of one benchgate-ab run, or of the N shards of one:
// the run they describe (shard cleared when combined) and, round by round,
// the files of that round in every directory that has it.
struct CombinedRounds {
  KeptRun run;
  std::vector<std::vector<std::string>> baseline, candidate;  // [round][directory]
};

// Throws benchgate::Error naming the directory, one line: no manifest or a
// malformed one; shards of different splits, seeds, binaries or designs; a
// shard twice or one missing; a directory without rounds or with a round's
// baseline file but not its candidate file.
CombinedRounds CombineKept(const std::vector<std::string>& dirs);

}  // namespace benchgate::tool

#endif  // BENCHGATE_TOOLS_COMMON_KEPT_ROUNDS_H_
