// The reader of callgrind's output (--benchgate_measure=instructions): each
// dump's header, then the attribution of a sequence of dumps to benchmarks.
// The input is one dump, or several separated by form feeds.
#include <string>
#include <string_view>
#include <vector>

#include "benchgate/error.h"
#include "fuzz_input.h"
#include "io/callgrind_dump.h"
#include "run/count_attribution.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = benchgate::fuzz::Text(data, size);
  std::vector<benchgate::CallgrindDump> dumps;
  std::string_view rest(text);
  while (true) {
    const std::size_t end = rest.find('\f');
    try {
      dumps.push_back(benchgate::ParseCallgrindDump(rest.substr(0, end), "fuzz.out"));
    } catch (const benchgate::Error&) {
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  benchgate::RunData rows;
  rows.benchmarks.resize(2);
  rows.benchmarks[0].name = "BM_A";
  rows.benchmarks[0].iterations = {1, 1, 1};
  rows.benchmarks[1].name = "BM_B";
  rows.benchmarks[1].iterations = {4};
  const benchgate::ProcessCounts counts =
      benchgate::AttributeCounts(benchgate::GroupDumps(dumps), rows, 10);
  benchgate::SampleSet set = rows.benchmarks[0];
  benchgate::CombineCounts(set, counts, counts);
  return 0;
}
