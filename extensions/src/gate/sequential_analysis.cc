#include "gate/sequential_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "gate/reasons.h"
#include "stats/repeated_normal_looks.h"
#include "stats/repeated_sign_test.h"
#include "stats/sequential_signed_rank.h"

namespace benchgate {
namespace {

using DecidedAt = std::map<std::string, std::size_t>;

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

// What a benchmark's rounds so far say about "unchanged": the one-sided
// sign test rejects "the median round is at or beyond the tolerance in the
// worse direction" (RepeatedSignTest: a round beyond the limit costs one
// count however far beyond, so a burst over a whole process does not keep
// a benchmark open).
struct RoundCounts {
  std::size_t rounds = 0;
  std::size_t beyond = 0;  // beyond the tolerance in the worse direction
  bool no_regression = false;
};

RoundCounts CountsOf(const std::vector<double>& log_ratios, const RepeatedSignTest& looks,
                     double one_sided, double tolerance, bool higher_is_better) {
  RoundCounts r;
  r.rounds = log_ratios.size();
  const double limit =
      higher_is_better ? std::log1p(-std::min(tolerance, 0.99)) : std::log1p(tolerance);
  for (const double d : log_ratios) {
    r.beyond += (higher_is_better ? d <= limit : d >= limit) ? 1 : 0;
  }
  const int most = looks.MostBeyond(r.rounds, one_sided);
  r.no_regression = most >= 0 && r.beyond <= static_cast<std::size_t>(most);
  return r;
}

enum class Look { kDecided, kOpen, kClosed };

// Round `index` (0-based) holds the benchmark.
bool MeasuredIn(const std::vector<RunData>& rounds, std::size_t index, const BenchmarkAnalysis& b) {
  const std::vector<SampleSet>& sets = rounds[index].benchmarks;
  return std::any_of(sets.begin(), sets.end(),
                     [&](const SampleSet& set) { return set.name == b.samples.name; });
}

Look JudgeLook(const BenchmarkAnalysis& b, const RoundCounts& counts) {
  if (!b.comparison) return Look::kClosed;
  switch (b.status) {
    case VerdictStatus::kRegression:
    case VerdictStatus::kImprovement:
    case VerdictStatus::kBudgetExceeded:
      return Look::kDecided;
    case VerdictStatus::kUnchanged:
      return counts.no_regression ? Look::kDecided : Look::kOpen;
    case VerdictStatus::kInconclusive:
      return b.more_helps ? Look::kOpen : Look::kClosed;
    default:
      return Look::kClosed;
  }
}

}  // namespace

SuiteAnalysis AnalyzeSequential(const std::vector<RunData>& baseline_rounds,
                                const std::vector<RunData>& candidate_rounds,
                                const AnalysisConfig& config, const SequentialDesign& design,
                                SequentialState* state) {
  const std::size_t last = std::clamp<std::size_t>(design.last_look, 1, kMaxLooks);
  const std::size_t first = std::clamp<std::size_t>(design.first_look, 1, last);
  const RepeatedSignTest& quiet_looks = RepeatedSignTest::For(first, last);
  const double one_sided = quiet_looks.OneSidedNominal(kFalseQuiet);
  const RepeatedNormalLooks& looks =
      RepeatedNormalLooks::For(static_cast<int>(first), static_cast<int>(last));
  PairedLook look;
  look.level = config.ci_level;
  look.p_method = "signed-rank-sequential";
  look.p_value = [&](const std::vector<double>& d) { return SequentialSignedRankP(d, looks); };
  std::map<std::string, std::vector<double>> seen;
  look.seen = [&](const std::string& name, const std::vector<double>& d) { seen[name] = d; };
  const auto counts_of = [&](const BenchmarkAnalysis& b) {
    const auto it = seen.find(b.samples.name);
    if (!b.comparison || it == seen.end()) return RoundCounts{};
    return CountsOf(it->second, quiet_looks, one_sided, b.comparison->tolerance,
                    config.higher_is_better);
  };

  const std::size_t rounds = std::min({baseline_rounds.size(), candidate_rounds.size(), last});
  SequentialState fresh;
  SequentialState& s = state != nullptr ? *state : fresh;
  const auto analyse = [&](std::size_t k, bool report) {
    seen.clear();
    look.all_samples_test = report;
    return AnalyzeProcessesAt(Cut(baseline_rounds, k, s.decided),
                              Cut(candidate_rounds, k, s.decided), config, look);
  };
  // Looks before the first decide nothing; looks already taken (the state)
  // are not taken again.
  std::size_t k = std::max(std::min(first, rounds), std::min(s.looked + 1, rounds));
  for (;; ++k) {
    const SuiteAnalysis suite = analyse(k, false);
    bool open = false;
    for (const BenchmarkAnalysis& b : suite.benchmarks) {
      if (s.decided.count(b.samples.name) > 0) continue;
      Look outcome = JudgeLook(b, counts_of(b));
      // The rounds go on without it: whoever ran them stopped it here (the
      // shard of a CI matrix that judged its own benchmarks).
      if (outcome == Look::kOpen && k < rounds && !MeasuredIn(baseline_rounds, k, b) &&
          !MeasuredIn(candidate_rounds, k, b)) {
        outcome = Look::kDecided;
      }
      if (outcome == Look::kDecided) s.decided[b.samples.name] = k;
      open = open || (outcome == Look::kOpen && k < last);
    }
    s.looked = std::max(s.looked, k);
    if (!open || k >= rounds) break;
  }
  // The last look again, with the all-samples test for the report.
  SuiteAnalysis suite = analyse(k, true);
  suite.last_look = static_cast<int>(last);
  for (BenchmarkAnalysis& b : suite.benchmarks) {
    if (!b.comparison) continue;
    const auto it = s.decided.find(b.samples.name);
    const RoundCounts e = counts_of(b);
    const Look outcome = JudgeLook(b, e);
    b.look_round = static_cast<int>(it != s.decided.end() ? it->second : k);
    b.decided_early = it != s.decided.end() && it->second < last;
    b.open = it == s.decided.end() && outcome == Look::kOpen && k < last;
    const bool decided = b.decided_early && outcome == Look::kDecided;
    if (decided && b.status == VerdictStatus::kUnchanged) {
      b.reasons.push_back(NoRegressionReason(b.look_round, suite.last_look, e.rounds - e.beyond,
                                             e.rounds, b.comparison->tolerance, kFalseQuiet,
                                             config.higher_is_better));
    } else if (decided) {
      b.reasons.push_back(DecidedEarlyReason(b.look_round, suite.last_look));
    } else if (b.open || b.decided_early) {
      // Open when the rounds ended, or no longer measured though no look of
      // this judgment decided it (its shard's own looks did).
      b.reasons.push_back(StillOpenReason(b.look_round, suite.last_look));
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
