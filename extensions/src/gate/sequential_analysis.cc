#include "gate/sequential_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "gate/match_by_name.h"
#include "gate/reasons.h"
#include "gate/verdict_rules.h"
#include "stats/burst_rounds.h"
#include "stats/repeated_normal_looks.h"
#include "stats/repeated_sign_test.h"
#include "stats/sequential_signed_rank.h"
#include "stats/signed_rank.h"

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

enum class Look { kDecided, kNoisy, kFutile, kOpen, kClosed };

// Round `index` (0-based) holds the benchmark.
bool MeasuredIn(const std::vector<RunData>& rounds, std::size_t index, const BenchmarkAnalysis& b) {
  const std::vector<SampleSet>& sets = rounds[index].benchmarks;
  return std::any_of(sets.begin(), sets.end(),
                     [&](const SampleSet& set) { return set.name == b.samples.name; });
}

// What the stops need of a benchmark's pairing: its rounds so far, not
// every sample (kept for each benchmark at every look).
struct RoundsSeen {
  std::vector<double> log_ratios;
  std::vector<double> before_spreads, after_spreads;
};

// The rounds the test and the interval use: without their bursts, unless
// fewer than kMinPairedRounds would be left (then all, so that an interval
// exists).
std::vector<double> KeptRounds(const std::vector<double>& log_ratios) {
  std::vector<double> kept = WithoutBursts(log_ratios);
  return kept.size() >= kMinPairedRounds ? kept : log_ratios;
}

// What a look knows besides the benchmark's analysis.
struct LookAt {
  std::size_t round = 0, last = 0;
  bool futility = true;
  const RoundsSeen* pairing = nullptr;  // its rounds so far
  const RepeatedSignTest* sign_looks = nullptr;
  double one_sided_noisy = 0;  // nominal level of the noise stop
};

// The side whose process noise is shown above max_cv: the one-sided sign
// test on its rounds (the median round's noise at or below the limit is
// rejected when at most MostBeyond of them are), as the unchanged stop
// tests the log ratios. Null when neither side is.
struct NoisySide {
  bool found = false, baseline = false;
  std::size_t noisy = 0, rounds = 0;
};

NoisySide NoisyOf(const LookAt& at, double max_cv) {
  NoisySide out;
  if (at.pairing == nullptr) return out;
  for (const bool baseline : {true, false}) {
    const std::vector<double>& spreads =
        baseline ? at.pairing->before_spreads : at.pairing->after_spreads;
    const auto quiet = static_cast<std::size_t>(
        std::count_if(spreads.begin(), spreads.end(), [&](double s) { return s <= max_cv; }));
    const int most = at.sign_looks->MostBeyond(spreads.size(), at.one_sided_noisy);
    if (most >= 0 && quiet <= static_cast<std::size_t>(most)) {
      return NoisySide{true, baseline, spreads.size() - quiet, spreads.size()};
    }
  }
  return out;
}

// The interval's half-width in log units (its ends as log ratios).
double HalfWidth(const Comparison& c) {
  return (std::log1p(c.shift_hi) - std::log1p(c.shift_lo)) / 2;
}

// How far the interval would still reach at the last look: its half-width
// in log units narrowed by sqrt(round / last) (the width of an interval of
// the median shrinks as 1 / sqrt(n)), back as a relative change.
double ReachAtLastLook(const Comparison& c, const LookAt& at) {
  return std::expm1(HalfWidth(c) *
                    std::sqrt(static_cast<double>(at.round) / static_cast<double>(at.last)));
}

// The rounds at which the interval, narrowing as 1 / sqrt(n), would be as
// narrow as the futility stop asks (kFutilityWidth x the tolerance on each
// side): what --max-rounds would have to allow before more rounds could
// decide the benchmark (they may still not: its estimate may stay between).
std::size_t RoundsToNarrow(const Comparison& c, const LookAt& at) {
  const double ratio = HalfWidth(c) / (kFutilityWidth * std::log1p(c.tolerance));
  return static_cast<std::size_t>(std::ceil(static_cast<double>(at.round) * ratio * ratio));
}

// How far the estimate lies in the worse direction, in log units.
double Worse(const Comparison& c, const AnalysisConfig& config) {
  return config.higher_is_better ? -std::log1p(c.shift) : std::log1p(c.shift);
}

// How far the interval reaches in the worse direction, in log units.
double WorseEnd(const Comparison& c, const AnalysisConfig& config) {
  return config.higher_is_better ? -std::log1p(c.shift_lo) : std::log1p(c.shift_hi);
}

// A benchmark open at the last look that goes on to the suspects' last look:
// its estimate beyond the tolerance in the worse direction.
bool Suspect(const BenchmarkAnalysis& b, const AnalysisConfig& config) {
  return b.comparison && b.comparison->shift_status == StatStatus::kOk &&
         Worse(*b.comparison, config) > std::log1p(b.comparison->tolerance);
}

