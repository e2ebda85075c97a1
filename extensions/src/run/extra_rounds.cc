#include "run/confirmation.h"

#include <benchmark/benchmark.h>

#include "run/collecting_reporter.h"
#include "run/latency_registry.h"

namespace benchgate {

std::string ExactNameFilter(const std::vector<std::string>& names) {
  std::string filter = "^(";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) filter += "|";
    for (const char c : names[i]) {
      // Google Benchmark matches filters as POSIX extended regexes.
      if (std::string("\\^$.|?*+()[]{}").find(c) != std::string::npos) filter += '\\';
      filter += c;
    }
  }
  return filter + ")$";
}

SuiteAnalysis ConfirmSuspects(RunData& run, const RunData* baseline, const AnalysisConfig& config,
                              SuiteAnalysis analysis, int rounds, std::ostream& log) {
  const std::vector<std::string> suspects = Suspects(analysis);
  if (suspects.empty() || rounds <= 0) return analysis;
  const std::string filter = ExactNameFilter(suspects);
  for (int round = 1; round <= rounds; ++round) {
    log << "benchgate: confirming " << suspects.size() << " suspect"
        << (suspects.size() == 1 ? "" : "s") << " (round " << round << " of " << rounds << ")\n";
    log.flush();
    // No display or file sink: the first pass is what Google Benchmark's
    // own outputs describe; the extra samples only feed the verdict.
    CollectingReporter extra(ReporterSink{}, ReporterSink{}, false, nullptr);
    benchmark::RunSpecifiedBenchmarks(&extra, filter);
    DiscardLatencyHistograms();
    MergeSamples(run, extra.run());
  }
  SuiteAnalysis confirmed = AnalyzeSuite(run, baseline, config);
  MarkConfirmation(confirmed, suspects, rounds);
  return confirmed;
}

}  // namespace benchgate
