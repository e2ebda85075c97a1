#include "kept_rounds.h"

#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <system_error>

#include "benchgate/error.h"
#include "io/files.h"
#include "io/json_checks.h"
#include "stats/repeated_sign_test.h"

namespace benchgate::tool {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

KeptRun ReadManifest(const std::string& dir) {
  const std::string path = (fs::path(dir) / kManifestName).string();
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    throw Error(dir, "",
                std::string("expected a --keep directory of benchgate-ab, with ") + kManifestName +
                    " (kept by benchgate-ab since sequential rounds)");
  }
  const json doc = json::parse(ReadWholeFile(path), nullptr, false);
  const JsonChecker checker(path);
  if (doc.is_discarded()) checker.Fail("", "expected a JSON object");
  checker.Object(doc, "");
  KeptRun run;
  run.seed = checker.Count(checker.Member(doc, "seed", ""), "/seed");
  run.baseline_binary = checker.String(checker.Member(doc, "baseline", ""), "/baseline");
  run.candidate_binary = checker.String(checker.Member(doc, "candidate", ""), "/candidate");
  const json& rounds = checker.Object(checker.Member(doc, "rounds", ""), "/rounds");
  run.rounds.fixed_rounds =
      checker.Bool(checker.Member(rounds, "fixed", "/rounds"), "/rounds/fixed");
  // Numbers of rounds as benchgate-ab allows them (sequential looks up to
  // kMaxLooks), checked before they become ints.
  const auto count = [&](const json& value, const std::string& pointer, int low,
                         const std::string& low_name) {
    const std::uint64_t n = checker.Count(value, pointer);
    const std::uint64_t high = run.rounds.fixed_rounds
                                   ? static_cast<std::uint64_t>(std::numeric_limits<int>::max())
                                   : kMaxLooks;
    if (n < static_cast<std::uint64_t>(low) || n > high) {
      checker.Fail(pointer, "expected " + low_name + " to " + std::to_string(high) + ", got " +
                                std::to_string(n));
    }
    return static_cast<int>(n);
  };
  run.rounds.rounds = count(checker.Member(rounds, "first", "/rounds"), "/rounds/first", 1, "1");
  run.rounds.max_rounds = count(checker.Member(rounds, "max", "/rounds"), "/rounds/max",
                                run.rounds.rounds, std::to_string(run.rounds.rounds) + " (first)");
  // Kept before suspects went on: none did.
  const auto suspect = rounds.find("suspect");
  run.rounds.suspect_rounds = run.rounds.fixed_rounds ? 0
                              : suspect == rounds.end()
                                  ? run.rounds.max_rounds
                                  : count(*suspect, "/rounds/suspect", run.rounds.max_rounds,
                                          std::to_string(run.rounds.max_rounds) + " (max)");
  if (const auto shard = doc.find("shard"); shard != doc.end() && !shard->is_null()) {
    const std::optional<Shard> parsed = ParseShard(checker.String(*shard, "/shard"));
    if (!parsed) checker.Fail("/shard", "expected \"K/N\" with 1 <= K <= N");
    run.shard = parsed;
  }
  return run;
}

// rNN-base.json and rNN-cand.json by round number.
std::map<int, std::pair<std::string, std::string>> RoundFiles(const std::string& dir) {
  std::map<int, std::pair<std::string, std::string>> rounds;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    const bool base = name.size() > 10 && name.compare(name.size() - 10, 10, "-base.json") == 0;
    const bool cand = name.size() > 10 && name.compare(name.size() - 10, 10, "-cand.json") == 0;
    if (name.empty() || name[0] != 'r' || !(base || cand)) continue;
    const std::string digits = name.substr(1, name.size() - 11);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    auto& files = rounds[std::stoi(digits)];
    (base ? files.first : files.second) = entry.path().string();
  }
  if (error) throw Error(dir, "", "expected a readable directory (" + error.message() + ")");
  if (rounds.empty()) throw Error(dir, "", "expected kept rounds (rNN-base.json, rNN-cand.json)");
  for (const auto& [round, files] : rounds) {
    if (files.first.empty() || files.second.empty()) {
      throw Error(dir, "",
                  "expected both files of round " + std::to_string(round) + ", got " +
                      (files.first.empty() ? files.second : files.first) + " alone");
    }
  }
  return rounds;
}

bool SameDesign(const RoundsOptions& a, const RoundsOptions& b) {
  return a.fixed_rounds == b.fixed_rounds && a.rounds == b.rounds && a.max_rounds == b.max_rounds &&
         a.suspect_rounds == b.suspect_rounds;
}

}  // namespace

void WriteManifest(const std::string& dir, const KeptRun& run) {
  const json doc = {{"tool", "benchgate-ab"},
                    {"seed", run.seed},
                    {"shard", run.shard ? json(ShardName(*run.shard)) : json(nullptr)},
                    {"baseline", run.baseline_binary},
                    {"candidate", run.candidate_binary},
                    {"rounds",
                     {{"fixed", run.rounds.fixed_rounds},
                      {"first", run.rounds.rounds},
                      {"max", run.rounds.max_rounds},
                      {"suspect", run.rounds.suspect_rounds}}}};
  WriteFileAtomically((fs::path(dir) / kManifestName).string(), doc.dump(2) + "\n");
}

CombinedRounds CombineKept(const std::vector<std::string>& dirs) {
  CombinedRounds combined;
  std::map<int, std::string> shards;  // index -> directory
  for (std::size_t d = 0; d < dirs.size(); ++d) {
    const std::string& dir = dirs[d];
    const KeptRun run = ReadManifest(dir);
    if (d == 0) {
      combined.run = run;
    } else {
      const KeptRun& first = combined.run;
      const auto differs = [&](const std::string& what) {
        throw Error(dir, "",
                    "expected the shards of one benchgate-ab run, got another " + what + " than " +
                        dirs.front());
      };
      if (!run.shard || !first.shard || run.shard->count != first.shard->count) differs("split");
      if (run.seed != first.seed) differs("seed");
      if (run.baseline_binary != first.baseline_binary ||
          run.candidate_binary != first.candidate_binary) {
        differs("pair of binaries");
      }
      if (!SameDesign(run.rounds, first.rounds)) differs("design of rounds");
    }
    if (run.shard) {
      if (const auto [it, fresh] = shards.emplace(run.shard->index, dir); !fresh) {
        throw Error(
            dir, "",
            "expected each shard once, shard " + ShardName(*run.shard) + " is also " + it->second);
      }
    }
    for (const auto& [round, files] : RoundFiles(dir)) {
      const auto at = static_cast<std::size_t>(round - 1);
      if (combined.baseline.size() <= at) {
        combined.baseline.resize(at + 1);
        combined.candidate.resize(at + 1);
      }
      combined.baseline[at].push_back(files.first);
      combined.candidate[at].push_back(files.second);
    }
  }
  if (combined.run.shard) {
    const int count = combined.run.shard->count;
    for (int k = 1; k <= count; ++k) {
      if (shards.count(k) == 0) {
        throw Error(dirs.front(), "",
                    "expected all " + std::to_string(count) + " shards, shard " +
                        ShardName(Shard{k, count}) + " is missing");
      }
    }
    combined.run.shard.reset();
  }
  for (std::size_t r = 0; r < combined.baseline.size(); ++r) {
    if (combined.baseline[r].empty()) {
      throw Error(dirs.front(), "",
                  "expected every round from 1, round " + std::to_string(r + 1) + " is missing");
    }
  }
  return combined;
}

}  // namespace benchgate::tool
