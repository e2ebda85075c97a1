#include "io/thresholds_reader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "benchgate/error.h"
#include "gate/name_pattern.h"
#include "gate/units.h"
#include "io/files.h"
#include "io/json_positions.h"

namespace benchgate {
namespace {

using nlohmann::json;

enum class Kind { kDuration, kPercent, kCount, kBytes };

struct LimitKey {
  const char* key;  // also the statistic's name
  Kind kind;
};

constexpr LimitKey kLimitKeys[] = {
    {"median", Kind::kDuration},       {"mean", Kind::kDuration},
    {"p50", Kind::kDuration},          {"p90", Kind::kDuration},
    {"p95", Kind::kDuration},          {"p99", Kind::kDuration},
    {"max", Kind::kDuration},          {"cv", Kind::kPercent},
    {"latency_p99", Kind::kDuration},  {"latency_p999", Kind::kDuration},
    {"allocs_per_iter", Kind::kCount}, {"bytes_per_iter", Kind::kBytes},
    {"instructions", Kind::kCount}};

constexpr const char kTopLevelKeys[] = "schema, $schema, defaults, budgets";
constexpr const char kLimitKeyList[] =
    "median, mean, p50, p90, p95, p99, max, cv, latency_p99, latency_p999, allocs_per_iter, "
    "bytes_per_iter, instructions, counters, max_regression";

// How a value is shown after "got": strings and numbers as written in JSON.
std::string Describe(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

std::string Quoted(const std::string& key) { return "\"" + key + "\""; }

std::optional<double> NonNegativeNumber(const json& value) {
  if (!value.is_number()) return std::nullopt;
  const double number = value.get<double>();
  if (!std::isfinite(number) || number < 0) return std::nullopt;
  return number;
}

class FileReader {
 public:
  FileReader(const std::string& text, const std::string& source)
      : text_(text), source_(source), positions_(JsonPositions::Scan(text)) {}

  std::vector<BudgetRule> Read() {
    const json root = Parse();
    if (const auto& duplicate = positions_.first_duplicate()) {
      Fail(duplicate->position,
           "expected each key once per object, got " + Quoted(duplicate->key) + " again");
    }
    CheckTopLevel(root);
    std::vector<BudgetRule> rules;
    if (root.contains("defaults")) rules.push_back(ReadDefaults(root.at("defaults")));
    if (root.contains("budgets")) {
      const json& budgets = root.at("budgets");
      if (!budgets.is_array()) {
        FailAtValue("/budgets", "expected an array of budget objects for \"budgets\", got " +
                                    Describe(budgets));
      }
      for (std::size_t i = 0; i < budgets.size(); ++i) {
        rules.push_back(ReadBudget(budgets[i], "/budgets/" + std::to_string(i)));
      }
    }
    return rules;
  }

 private:
  [[noreturn]] void Fail(const TextPosition& where, const std::string& expected) const {
    throw Error(source_, where.ToString(), expected);
  }
  [[noreturn]] void FailAtValue(const std::string& pointer, const std::string& expected) const {
    Fail(positions_.Value(pointer), expected);
  }
  [[noreturn]] void FailAtKey(const std::string& pointer, const std::string& expected) const {
    Fail(positions_.Key(pointer), expected);
  }

  json Parse() const {
    if (!positions_.has_root()) {
      Fail(TextPosition{}, std::string("expected a JSON object with \"schema\": \"") +
                               kThresholdsSchema + "\", got an empty file");
    }
    try {
      return json::parse(text_, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
    } catch (const json::parse_error& error) {
      // nlohmann's what(): "[json.exception.parse_error.101] parse error at
      // line 3, column 5: syntax error while parsing ..."; keep the detail.
      const std::string what = error.what();
      const auto colon = what.find(": ");
      const std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
      const std::size_t byte = error.byte > 0 ? error.byte - 1 : 0;  // 1-based last byte read
      Fail(PositionOfOffset(text_, byte), "expected valid JSON (comments allowed): " + detail);
    } catch (const json::exception& error) {  // e.g. "number overflow parsing '1e999'"
      const std::string what = error.what();
      const auto bracket = what.find("] ");
      throw Error(source_, "",
                  "expected valid JSON (comments allowed): " +
                      (bracket == std::string::npos ? what : what.substr(bracket + 2)));
    }
  }

  void CheckTopLevel(const json& root) const {
    const std::string schema_line = std::string("\"schema\": \"") + kThresholdsSchema + "\"";
    if (!root.is_object()) {
      FailAtValue("", "expected a JSON object with " + schema_line + ", got " + Describe(root));
    }
    for (const auto& [key, value] : root.items()) {
      const std::string pointer = "/" + JsonPositions::Escape(key);
      if (key == "schema" || key == "defaults" || key == "budgets") continue;
      if (key == "$schema") {
        if (!value.is_string()) {
          FailAtValue(pointer, "expected the path or URL of a JSON Schema for \"$schema\", got " +
                                   Describe(value));
        }
        continue;
      }
      FailAtKey(pointer, std::string("expected a top-level key (") + kTopLevelKeys +
                             "), got unknown key " + Quoted(key));
    }
    if (!root.contains("schema")) {
      FailAtValue("", "expected " + schema_line + " in the top-level object");
    }
    const json& schema = root.at("schema");
    if (!schema.is_string() || schema.get<std::string>() != kThresholdsSchema) {
      FailAtValue("/schema", "expected " + schema_line + ", got " + Describe(schema));
    }
  }

  BudgetRule ReadDefaults(const json& defaults) const {
    if (!defaults.is_object()) {
      FailAtValue("/defaults",
                  "expected an object of limits for \"defaults\", got " + Describe(defaults));
    }
    BudgetRule rule;
    rule.pattern = ".*";
    rule.source_rank = kRankFileDefaults;
    SetOrigin(rule, positions_.Key("/defaults"));
    ReadLimits(defaults, "/defaults", /*with_pattern=*/false, rule);
    return rule;
  }

  BudgetRule ReadBudget(const json& budget, const std::string& pointer) const {
    if (!budget.is_object()) {
      FailAtValue(pointer, "expected a budget object, got " + Describe(budget));
    }
    if (!budget.contains("pattern")) {
      FailAtValue(pointer,
                  "expected \"pattern\" (a regular expression matching whole benchmark names) "
                  "in this budget");
    }
    const json& pattern = budget.at("pattern");
    if (!pattern.is_string()) {
      FailAtValue(pointer + "/pattern",
                  "expected a regular expression string for \"pattern\", got " + Describe(pattern));
    }
    BudgetRule rule;
    rule.pattern = pattern.get<std::string>();
    rule.source_rank = kRankFile;
    SetOrigin(rule, positions_.Value(pointer + "/pattern"));
    if (const auto problem = NamePatternProblem(rule.pattern)) {
      FailAtValue(pointer + "/pattern",
                  "expected a valid regular expression (RE2) for \"pattern\", got " +
                      Describe(pattern) + ": " + *problem);
    }
    ReadLimits(budget, pointer, /*with_pattern=*/true, rule);
    return rule;
  }

  void SetOrigin(BudgetRule& rule, const TextPosition& where) const {
    rule.origin_file = source_;
    rule.origin_place = where.ToString();
    rule.origin = source_ + ":" + rule.origin_place;
  }

  // The members of a budget object (or of "defaults") other than "pattern".
  void ReadLimits(const json& object, const std::string& pointer, bool with_pattern,
                  BudgetRule& rule) const {
    for (const auto& [key, value] : object.items()) {
      const std::string member = pointer + "/" + JsonPositions::Escape(key);
      if (key == "pattern" && with_pattern) continue;
      if (key == "max_regression") {
        rule.max_regression = Read(Kind::kPercent, key, value, member);
        continue;
      }
      if (key == "counters") {
        ReadCounters(value, member, rule);
        continue;
      }
      const std::string& name = key;  // a structured binding cannot be captured before C++20
      const auto* const found =
          std::find_if(std::begin(kLimitKeys), std::end(kLimitKeys),
                       [&](const LimitKey& limit) { return name == limit.key; });
      if (found == std::end(kLimitKeys)) {
        FailAtKey(member, std::string("expected a ") + (with_pattern ? "budget" : "defaults") +
                              " key (" + (with_pattern ? "pattern, " : "") + kLimitKeyList +
                              "), got unknown key " + Quoted(key));
      }
      rule.limits.push_back(Limit{key, Read(found->kind, key, value, member), false});
    }
    if (rule.limits.empty() && !rule.max_regression) {
      FailAtValue(pointer,
                  with_pattern
                      ? "expected at least one limit in the budget for " + Quoted(rule.pattern)
                      : std::string("expected at least one limit in \"defaults\""));
    }
  }

  double Read(Kind kind, const std::string& key, const json& value,
              const std::string& pointer) const {
    const std::optional<std::string> text =
        value.is_string() ? std::optional<std::string>(value.get<std::string>()) : std::nullopt;
    std::optional<double> parsed;
    std::string expected;
    switch (kind) {
      case Kind::kDuration:
        if (text) parsed = ParseDuration(*text);
        expected =
            "a duration with a unit (ns, us, ms, s) for " + Quoted(key) + ", such as \"10us\"";
        break;
      case Kind::kPercent:
        if (text) parsed = ParsePercent(*text);
        expected = "a percentage for " + Quoted(key) + ", such as \"5%\"";
        break;
      case Kind::kCount:
        parsed = text ? ParseCount(*text) : NonNegativeNumber(value);
        expected = "a non-negative number for " + Quoted(key);
        break;
      case Kind::kBytes:
        parsed = text ? ParseBytes(*text) : NonNegativeNumber(value);
        expected = "a size for " + Quoted(key) +
                   " in bytes or with a unit (B, KB, MB, GB, KiB, MiB, GiB), such as \"1 KiB\"";
        break;
    }
    if (!parsed) FailAtValue(pointer, "expected " + expected + ", got " + Describe(value));
    return *parsed;
  }

  void ReadCounters(const json& counters, const std::string& pointer, BudgetRule& rule) const {
    if (!counters.is_object()) {
      FailAtValue(pointer,
                  "expected an object of counter limits for \"counters\", such as "
                  "{\"items_per_second\": {\"min\": 1e6}}, got " +
                      Describe(counters));
    }
    for (const auto& [name, limits] : counters.items()) {
      const std::string member = pointer + "/" + JsonPositions::Escape(name);
      if (name.empty()) FailAtKey(member, "expected a counter name, got \"\"");
      if (!limits.is_object() || limits.empty()) {
        FailAtValue(member, "expected {\"min\": number} and/or {\"max\": number} for counter " +
                                Quoted(name) + ", got " + Describe(limits));
      }
      for (const auto& [bound, value] : limits.items()) {
        const std::string at = member + "/" + JsonPositions::Escape(bound);
        if (bound != "min" && bound != "max") {
          FailAtKey(at,
                    "expected a counter limit key (min, max), got unknown key " + Quoted(bound));
        }
        if (!value.is_number() || !std::isfinite(value.get<double>())) {
          FailAtValue(at, "expected a number for \"" + bound + "\" of counter " + Quoted(name) +
                              ", got " + Describe(value));
        }
        rule.limits.push_back(
            Limit{kCounterStatisticPrefix + name, value.get<double>(), bound == "min"});
      }
    }
  }

  const std::string& text_;
  const std::string& source_;
  JsonPositions positions_;
};

std::string Join(const std::string& directory, const std::string& name) {
  return !directory.empty() && directory.back() == '/' ? directory + name : directory + "/" + name;
}

}  // namespace

std::vector<BudgetRule> ParseThresholds(const std::string& text, const std::string& source) {
  return FileReader(text, source).Read();
}

std::vector<BudgetRule> ReadThresholds(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    const std::string reason = error ? error.message() : "No such file or directory";
    throw Error(path, "", "expected a threshold file or a directory of them (" + reason + ")");
  }
  if (!fs::is_directory(status)) return ParseThresholds(ReadWholeFile(path), path);

  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, error)) {
    const std::string name = entry.path().filename().string();
    const bool json_file = name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0;
    const bool schema = name.size() > 12 && name.compare(name.size() - 12, 12, ".schema.json") == 0;
    if (json_file && !schema && entry.is_regular_file()) names.push_back(name);
  }
  if (error) throw Error(path, "", "expected a readable directory (" + error.message() + ")");
  if (names.empty()) {
    throw Error(path, "", "expected a directory with at least one threshold file (*.json)");
  }
  std::sort(names.begin(), names.end());
  std::vector<BudgetRule> rules;
  for (const std::string& name : names) {
    const std::string file = Join(path, name);
    auto more = ParseThresholds(ReadWholeFile(file), file);
    rules.insert(rules.end(), more.begin(), more.end());
  }
  return rules;
}

}  // namespace benchgate
