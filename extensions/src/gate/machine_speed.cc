#include "gate/machine_speed.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "gate/reasons.h"
#include "gate/verdict_rules.h"
#include "model/number_format.h"

namespace benchgate {
namespace {

double Mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

}  // namespace

std::optional<MachineChange> MachineChangeBetween(const RunData& baseline,
                                                  const RunData& candidate) {
  if (!baseline.speed_probe || !candidate.speed_probe) return std::nullopt;
  const SpeedProbe& before = *baseline.speed_probe;
  const SpeedProbe& after = *candidate.speed_probe;
  if (before.kind != after.kind || before.points_ns.empty() || after.points_ns.empty()) {
    return std::nullopt;
  }
  MachineChange machine;
  // The mean, not the median: a benchmark's repetition averages all the
  // time the machine took away while it ran, and so must the probe. Time
  // taken in slices and bursts (a VM's host, a noisy neighbour) lands on a
  // minority of the points: their median stays near the quiet speed (it
  // read +10% where the benchmarks and the mean saw about +30%, see
  // docs/calibration.md).
  machine.baseline_ns = Mean(before.points_ns);
  machine.candidate_ns = Mean(after.points_ns);
  if (!(machine.baseline_ns > 0) || !(machine.candidate_ns > 0)) return std::nullopt;
  machine.change = machine.candidate_ns / machine.baseline_ns - 1;
  return machine;
}

double MachineChangeLimit(double tolerance) { return std::max(tolerance / 2, kProbeNoise); }

bool DiscountMachineChange(BenchmarkAnalysis& b, const MachineChange& machine,
                           const AnalysisConfig& config) {
  if (!b.comparison || b.comparison->shift_status != StatStatus::kOk) return false;
  // A count (bytes, items) does not scale with the machine's speed.
  if (!IsTimeMetric(config.metric) && !config.higher_is_better) return false;
  const Comparison& c = *b.comparison;
  if (std::abs(machine.change) <= MachineChangeLimit(c.tolerance)) return false;
  // Everything in log units of the worse direction (more time, a lower
  // rate), where a slower machine is a positive shift for times and rates.
  const double worse_machine = std::log1p(machine.change);
  const bool up_is_worse = !config.higher_is_better;
  const double worse_lo = up_is_worse ? std::log1p(c.shift_lo) : -std::log1p(c.shift_hi);
  const double worse_hi = up_is_worse ? std::log1p(c.shift_hi) : -std::log1p(c.shift_lo);
  const double beyond = 2 * std::abs(worse_machine) + std::log1p(c.tolerance);
  const bool slower = machine.change > 0;
  bool trusted = false;
  switch (b.status) {
    case VerdictStatus::kRegression:
      trusted = !slower || worse_lo > beyond;
      break;
    case VerdictStatus::kImprovement:
      trusted = slower || worse_hi < -beyond;
      break;
    case VerdictStatus::kUnchanged:
      break;
    default:
      return false;
  }
  if (trusted) {
    // Only a verdict the machine could have made needs the words.
    const bool machine_could_make_it = (b.status == VerdictStatus::kRegression) == slower;
    if (machine_could_make_it) b.reasons.push_back(MachineSpeedStandsReason(machine.change));
    return false;
  }
  MarkUndecided(b, Undecided::kMachineSpeed, false, MachineSpeedReason(machine.change));
  // The reason that decided first (tables show the first), the evidence after it.
  std::rotate(b.reasons.begin(), b.reasons.end() - 1, b.reasons.end());
  return true;
}

std::string MachineChangeWarning(const MachineChange& machine, std::size_t discounted) {
  return "the machine ran " + MachineSpeedWords(machine.change) +
         " than when the baseline was measured (speed probe: " +
         FormatDuration(machine.candidate_ns) + " against " + FormatDuration(machine.baseline_ns) +
         "): " + std::to_string(discounted) +
         " time verdict(s) that a shift this size could produce are inconclusive; compare the "
         "two builds on one machine (benchgate-ab) or run again";
}

}  // namespace benchgate