// Futility: from kFutilityFirstLook on, a benchmark whose estimate is within
// the tolerance in the worse direction and whose interval narrowed to the
// last look's width would still reach further than kFutilityWidth x the
// tolerance on each side, so that its estimate could not clear the margin,
// cannot be decided by the rounds left: it stops as it stands. An estimate
// beyond the tolerance keeps its rounds: bursts on the baseline side
// stretch a real slowdown's interval far below it (the seeded simulation's
// 5% and 10% slowdowns lost 1 and 3 in 100 to a stop without this).
bool Futile(const Comparison& c, const LookAt& at, const AnalysisConfig& config) {
  if (!at.futility || at.round < kFutilityFirstLook || at.round >= at.last ||
      c.shift_status != StatStatus::kOk) {
    return false;
  }
  const double reach = std::log1p(ReachAtLastLook(c, at));
  const double worse = Worse(c, config);
  return worse <= std::log1p(c.tolerance) && reach > kFutilityWidth * std::log1p(c.tolerance) &&
         worse - reach < std::log1p(config.ci_margin * c.tolerance);
}

// A verdict that ends a benchmark at any look: what the gate does with it
// is known.
bool Decisive(VerdictStatus status) {
  return status == VerdictStatus::kRegression || status == VerdictStatus::kImprovement ||
         status == VerdictStatus::kBudgetExceeded;
}

Look JudgeLook(const BenchmarkAnalysis& b, const RoundCounts& counts, const LookAt& at,
               const AnalysisConfig& config) {
  if (!b.comparison) return Look::kClosed;
  if (Decisive(b.status)) return Look::kDecided;
  switch (b.status) {
    case VerdictStatus::kUnchanged:
      if (counts.no_regression) return Look::kDecided;
      break;
    case VerdictStatus::kInconclusive:
      if (!b.more_helps) return Look::kClosed;
      if (b.undecided == Undecided::kUnstable && NoisyOf(at, config.max_cv).found) {
        return Look::kNoisy;
      }
      // Too few rounds or a budget's limit in its interval: more rounds
      // settle those.
      if (b.undecided != Undecided::kUnstable && b.undecided != Undecided::kStraddles) {
        return Look::kOpen;
      }
      break;
    default:
      return Look::kClosed;
  }
  return Futile(*b.comparison, at, config) ? Look::kFutile : Look::kOpen;
}

// A suspect's look beyond the last look: only a decided verdict stops it,
// the other stops' levels being spent over the looks to the last.
Look JudgeSuspect(const BenchmarkAnalysis& b) {
  if (!b.comparison) return Look::kClosed;
  if (Decisive(b.status)) return Look::kDecided;
  const bool more = b.status == VerdictStatus::kUnchanged ||
                    (b.status == VerdictStatus::kInconclusive && b.more_helps);
  return more ? Look::kOpen : Look::kClosed;
}

}  // namespace

