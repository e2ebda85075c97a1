#include "gate/sequential_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "gate/reasons.h"
#include "stats/repeated_signed_rank.h"
#include "stats/signed_rank.h"

namespace benchgate {
namespace {

// A nominal level is an attainable p-value; the interval at exactly that
// level must include it (HodgesLehmannOneSample compares coverage >= level).
constexpr double kLevelSlack = 1 + 1e-9;

using DecidedAt = std::map<std::string, std::size_t>;  // name -> round of its deciding look

// The first `k` rounds, each benchmark only up to the round that decided it.
std::vector<RunData> Cut(const std::vector<RunData>& rounds, std::size_t k,
                         const DecidedAt& decided) {
  std::vector<RunData> cut(rounds.begin(), rounds.begin() + static_cast<std::ptrdiff_t>(k));
  for (std::size_t r = 0; r < k; ++r) {
    std::vector<SampleSet>& sets = cut[r].benchmarks;
    sets.erase(std::remove_if(sets.begin(), sets.end(),
                              [&](const SampleSet& set) {
                                const auto it = decided.find(set.name);
                                return it != decided.end() && it->second < r + 1;
                              }),
               sets.end());
  }
  return cut;
}

struct Equivalence {
  bool within = false;
  double estimate = 0, lo = 0, hi = 0;
};

Equivalence EquivalenceOf(const std::vector<double>& log_ratios, double level, double tolerance) {
  const OneSampleShift shift = HodgesLehmannOneSample(log_ratios, level);
  Equivalence e;
  if (shift.status != StatStatus::kOk) return e;
  e.estimate = std::expm1(shift.estimate);
  e.lo = std::expm1(shift.lower);
  e.hi = std::expm1(shift.upper);
  e.within = e.lo > -tolerance && e.hi < tolerance;
  return e;
}

enum class Look { kDecided, kOpen, kClosed };

Look JudgeLook(const BenchmarkAnalysis& b, const Equivalence& equivalence) {
  if (!b.comparison) return Look::kClosed;
  switch (b.status) {
    case VerdictStatus::kRegression:
    case VerdictStatus::kImprovement:
    case VerdictStatus::kBudgetExceeded:
      return Look::kDecided;
    case VerdictStatus::kUnchanged:
      return equivalence.within ? Look::kDecided : Look::kOpen;
    case VerdictStatus::kInconclusive:
      return b.more_helps ? Look::kOpen : Look::kClosed;
    default:
      return Look::kClosed;
  }
}

}  // namespace

SuiteAnalysis AnalyzeSequential(const std::vector<RunData>& baseline_rounds,
                                const std::vector<RunData>& candidate_rounds,
                                const AnalysisConfig& config, const SequentialDesign& design) {
  const std::size_t last = std::clamp<std::size_t>(design.last_look, 1, kMaxLooks);
  const std::size_t first = std::clamp<std::size_t>(design.first_look, 1, last);
  const RepeatedSignedRank& looks = RepeatedSignedRank::For(first, last);
  const double nominal = looks.NominalLevel(1 - config.ci_level);
  const double equivalence_level = 1 - looks.NominalLevel(1 - kEquivalenceLevel) * kLevelSlack;
  PairedLook look;
  // No attainable level: every look's interval is "too few rounds".
  look.level = nominal > 0 ? 1 - nominal * kLevelSlack : 1 - 1e-12;
  look.p_method = "signed-rank-sequential";
  look.p_value = [&](const std::vector<double>& d) { return looks.RepeatedP(d); };
  std::map<std::string, std::vector<double>> ratios;
  look.seen = [&](const std::string& name, const std::vector<double>& d) { ratios[name] = d; };
  const auto equivalence = [&](const BenchmarkAnalysis& b) {
    const auto it = ratios.find(b.samples.name);
    if (!b.comparison || it == ratios.end()) return Equivalence{};
    return EquivalenceOf(it->second, equivalence_level, b.comparison->tolerance);
  };

  const std::size_t rounds =
      std::min({baseline_rounds.size(), candidate_rounds.size(), last});
  DecidedAt decided;
  SuiteAnalysis suite;
  std::size_t k = std::min(first, rounds);
  for (;; ++k) {
    ratios.clear();
    suite = AnalyzeProcessesAt(Cut(baseline_rounds, k, decided),
                               Cut(candidate_rounds, k, decided), config, look);
    bool open = false;
    for (BenchmarkAnalysis& b : suite.benchmarks) {
      if (decided.count(b.samples.name) > 0) continue;
      const Look outcome = JudgeLook(b, equivalence(b));
      if (outcome == Look::kDecided) decided[b.samples.name] = k;
      b.open = outcome == Look::kOpen && k < last;
      open = open || b.open;
    }
    if (!open || k >= rounds) break;
  }
  suite.last_look = static_cast<int>(last);
  for (BenchmarkAnalysis& b : suite.benchmarks) {
    if (!b.comparison) continue;
    const auto it = decided.find(b.samples.name);
    b.look_round = static_cast<int>(it != decided.end() ? it->second : k);
    b.decided_early = it != decided.end() && it->second < last;
    if (b.open) {
      b.reasons.push_back(StillOpenReason(b.look_round, suite.last_look));
    } else if (b.decided_early && b.status == VerdictStatus::kUnchanged) {
      const Equivalence e = equivalence(b);
      b.reasons.push_back(EquivalentReason(b.look_round, suite.last_look, e.estimate, e.lo, e.hi,
                                           b.comparison->tolerance, kEquivalenceLevel));
    } else if (b.decided_early) {
      b.reasons.push_back(DecidedEarlyReason(b.look_round, suite.last_look));
    }
  }
  return suite;
}

std::vector<std::string> OpenBenchmarks(const SuiteAnalysis& suite) {
  std::vector<std::string> names;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    if (b.open) names.push_back(b.samples.name);
  }
  return names;
}

}  // namespace benchgate
