#include "run/extra_rounds.h"

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

RunData RunRound(const std::vector<std::string>& names) {
  // No display or file sink: the first pass is what Google Benchmark's own
  // outputs describe; the extra samples feed the verdicts.
  CollectingReporter extra(ReporterSink{}, ReporterSink{}, false, nullptr);
  benchmark::RunSpecifiedBenchmarks(&extra, ExactNameFilter(names));
  DiscardLatencyHistograms();
  return extra.run();
}

}  // namespace benchgate