SuiteAnalysis AnalyzeSequential(const std::vector<RunData>& baseline_rounds,
                                const std::vector<RunData>& candidate_rounds,
                                const AnalysisConfig& config, const SequentialDesign& design,
                                SequentialState* state) {
  const std::size_t last = std::clamp<std::size_t>(design.last_look, 1, kMaxLooks);
  const std::size_t first = std::clamp<std::size_t>(design.first_look, 1, last);
  // The suspects' last look (last itself: no suspects).
  const std::size_t end = std::clamp<std::size_t>(design.suspect_look, last, kMaxLooks);
  const RepeatedSignTest& quiet_looks = RepeatedSignTest::For(first, last);
  const double one_sided = quiet_looks.OneSidedNominal(kFalseQuiet);
  const RepeatedNormalLooks& looks =
      RepeatedNormalLooks::For(static_cast<int>(first), static_cast<int>(end));
  const double one_sided_noisy = quiet_looks.OneSidedNominal(kFalseNoisy);
  PairedLook look;
  look.level = config.ci_level;
  look.p_method = "signed-rank-sequential";
  look.p_value = [&](const std::vector<double>& d) {
    return SequentialSignedRankP(d, looks, kBurstFactor);
  };
  look.interval = [&](const std::vector<double>& d) {
    return HodgesLehmannOneSample(KeptRounds(d), config.ci_level);
  };
  std::map<std::string, RoundsSeen> seen;
  look.seen = [&](const std::string& name, const Pairing& pairing) {
    seen[name] = RoundsSeen{pairing.log_ratios, pairing.before_spreads, pairing.after_spreads};
  };
  const auto pairing_of = [&](const BenchmarkAnalysis& b) -> const RoundsSeen* {
    const auto it = seen.find(b.samples.name);
    return b.comparison && it != seen.end() ? &it->second : nullptr;
  };
  const auto counts_of = [&](const BenchmarkAnalysis& b) {
    const RoundsSeen* p = pairing_of(b);
    if (p == nullptr) return RoundCounts{};
    return CountsOf(p->log_ratios, quiet_looks, one_sided, b.comparison->tolerance,
                    config.higher_is_better);
  };
  const auto at_of = [&](const BenchmarkAnalysis& b, std::size_t round) {
    return LookAt{round, last, design.stop_futile, pairing_of(b), &quiet_looks, one_sided_noisy};
  };

  const std::size_t rounds = std::min({baseline_rounds.size(), candidate_rounds.size(), end});
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
      Look outcome = k > last ? JudgeSuspect(b) : JudgeLook(b, counts_of(b), at_of(b, k), config);
      // The rounds go on without it: whoever ran them stopped it here (the
      // shard of a CI matrix that judged its own benchmarks).
      if (outcome == Look::kOpen && k < rounds && !MeasuredIn(baseline_rounds, k, b) &&
          !MeasuredIn(candidate_rounds, k, b)) {
        outcome = Look::kDecided;
      }
      // At the last look the benchmarks that are not suspects end as they
      // stand; only the suspects are looked at again.
      const bool suspect = k == last && end > last && outcome == Look::kOpen && Suspect(b, config);
      if (outcome == Look::kDecided || outcome == Look::kNoisy || outcome == Look::kFutile ||
          (k == last && end > last && !suspect)) {
        s.decided[b.samples.name] = k;
      }
      open = open || (outcome == Look::kOpen && (k < last || suspect || (k > last && k < end)));
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
    b.look_round = static_cast<int>(it != s.decided.end() ? it->second : k);
    const auto round = static_cast<std::size_t>(b.look_round);
    // Looked at beyond the last look, or open there with rounds to come.
    const bool suspect =
        end > last &&
        (round > last || (it == s.decided.end() && round == last && Suspect(b, config)));
    const std::size_t its_last = suspect ? end : last;
    const LookAt at = at_of(b, round);
    const RoundCounts e = counts_of(b);
    const Look outcome = round > last ? JudgeSuspect(b) : JudgeLook(b, e, at, config);
    b.decided_early = it != s.decided.end() && it->second < its_last;
    b.open = it == s.decided.end() && outcome == Look::kOpen && k < its_last;
    b.suspect = suspect;
    if (suspect) {
      b.reasons.push_back(
          SuspectReason(static_cast<int>(last), static_cast<int>(end), b.comparison->tolerance));
      // Its rounds ran out within the tolerance: "unchanged" promises what
      // only an interval within the tolerance shows, since at the last look
      // its estimate lay beyond (the seeded simulation's processes scattering
      // 10-20% and slowed 5% were called unchanged 2 times in 100 without this).
      if (b.status == VerdictStatus::kUnchanged && b.comparison->shift_status == StatStatus::kOk &&
          WorseEnd(*b.comparison, config) > std::log1p(b.comparison->tolerance)) {
        MarkUndecided(b, Undecided::kStraddles, false,
                      SuspectUnsettledReason(b.look_round, b.comparison->tolerance));
      }
    }
    if (at.pairing != nullptr) {
      const std::size_t kept = KeptRounds(at.pairing->log_ratios).size();
      const std::size_t all = at.pairing->log_ratios.size();
      if (kept < all) {
        b.reasons.push_back(BurstRoundsReason(all - kept, all, kBurstFactor));
      }
    }
    const bool stopped = b.decided_early && outcome != Look::kOpen && outcome != Look::kClosed;
    if (stopped && outcome == Look::kNoisy) {
      const NoisySide noisy = NoisyOf(at, config.max_cv);
      b.reasons.push_back(NoisyStopReason(b.look_round, suite.last_look, noisy.baseline,
                                          noisy.noisy, noisy.rounds, config.max_cv, kFalseNoisy));
    } else if (stopped && outcome == Look::kFutile) {
      std::string why = FutileStopReason(b.look_round, suite.last_look, b.comparison->tolerance,
                                         ReachAtLastLook(*b.comparison, at),
                                         RoundsToNarrow(*b.comparison, at), kMaxLooks);
      // Its estimate within the tolerance vouches for nothing: the unchanged
      // stop's test did not find it short of the tolerance, and "unchanged"
      // must keep that promise (memcpy slowed 5% was called so).
      if (b.status == VerdictStatus::kUnchanged) {
        MarkUndecided(b, Undecided::kUnstable, false, std::move(why));
      } else {
        b.reasons.push_back(std::move(why));
      }
    } else if (stopped && b.status == VerdictStatus::kUnchanged) {
      b.reasons.push_back(NoRegressionReason(b.look_round, suite.last_look, e.rounds - e.beyond,
                                             e.rounds, b.comparison->tolerance, kFalseQuiet,
                                             config.higher_is_better));
    } else if (stopped) {
      b.reasons.push_back(DecidedEarlyReason(b.look_round, static_cast<int>(its_last)));
    } else if (b.open || b.decided_early) {
      // Open when the rounds ended, or no longer measured though no look of
      // this judgment decided it (its shard's own looks did).
      b.reasons.push_back(StillOpenReason(b.look_round, static_cast<int>(its_last)));
    }
  }
  // The counts again: a futility stop may have changed a verdict above.
  TallySuite(suite, config);
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
