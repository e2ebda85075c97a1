#include "gate/paired_rounds.h"

#include <algorithm>

#include "gate/more_rounds.h"
#include "gate/process_analysis.h"

namespace benchgate {
namespace {

SuiteAnalysis FixedRounds(const RoundsPlan& plan, const AnalysisConfig& config,
                          const std::vector<RunData>& baseline,
                          const std::vector<RunData>& candidate, const NextRound& next) {
  const auto measured = [&] {
    return static_cast<int>(std::min(baseline.size(), candidate.size()));
  };
  const int first = measured();
  const int batch = std::max(1, (plan.rounds + 1) / 2);
  SuiteAnalysis suite = AnalyzeProcesses(baseline, candidate, config);
  bool time_left = true;
  while (time_left && measured() < plan.max_rounds) {
    const std::vector<std::string> undecided = NeedMoreRounds(suite, 0, true);
    if (undecided.empty()) break;
    for (int i = 0; i < batch && measured() < plan.max_rounds; ++i) {
      if (!(time_left = next(undecided))) break;
    }
    suite = AnalyzeProcesses(baseline, candidate, config);
  }
  MarkExtraRounds(suite, {}, measured() - first, first);
  return suite;
}

SuiteAnalysis SequentialRounds(const RoundsPlan& plan, const AnalysisConfig& config,
                               const std::vector<RunData>& baseline,
                               const std::vector<RunData>& candidate, const NextRound& next) {
  const SequentialDesign design = DesignOf(plan);
  SequentialState state;
  SuiteAnalysis suite = AnalyzeSequential(baseline, candidate, config, design, &state);
  for (;;) {
    const std::vector<std::string> open = OpenBenchmarks(suite);
    if (open.empty() || !next(open)) break;
    suite = AnalyzeSequential(baseline, candidate, config, design, &state);
  }
  return suite;
}

}  // namespace

SequentialDesign DesignOf(const RoundsPlan& plan) {
  SequentialDesign design;
  design.last_look = static_cast<std::size_t>(std::max(plan.max_rounds, 1));
  design.first_look =
      std::min(std::max(static_cast<std::size_t>(std::max(plan.rounds, 1)), kMinPairedRounds),
               design.last_look);
  design.suspect_look = static_cast<std::size_t>(std::max(plan.suspect_rounds, 0));
  design.stop_futile = plan.stop_futile;
  return design;
}

SuiteAnalysis ContinueRounds(const RoundsPlan& plan, const AnalysisConfig& config,
                             const std::vector<RunData>& baseline,
                             const std::vector<RunData>& candidate, const NextRound& next) {
  return plan.sequential ? SequentialRounds(plan, config, baseline, candidate, next)
                         : FixedRounds(plan, config, baseline, candidate, next);
}

double MeanRoundsPerBenchmark(const SuiteAnalysis& suite) {
  double sum = 0;
  std::size_t compared = 0;
  for (const BenchmarkAnalysis& b : suite.benchmarks) {
    if (!b.comparison) continue;
    sum += static_cast<double>(b.comparison->candidate_rounds);
    ++compared;
  }
  return compared == 0 ? 0 : sum / static_cast<double>(compared);
}

}  // namespace benchgate
