#include "io/run_reader.h"

#include <nlohmann/json.hpp>

#include "io/files.h"
#include "io/enriched_reader.h"
#include "io/gbench_json_rows.h"
#include "io/json_checks.h"
#include "io/json_text.h"

namespace benchgate {
namespace {

using nlohmann::json;

std::string DateOf(const JsonChecker& checker, const json& doc) {
  const json* context = FindMember(doc, "context");
  if (context == nullptr) return "";
  checker.Object(*context, "/context");
  const json* date = FindMember(*context, "date");
  return date ? checker.String(*date, "/context/date") : "";
}

// Google Benchmark's own context: what its console reporter warns about.
std::vector<std::string> ContextWarnings(const JsonChecker& checker, const json& doc) {
  std::vector<std::string> warnings;
  const json* context = FindMember(doc, "context");
  if (context == nullptr) return warnings;
  const json* scaling = FindMember(*context, "cpu_scaling_enabled");
  if (scaling != nullptr && scaling->is_boolean() && scaling->get<bool>()) {
    warnings.push_back("CPU scaling is enabled: real-time measurements may be noisy");
  }
  const json* build = FindMember(*context, "library_build_type");
  if (build != nullptr && checker.String(*build, "/context/library_build_type") == "debug") {
    warnings.push_back("Google Benchmark library is a debug build: its overhead inflates timings");
  }
  return warnings;
}

}  // namespace

RunData ReadRunText(const std::string& text, const std::string& source) {
  const JsonChecker checker(source);
  // Rows are read as the parser closes each, never held as one tree.
  GbenchJsonRows rows(checker, "/benchmarks");
  const StreamedArray streamed{
      "benchmarks", [&rows](const json& row, std::size_t i) { rows.Read(row, i); },
      [&rows](std::span<const JsonMember> row, std::size_t i) { rows.Read(row, i); },
      [&rows] { rows.Restart(); }};
  const json doc = ParseJson(text, source, NonFinite::kAsDouble, streamed);
  if (!doc.is_object()) {
    checker.Fail("", "expected a JSON object at the top level, got " + DescribeJson(doc));
  }
  RunData run;
  run.source = source;
  run.date = DateOf(checker, doc);
  run.warnings = ContextWarnings(checker, doc);
  checker.Array(checker.Member(doc, "benchmarks", ""), "/benchmarks");
  run.benchmarks = rows.Finish();
  if (const json* benchgate = FindMember(doc, "benchgate")) {
    ApplyEnrichedResults(checker, *benchgate, run);
  }
  return run;
}

RunData ReadRunFile(const std::string& path) { return ReadRunText(ReadWholeFile(path), path); }

}  // namespace benchgate
