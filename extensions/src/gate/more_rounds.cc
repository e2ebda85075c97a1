// Extra rounds: which benchmarks need another round, merging their samples,
// and what the rounds did to each verdict.
#include "gate/more_rounds.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>

#include "gate/reasons.h"

namespace benchgate {
namespace {

bool Fails(VerdictStatus status) {
  return status == VerdictStatus::kRegression || status == VerdictStatus::kBudgetExceeded;
}

// Rounds of the candidate the verdict stands on: all but the disturbed ones.
std::size_t UndisturbedRounds(const BenchmarkAnalysis& b) {
  const std::size_t all = DistinctRounds(b.samples);
  const std::size_t disturbed = b.comparison ? b.comparison->candidate_rounds_set_aside.size() : 0;
  return all - std::min(all, disturbed);
}

}  // namespace

std::vector<std::string> Suspects(const SuiteAnalysis& suite) {
  std::vector<std::string> names;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    if (Fails(b.status)) names.push_back(b.samples.name);
  }
  return names;
}

std::vector<std::string> NeedMoreRounds(const SuiteAnalysis& suite, int confirm, bool undecided) {
  std::vector<std::string> names;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    const bool unconfirmed =
        Fails(b.status) && UndisturbedRounds(b) < 1 + static_cast<std::size_t>(confirm);
    const bool open = undecided && b.status == VerdictStatus::kInconclusive && b.more_helps;
    if (unconfirmed || open) names.push_back(b.samples.name);
  }
  return names;
}

void MergeSamples(RunData& run, const RunData& extra) {
  std::map<std::string, const SampleSet*> by_name;
  for (const SampleSet& set : extra.benchmarks) by_name.emplace(set.name, &set);
  for (SampleSet& set : run.benchmarks) {
    const auto it = by_name.find(set.name);
    if (it == by_name.end() || it->second->errored) continue;
    AppendSamples(set, *it->second);
  }
  // The machine's speed while the extra round ran counts too.
  AppendSpeedProbe(run.speed_probe, extra.speed_probe);
}

void MarkExtraRounds(SuiteAnalysis& suite, const std::vector<std::string>& suspects, int rounds,
                     int first_rounds) {
  suite.extra_rounds = rounds;
  for (BenchmarkAnalysis& b : suite.benchmarks) {
    b.extra_rounds = std::max(static_cast<int>(DistinctRounds(b.samples)) - first_rounds, 0);
    if (b.extra_rounds == 0) continue;
    AfterRounds outcome = AfterRounds::kDecided;
    if (std::find(suspects.begin(), suspects.end(), b.samples.name) != suspects.end()) {
      outcome = Fails(b.status) ? AfterRounds::kConfirmed : AfterRounds::kCleared;
      b.confirmation = outcome == AfterRounds::kConfirmed ? "confirmed" : "cleared";
    } else if (b.status == VerdictStatus::kInconclusive) {
      outcome = AfterRounds::kStillUndecided;
    }
    b.reasons.push_back(AfterRoundsReason(outcome, b.extra_rounds));
  }
}

std::string ExactNameFilter(const std::vector<std::string>& names) {
  std::string filter = "^(";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) filter += "|";
    for (const char c : names[i]) {
      if (std::string("\\^$.|?*+()[]{}").find(c) != std::string::npos) filter += '\\';
      filter += c;
    }
  }
  return filter + ")$";
}

SuiteAnalysis MeasureUntilSettled(RunData& run, const RunData* baseline,
                                  const AnalysisConfig& config, SuiteAnalysis analysis,
                                  const ExtraRoundLimits& limits, const MeasureRound& measure,
                                  std::ostream& log) {
  const std::vector<std::string> suspects = Suspects(analysis);
  const int cap = std::max(limits.confirm, limits.max_rounds);
  // With config.looks.count > 1 the looks share alpha: each starts from the
  // repeated p-values of the one before, and the suspects' later looks
  // confirm them (RepeatedLooks).
  AnalysisConfig looked = config;
  looked.looks.confirming.insert(suspects.begin(), suspects.end());
  const auto remember = [&looked](const SuiteAnalysis& suite) {
    for (const BenchmarkAnalysis& b : suite.benchmarks) {
      if (b.comparison) looked.looks.earlier_p[b.samples.name] = b.comparison->p_value;
    }
  };
  remember(analysis);
  const auto start = std::chrono::steady_clock::now();
  int round = 0;
  while (round < cap) {
    const std::vector<std::string> wanted =
        NeedMoreRounds(analysis, limits.confirm, round < limits.max_rounds);
    if (wanted.empty()) break;
    const double spent =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (limits.max_seconds > 0 && spent >= limits.max_seconds) {
      log << "benchgate: extra rounds stopped after " << round << ": " << spent << " s spent of "
          << limits.max_seconds << " s\n";
      break;
    }
    ++round;
    log << "benchgate: extra round " << round << " of at most " << cap << ": measuring "
        << wanted.size() << " benchmark" << (wanted.size() == 1 ? "" : "s") << " again\n";
    log.flush();
    RunData more = measure(wanted, round);
    for (SampleSet& set : more.benchmarks) {
      set.rounds.assign(set.real_time_ns.size(), static_cast<std::uint32_t>(round));
    }
    MergeSamples(run, more);
    analysis = AnalyzeSuite(run, baseline, looked);
    remember(analysis);
  }
  MarkExtraRounds(analysis, suspects, round);
  return analysis;
}

}  // namespace benchgate
