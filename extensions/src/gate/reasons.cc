#include "gate/reasons.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <vector>

#include "model/number_format.h"

namespace benchgate {
namespace {

// "5.04% above the 5.0% limit": a noise just above the limit keeps a second
// decimal, so that the words never contradict the figures.
std::string NoiseAbove(double spread, double max_cv) {
  std::string noise = FormatPercent(spread);
  if (noise == FormatPercent(max_cv)) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", spread * 100.0);
    noise = text;
  }
  return noise + " above the " + FormatPercent(max_cv) + " limit";
}

// "5x", "2.5x".
std::string Times(double factor) {
  std::ostringstream out;
  out << factor << 'x';
  return out.str();
}

std::string StoppedAt(int round, int last_look) {
  return "stopped at round " + std::to_string(round) + " of at most " + std::to_string(last_look) +
         ": ";
}

}  // namespace

std::string ErroredReason(const SampleSet& samples) {
  return samples.skipped ? samples.error_message : "errored: " + samples.error_message;
}

std::string UnstableReason(const MetricStats& judged, double max_cv) {
  const std::size_t slow = judged.slow;
  // The noise is not the CV the tables show (that of every sample, as
  // Google Benchmark's _cv): both are named so that the two numbers agree.
  return "unstable: noise " + NoiseAbove(judged.spread, max_cv) + " (CV " +
         FormatPercent(judged.cv) +
         (slow == 0 ? std::string()
                    : ", " + std::to_string(slow) + " slow sample" + (slow == 1 ? "" : "s") +
                          " set aside") +
         ")";
}

std::string OptimisedAwayReason(double ns) {
  return "nothing measured: " + FormatDuration(ns) +
         " per iteration is less than one CPU cycle; the loop body was probably optimised away "
         "(benchmark::DoNotOptimize keeps it)";
}

std::string NotInBaselineReason() { return "not in the baseline"; }

std::string BaselineOnlyReason() { return "in the baseline only"; }

std::string NoBaselineSamplesReason() { return "the baseline has no samples for it"; }

std::string TooFewSamplesReason(std::size_t kept_before, std::size_t kept_after,
                                std::size_t min_samples) {
  return "too few samples (" + std::to_string(kept_before) + " baseline, " +
         std::to_string(kept_after) + " candidate; need " + std::to_string(min_samples) + " each)";
}

std::string TooFewRoundsReason(std::size_t paired, std::size_t needed) {
  return "too few rounds: " + std::to_string(paired) + " with both sides measured; need " +
         std::to_string(needed);
}

std::string MostlySlowReason(bool baseline) {
  return std::string("unstable: most samples of the ") + (baseline ? "baseline" : "candidate") +
         " are slow (interference over most of the run)";
}

std::string NoisySideReason(bool baseline, double spread, double max_cv) {
  return std::string("unstable: noise of the ") + (baseline ? "baseline " : "candidate ") +
         NoiseAbove(spread, max_cv);
}

std::string Evidence(const Comparison& c, const char* relation) {
  std::string text;
  if (c.shift_status == StatStatus::kOk) {
    text = FormatChange(c.shift) + " [" + FormatChange(c.shift_lo) + ", " +
           FormatChange(c.shift_hi) + "]";
  } else {
    text = FormatChange(c.change) + " (no interval: " + StatStatusName(c.shift_status) + ")";
  }
  text += ", p=" + FormatPValue(c.p_value) + " adj " + FormatPValue(c.p_adjusted) + " " + relation +
          " tolerance " + FormatPercent(c.tolerance);
  return text;
}

std::string StraddlesReason(const std::string& evidence) {
  return evidence +
         "; undecided: the estimate is beyond the tolerance and its interval straddles it";
}

// "set aside as interference: 4 of 10 samples (baseline); round 2
// (disturbed: ...) and 5 of 30 samples (candidate)".
std::string SetAsideNote(const Comparison& c) {
  const auto side = [](std::size_t count, std::size_t n, const std::vector<std::uint32_t>& rounds,
                       const char* name) -> std::string {
    if (count == 0) return "";
    std::string text;
    for (const std::uint32_t round : rounds) {
      text += (text.empty() ? "round " : ", round ") + std::to_string(round);
    }
    if (!rounds.empty()) text += " (disturbed: slower than its best round) and ";
    return text + std::to_string(count) + " of " + std::to_string(n) + " samples (" + name + ")";
  };
  const std::string before =
      side(c.baseline_set_aside.size(), c.baseline_n, c.baseline_rounds_set_aside, "baseline");
  const std::string after =
      side(c.candidate_set_aside.size(), c.candidate_n, c.candidate_rounds_set_aside, "candidate");
  if (before.empty() && after.empty()) return "";
  return "set aside as interference: " + before + (before.empty() || after.empty() ? "" : "; ") +
         after;
}

