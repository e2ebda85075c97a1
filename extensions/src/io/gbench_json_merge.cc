#include "io/gbench_json_merge.h"

#include <string_view>

#include "benchgate/error.h"

namespace benchgate {
namespace {

// Google Benchmark's JSON reporter writes "benchmarks" last, at this
// indentation, after "context" (whose strings hold no raw line break): the
// rows are the text between it and the last ']'. Spliced as text, the rows
// keep every byte Google Benchmark wrote (names that are not UTF-8, its
// number formatting), as the enriched JSON does.
constexpr std::string_view kRowsStart = "\n  \"benchmarks\": [";

struct Parts {
  std::string_view head;  // up to and including kRowsStart
  std::string_view rows;  // the rows, blanks around them trimmed ("" when none)
};

Parts Split(const std::string& label, std::string_view text) {
  const std::size_t start = text.find(kRowsStart);
  const std::size_t close = text.find_last_of(']');
  if (start == std::string_view::npos || close == std::string_view::npos ||
      close < start + kRowsStart.size()) {
    throw Error(label, "", "expected Google Benchmark JSON with a \"benchmarks\" array");
  }
  const std::size_t from = start + kRowsStart.size();
  std::string_view rows = text.substr(from, close - from);
  const std::size_t first = rows.find_first_not_of(" \t\r\n");
  rows = first == std::string_view::npos
             ? std::string_view()
             : rows.substr(first, rows.find_last_not_of(" \t\r\n") - first + 1);
  return {text.substr(0, from), rows};
}

}  // namespace

std::string MergeGbenchJson(const std::vector<std::pair<std::string, std::string>>& documents) {
  if (documents.empty()) return "{\n  \"benchmarks\": [\n  ]\n}\n";
  std::string merged(Split(documents.front().first, documents.front().second).head);
  bool any = false;
  for (const auto& [label, text] : documents) {
    const Parts parts = Split(label, text);
    if (parts.rows.empty()) continue;
    merged += any ? ",\n    " : "\n    ";
    merged += parts.rows;
    any = true;
  }
  merged += "\n  ]\n}\n";
  return merged;
}

}  // namespace benchgate
