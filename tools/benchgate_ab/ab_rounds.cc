#include "ab_rounds.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <utility>

#include "ab_process.h"
#include "benchgate/error.h"
#include "gate/more_rounds.h"
#include "io/files.h"
#include "io/run_reader.h"
#include "run/child_process.h"

namespace benchgate::ab {
namespace {

namespace fs = std::filesystem;

// "r01" for round 1 of up to 99 (--max-rounds): zero-padded so that name order is round order.
std::string RoundName(int round, int rounds) {
  const std::string number = std::to_string(round);
  const std::size_t width = std::to_string(rounds).size();
  return "r" + std::string(width - std::min(width, number.size()), '0') + number;
}

bool Sets(const std::vector<std::string>& flags, const std::string& name) {
  for (const std::string& flag : flags) {
    if (flag == name || flag.rfind(name + "=", 0) == 0) return true;
  }
  return false;
}

std::vector<std::string> ChildArgs(const AbOptions& o, const std::string& json_path,
                                   const std::vector<std::string>& only) {
  std::vector<std::string> args = o.child_flags;
  args.push_back("--benchmark_out=" + json_path);
  args.push_back("--benchmark_out_format=json");
  args.push_back("--benchmark_format=json");
  args.push_back("--benchmark_enable_random_interleaving=true");
  if (!Sets(o.child_flags, "--benchmark_repetitions")) {
    args.push_back("--benchmark_repetitions=" + std::to_string(o.repetitions));
  }
  // Last, so it wins over the user's own filter (whose matches these are).
  if (!only.empty()) args.push_back("--benchmark_filter=" + ExactNameFilter(only));
  return args;
}

// One process: run, check how it ended, read its JSON.
RunData RunProcess(const AbOptions& o, const std::string& role, const std::string& binary,
                   int round, const std::vector<std::string>& only, const std::string& json_path,
                   const std::string& stderr_path) {
  const std::string source = role + " binary " + binary + ", round " + std::to_string(round);
  // A benchgate binary also writes its enriched JSON where BENCHGATE_OUT
  // says (any other binary ignores the variable): a superset of the Google
  // Benchmark file with the latency histograms and the BENCHGATE_BUDGETs of
  // its code. It replaces that file, so kept runs carry it too.
  const std::string enriched_path = json_path + ".benchgate";
  std::error_code error;
  fs::remove(enriched_path, error);
  ChildOptions child;
  child.stderr_path = stderr_path;
  // No speed probe: the rounds alternate the two builds on one machine,
  // which is what the probe stands in for in a comparison of two runs.
  child.set_env = {"BENCHGATE_OUT=" + enriched_path, "BENCHGATE_SPEED_PROBE=false"};
  const ChildExit ended = RunChild(binary, ChildArgs(o, json_path, only), child);
  const bool enriched = fs::is_regular_file(enriched_path, error);
  // kExitGateFailed after writing it is the binary's own gate failing (its
  // code's budgets broken): the measurements stand, and are judged here.
  if (!ResultsStand(ended, enriched)) {
    const std::string line = TellingLine(ReadFileIfAny(stderr_path));
    throw Error(source, "", ended.what + (line.empty() ? "" : ": " + line));
  }
  if (enriched) {
    std::error_code moved;
    fs::rename(enriched_path, json_path, moved);
    if (moved) {
      throw Error(source, "", "cannot move its enriched JSON into place (" + moved.message() + ")");
    }
  }
  error.clear();
  if (!fs::is_regular_file(json_path, error)) {
    throw Error(source, "", "wrote no JSON to --benchmark_out (is it a Google Benchmark binary?)");
  }
  // Kept files are named by their path, temporary ones by their name alone.
  const std::string label = o.keep.empty() ? fs::path(json_path).filename().string() : json_path;
  try {
    return ReadRunText(ReadWholeFile(json_path), label);
  } catch (const Error& bad) {
    throw Error(source, "", bad.what());
  }
}

// "1m40s", "35 s": a duration for a person.
std::string Duration(double seconds) {
  const long whole = std::lround(std::max(seconds, 0.0));
  if (whole < 100) return std::to_string(whole) + " s";
  return std::to_string(whole / 60) + "m" + std::to_string(whole % 60) + "s";
}

std::string OneDecimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// The rounds a run may take: the suspects' when they go further.
int MostRounds(const AbOptions& o) { return std::max({o.rounds, o.max_rounds, o.suspect_rounds}); }

const char* Order(bool baseline_first) {
  return baseline_first ? "base then candidate" : "candidate then base";
}

}  // namespace

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Round(int round, const AbOptions& o, bool baseline_first, std::size_t undecided) {
  if (!shown_) return;
  err_ << "benchgate-ab: ";
  if (!o.fixed_rounds && round > o.rounds) {
    // Past the last look only the suspects are still measured.
    const bool suspects = round > o.max_rounds;
    err_ << "round " << round << " (at most " << (suspects ? o.suspect_rounds : o.max_rounds)
         << ") for " << undecided << (suspects ? " suspect" : " open benchmark")
         << (undecided == 1 ? "" : "s") << ": " << Order(baseline_first);
    if (o.max_seconds > 0) {
      err_ << ", " << Duration(o.max_seconds - Seconds()) << " of --max-seconds left";
    }
  } else if (round <= o.rounds) {
    err_ << "round " << round << " of " << o.rounds << ": " << Order(baseline_first);
    // The rounds so far say how long the rest takes.
    if (round > 1) {
      err_ << ", about " << Duration(Seconds() / (round - 1) * (o.rounds - round + 1)) << " left";
    }
  } else {
    err_ << "extra round " << round << " (at most " << o.max_rounds << ") for " << undecided
         << " undecided benchmark" << (undecided == 1 ? "" : "s") << ": " << Order(baseline_first);
    if (o.max_seconds > 0) {
      err_ << ", " << Duration(o.max_seconds - Seconds()) << " of --max-seconds left";
    }
  }
  err_ << std::endl;
}

void Progress::Sequential(int rounds, double mean_rounds, std::size_t decided_early) {
  err_ << "benchgate-ab: " << rounds << " round" << (rounds == 1 ? "" : "s") << " in "
       << Duration(Seconds()) << " (sequential: " << decided_early
       << " stopped before the last look, " << OneDecimal(mean_rounds)
       << " rounds per benchmark on average)" << std::endl;
}

void Progress::Summary(int rounds, int extra_rounds, std::size_t measured_again) {
  err_ << "benchgate-ab: " << rounds << " round" << (rounds == 1 ? "" : "s");
  if (extra_rounds > 0) {
    err_ << " and " << extra_rounds << " extra round" << (extra_rounds == 1 ? "" : "s") << " ("
         << measured_again << " benchmark" << (measured_again == 1 ? "" : "s") << ")";
  }
  err_ << " in " << Duration(Seconds()) << std::endl;
}

RoundRunner::RoundRunner(const AbOptions& o, std::uint64_t seed, std::string work,
                         std::string json_dir, Progress& progress,
                         std::vector<std::string> shard_names)
    : o_(o),
      baseline_first_(BaselineFirst(seed, MostRounds(o))),
      work_(std::move(work)),
      json_dir_(std::move(json_dir)),
      progress_(progress),
      shard_names_(std::move(shard_names)) {}

void RoundRunner::Run(const std::vector<std::string>& later) {
  const std::vector<std::string>& only = later.empty() ? shard_names_ : later;
  const int round = rounds() + 1;
  const int of = MostRounds(o_);
  const bool base_first = baseline_first_.at(static_cast<std::size_t>(round - 1));
  progress_.Round(round, o_, base_first, only.size());
  const std::string name = RoundName(round, of);
  for (const bool base : {base_first, !base_first}) {
    const std::string side = base ? "base" : "cand";
    const std::string json = json_dir_ + "/" + name + "-" + side + ".json";
    const std::string stderr_path = work_ + "/" + name + "-" + side + ".stderr";
    RunData run =
        RunProcess(o_, base ? "baseline" : "candidate",
                   base ? o_.baseline_binary : o_.candidate_binary, round, only, json, stderr_path);
    (base ? baseline_ : candidate_).push_back(std::move(run));
  }
}

}  // namespace benchgate::ab