std::string HistoryEvidence(const Comparison& c, const std::string& tolerance) {
  return FormatChange(c.shift) + " [" + FormatChange(c.shift_lo) + ", " + FormatChange(c.shift_hi) +
         "] against the history's centre; " + tolerance;
}

std::string NotJudgedAgainstHistoryReason(const std::string& tolerance) {
  return "not judged against history: " + tolerance;
}

std::string AfterRoundsReason(AfterRounds outcome, int extra_rounds) {
  const std::string after =
      " after " + std::to_string(extra_rounds) + " extra round" + (extra_rounds == 1 ? "" : "s");
  switch (outcome) {
    case AfterRounds::kConfirmed:
      return "confirmed" + after;
    case AfterRounds::kCleared:
      return "cleared" + after + ": the first verdict did not hold";
    case AfterRounds::kStillUndecided:
      return "still undecided" + after;
    case AfterRounds::kDecided:
      break;
  }
  return "decided" + after;
}

std::string DecidedEarlyReason(int round, int last_look) {
  return "decided at round " + std::to_string(round) + " of at most " + std::to_string(last_look) +
         ": the p-value allows for every look; an early stop's estimate leans away from zero";
}

std::string NoRegressionReason(int round, int last_look, std::size_t short_of, std::size_t rounds,
                               double tolerance, double false_quiet, bool higher_is_better) {
  return "unchanged at round " + std::to_string(round) + " of at most " +
         std::to_string(last_look) + ": " + std::to_string(short_of) + " of " +
         std::to_string(rounds) + " rounds " + (higher_is_better ? "above " : "below ") +
         FormatChange(higher_is_better ? -tolerance : tolerance) +
         ", no regression beyond the tolerance (sign test, at most " + FormatPercent(false_quiet) +
         " wrong across the looks)";
}

std::string StillOpenReason(int round, int last_look) {
  return "still open after round " + std::to_string(round) + " of at most " +
         std::to_string(last_look) + ": the rounds ended before a look decided it";
}

std::string SuspectReason(int last_look, int suspect_look, double tolerance) {
  return "a suspect: its estimate beyond the " + FormatPercent(tolerance) + " tolerance at round " +
         std::to_string(last_look) + ", the last look, so looked at to round " +
         std::to_string(suspect_look) + " by the regression test alone";
}

std::string SuspectUnsettledReason(int round, double tolerance) {
  return "undecided at round " + std::to_string(round) +
         ", its last: its estimate came back within the " + FormatPercent(tolerance) +
         " tolerance, but its interval still reaches beyond it";
}

std::string NoisyStopReason(int round, int last_look, bool baseline, std::size_t noisy,
                            std::size_t rounds, double max_cv, double false_noisy) {
  return StoppedAt(round, last_look) + (baseline ? "the baseline's" : "the candidate's") +
         " noise above the " + FormatPercent(max_cv) + " limit in " + std::to_string(noisy) +
         " of " + std::to_string(rounds) +
         " rounds, more rounds would not settle it (sign test, at most " +
         FormatPercent(false_noisy) + " wrong across the looks)";
}

std::string FutileStopReason(int round, int last_look, double tolerance, double reach,
                             std::size_t rounds_needed, std::size_t most_rounds) {
  const std::string needed = std::to_string(rounds_needed);
  return StoppedAt(round, last_look) + "too noisy to decide at the " + FormatPercent(tolerance) +
         " tolerance; its interval, narrowed to round " + std::to_string(last_look) +
         "'s width, would still reach +-" + FormatPercent(reach) +
         (rounds_needed <= most_rounds
              ? ": about " + needed + " rounds could decide it (benchgate-ab --max-rounds " +
                    needed + ")"
              : ": more than the " + std::to_string(most_rounds) +
                    " rounds a run may take (count instructions: benchgate-ab --measure "
                    "instructions)");
}

std::string BurstRoundsReason(std::size_t set_aside, std::size_t rounds, double factor) {
  return std::to_string(set_aside) + " of " + std::to_string(rounds) +
         " rounds set aside as bursts over a whole process (|d| above " + Times(factor) +
         " their median): the test and the interval use the other " +
         std::to_string(rounds - set_aside);
}

std::string MachineSpeedWords(double change) {
  return FormatPercent(std::abs(change)) + (change > 0 ? " slower" : " faster");
}

std::string MachineSpeedReason(double change) {
  return "machine " + MachineSpeedWords(change) +
         " than for the baseline (speed probe): a change this size cannot be told from the code's";
}

std::string MachineSpeedStandsReason(double change) {
  return "stands although the machine ran " + MachineSpeedWords(change) +
         ": beyond twice that and the tolerance";
}

}  // namespace benchgate
