#include "run/options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "benchgate/error.h"
#include "model/number_format.h"
#include "run/gbench_api.h"

namespace benchgate {
namespace {

enum class Kind {
  kString,
  kBool,
  kAlpha,
  kCount,
  kRounds,
  kChoice,
  kDecay,
  kRuns,
  kSeconds,
  kShare,
  kShard
};

struct FlagSpec {
  const char* name;  // without the "--benchgate_" prefix
  Kind kind;
  const char* help;
  const char* choices = "";  // kChoice: the allowed values, comma-separated
};

constexpr FlagSpec kFlags[] = {
    {"out", Kind::kString, "write the enriched JSON to FILE"},
    {"baseline", Kind::kString,
     "compare against this run (enriched or plain Google Benchmark JSON)"},
    {"thresholds", Kind::kString, "threshold file, or a directory of them"},
    {"history", Kind::kString, "history of earlier runs on this environment"},
    {"record", Kind::kBool, "append this run to the history"},
    {"alpha", Kind::kAlpha, "significance level for the suite (default 0.05)"},
    {"confirm", Kind::kCount,
     "a suspected regression needs N undisturbed extra rounds to fail the gate (default 1)"},
    {"max_rounds", Kind::kRounds,
     "rounds of a benchmark in all, the first included: undecided benchmarks and suspects get "
     "extra rounds until N (default 4; a suspect always gets 1 + confirm)"},
    {"max_seconds", Kind::kSeconds,
     "extra rounds stop after S seconds in all (default 0: no limit)"},
    {"max_undecided", Kind::kShare,
     "fail the gate when more than this share stays inconclusive, e.g. 10% (default 100%)"},
    {"interleave", Kind::kBool,
     "interleave all benchmarks' repetitions in random order (default true)"},
    {"speed_probe", Kind::kBool,
     "time benchgate's fixed loop through the run, so that a comparison with a baseline that has "
     "one sees a change of the machine's speed (default true)"},
    {"show_repetitions", Kind::kBool, "console: print every repetition too"},
    {"preset", Kind::kChoice, "dev, ci or release: repetitions, alpha, floor, confirm",
     "dev,ci,release"},
    {"correction", Kind::kChoice, "multiple-testing control: bh (default) or holm", "bh,holm"},
    {"history_runs", Kind::kRuns, "keep and learn from the last K runs per benchmark (default 30)"},
    {"history_decay", Kind::kDecay,
     "weight of a run one older in the history's centre, in (0, 1] (default 0.9)"},
    {"measure", Kind::kChoice,
     "time (default) or instructions: instructions per iteration counted under Valgrind "
     "(callgrind), exact, in two processes",
     "time,instructions"},
    {"shard", Kind::kShard,
     "run only shard K of N (1-based, K/N): a stable split of the selected benchmarks by name, "
     "so N CI jobs cover a suite once"},
    {"timeout", Kind::kSeconds,
     "instructions: a counting process that runs longer than S seconds is stopped and its "
     "benchmark named (default 1800; 0: no limit)"},
};

// Presets set what their name promises unless a flag or variable set it
// (rounds in all, the first included: max_rounds):
//   dev      5 repetitions, alpha 0.10, tolerance floor 2%, no confirmation, 2 rounds
//   ci      10 repetitions, alpha 0.05, floor 1%, 1 confirmation round, 4 rounds
//           (the defaults)
//   release 20 repetitions, alpha 0.01, floor 0.5%, 2 confirmation rounds, 6 rounds
struct Preset {
  const char* name;
  int repetitions;
  double alpha;
  double floor;
  int confirm;
  int max_rounds;
};
constexpr Preset kPresets[] = {
    {"dev", 5, 0.10, 0.02, 0, 2}, {"ci", 10, 0.05, 0.01, 1, 4}, {"release", 20, 0.01, 0.005, 2, 6}};

constexpr std::string_view kPrefix = "--benchgate_";

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Google Benchmark's truthy spellings, so both tools read a value alike.
std::optional<bool> ParseBool(std::string_view value) {
  std::string lower(value);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.empty() || lower == "1" || lower == "true" || lower == "yes" || lower == "on" ||
      lower == "t" || lower == "y") {
    return true;
  }
  if (lower == "0" || lower == "false" || lower == "no" || lower == "off" || lower == "f" ||
      lower == "n") {
    return false;
  }
  return std::nullopt;
}

template <typename T>
std::optional<T> ParseNumber(std::string_view value) {
  T result{};
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, result);
  if (ec != std::errc() || ptr != end || value.empty()) return std::nullopt;
  return result;
}

void Apply(const FlagSpec& spec, const std::string& value, const std::string& source,
           Options& options) {
  const std::string got = ", got '" + value + "'";
  switch (spec.kind) {
    case Kind::kString:
      if (value.empty()) throw Error(source, "", "expected a path, got an empty value");
      if (std::string_view(spec.name) == "out") options.out = value;
      if (std::string_view(spec.name) == "baseline") options.baseline = value;
      if (std::string_view(spec.name) == "thresholds") options.thresholds = value;
      if (std::string_view(spec.name) == "history") options.history = value;
      return;
    case Kind::kBool: {
      const auto parsed = ParseBool(value);
      if (!parsed) throw Error(source, "", "expected true or false" + got);
      if (std::string_view(spec.name) == "record") options.record = *parsed;
      if (std::string_view(spec.name) == "show_repetitions") options.show_repetitions = *parsed;
      if (std::string_view(spec.name) == "interleave") options.interleave = *parsed;
      if (std::string_view(spec.name) == "speed_probe") options.speed_probe = *parsed;
      return;
    }
    case Kind::kAlpha: {
      const auto parsed = ParseNumber<double>(value);
      if (!parsed || !(*parsed > 0.0 && *parsed < 1.0)) {
        throw Error(source, "", "expected a number between 0 and 1 (exclusive)" + got);
      }
      options.alpha = *parsed;
      return;
    }
    case Kind::kChoice: {
      const std::string choices = std::string(",") + spec.choices + ",";
      if (value.empty() || value.find(',') != std::string::npos ||
          choices.find("," + value + ",") == std::string::npos) {
        std::string listed = spec.choices;
        for (std::size_t at = listed.find(','); at != std::string::npos;
             at = listed.find(',', at + 2)) {
          listed.replace(at, 1, ", ");
        }
        throw Error(source, "", "expected one of " + listed + got);
      }
      if (std::string_view(spec.name) == "preset") options.preset = value;
      if (std::string_view(spec.name) == "correction") options.correction = value;
      if (std::string_view(spec.name) == "measure") {
        options.measure = value == "instructions" ? Measure::kInstructions : Measure::kTime;
      }
      return;
    }
    case Kind::kDecay: {
      const auto parsed = ParseNumber<double>(value);
      if (!parsed || !(*parsed > 0.0 && *parsed <= 1.0)) {
        throw Error(source, "", "expected a number above 0 and at most 1" + got);
      }
      options.history_decay = *parsed;
      return;
    }
    case Kind::kRuns: {
      const auto parsed = ParseNumber<int>(value);
      if (!parsed || *parsed < 1 || *parsed > 1000) {
        throw Error(source, "", "expected a whole number from 1 to 1000" + got);
      }
      options.history_runs = static_cast<std::size_t>(*parsed);
      return;
    }
    case Kind::kCount: {
      const auto parsed = ParseNumber<int>(value);
      if (!parsed || *parsed < 0 || *parsed > 100) {
        throw Error(source, "", "expected a whole number from 0 to 100" + got);
      }
      if (std::string_view(spec.name) == "confirm") options.confirm = *parsed;
      return;
    }
    case Kind::kRounds: {
      const auto parsed = ParseNumber<int>(value);
      if (!parsed || *parsed < 1 || *parsed > 100) {
        throw Error(source, "", "expected a whole number from 1 to 100" + got);
      }
      options.max_rounds = *parsed;
      return;
    }
    case Kind::kSeconds: {
      const auto parsed = ParseNumber<double>(value);
      if (!parsed || !(*parsed >= 0.0 && *parsed <= 1e6)) {
        throw Error(source, "", "expected a number of seconds from 0 to 1000000" + got);
      }
      if (std::string_view(spec.name) == "max_seconds") options.max_seconds = *parsed;
      if (std::string_view(spec.name) == "timeout") options.timeout_seconds = *parsed;
      return;
    }
    case Kind::kShard: {
      const std::optional<Shard> shard = ParseShard(value);
      if (!shard) {
        throw Error(source, "", "expected " + ShardExpected() + got);
      }
      options.shard = *shard;
      return;
    }
    case Kind::kShare: {
      const auto share = ParseShare(value);
      if (!share) throw Error(source, "", "expected a share from 0 to 1 or 0% to 100%" + got);
      options.max_undecided = *share;
      return;
    }
  }
}

const FlagSpec* FindFlag(std::string_view name) {
  for (const FlagSpec& spec : kFlags) {
    if (name == spec.name) return &spec;
  }
  return nullptr;
}

std::string KnownFlags() {
  std::string known;
  for (const FlagSpec& spec : kFlags) {
    known += (known.empty() ? "" : ", ") + std::string(kPrefix) + spec.name;
  }
  return known;
}

// "--name=value" -> value if the argument is that flag; "--name" alone -> "".
std::optional<std::string> FlagValue(std::string_view arg, std::string_view name) {
  if (arg.substr(0, 2) != "--" || arg.substr(2, name.size()) != name) return std::nullopt;
  const std::string_view rest = arg.substr(2 + name.size());
  if (rest.empty()) return std::string();
  if (rest.front() != '=') return std::nullopt;
  return std::string(rest.substr(1));
}

// The Google Benchmark flags benchgate reads or replaces. Each may also come
// from Google Benchmark's own BENCHMARK_<NAME> environment variable.
struct GbenchFlag {
  const char* name;
  bool taken_over;  // removed from argv and neutralised for Google Benchmark
};

constexpr GbenchFlag kGbenchFlags[] = {
    {"benchmark_out", true},
    {"benchmark_out_format", true},
    {"benchmark_report_aggregates_only", true},
    {"benchmark_display_aggregates_only", true},
    {"benchmark_min_time", true},
    {"benchmark_format", false},
    {"benchmark_color", false},
    {"benchmark_counters_tabular", false},
    {"benchmark_repetitions", false},
    {"benchmark_enable_random_interleaving", false},
    {"benchmark_list_tests", false},
};

void ApplyGbench(std::string_view name, const std::string& value, const std::string& source,
                 Options& options) {
  const auto as_bool = [&] {
    const auto parsed = ParseBool(value);
    if (!parsed) throw Error(source, "", "expected true or false, got '" + value + "'");
    return *parsed;
  };
  if (name == "benchmark_out") options.gbench_out = value;
  if (name == "benchmark_out_format") {
    if (value != "json" && value != "console" && value != "csv") {
      throw Error(source, "", "expected json, console or csv, got '" + value + "'");
    }
    options.gbench_out_format = value;
  }
  if (name == "benchmark_report_aggregates_only") options.report_aggregates_only = as_bool();
  if (name == "benchmark_display_aggregates_only") options.display_aggregates_only = as_bool();
  if (name == "benchmark_min_time") {
    // Converted now, so that a bad value is benchgate's one-line error rather
    // than Google Benchmark's abort.
    options.min_time = MinTimeForGbench(value, gbench::kMinTimeSuffixes, source);
  }
  if (name == "benchmark_format") options.display_format = value;
  if (name == "benchmark_color") options.color = value;
  if (name == "benchmark_counters_tabular") options.counters_tabular = as_bool();
  if (name == "benchmark_enable_random_interleaving") options.interleave_given_to_gbench = true;
  if (name == "benchmark_list_tests") options.list_tests = as_bool();
  if (name == "benchmark_repetitions") {
    const auto parsed = ParseNumber<int>(value);
    // Google Benchmark validates the value itself; benchgate only needs to
    // know whether the user chose one.
    options.repetitions = parsed.value_or(kDefaultRepetitions);
    options.repetitions_given = true;
  }
}

}  // namespace

std::optional<std::string> ProcessEnv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

ParsedArgs ParseArgs(const std::vector<std::string>& args, const EnvLookup& env) {
  ParsedArgs parsed;
  Options& options = parsed.options;

  std::set<std::string> given;  // benchgate flags set by a variable or a flag
  // Environment first, so that flags given on the command line win.
  for (const FlagSpec& spec : kFlags) {
    const std::string variable = "BENCHGATE_" + Upper(spec.name);
    if (const auto value = env(variable)) {
      Apply(spec, *value, variable, options);
      given.insert(spec.name);
    }
  }
  for (const GbenchFlag& flag : kGbenchFlags) {
    const std::string variable = Upper(flag.name);
    if (const auto value = env(variable)) ApplyGbench(flag.name, *value, variable, options);
  }

  for (const std::string& arg : args) {
    const std::string_view view(arg);
    if (view.substr(0, kPrefix.size()) == kPrefix) {
      const std::string_view body = view.substr(kPrefix.size());
      const std::string_view name = body.substr(0, body.find('='));
      const FlagSpec* spec = FindFlag(name);
      const std::string flag = std::string(kPrefix) + std::string(name);
      if (spec == nullptr) throw Error(flag, "", "unknown flag; expected one of " + KnownFlags());
      const bool has_value = body.find('=') != std::string_view::npos;
      if (!has_value && spec->kind != Kind::kBool) {
        throw Error(flag, "", "expected a value: " + flag + "=VALUE");
      }
      Apply(*spec, has_value ? std::string(body.substr(name.size() + 1)) : std::string(), flag,
            options);
      given.insert(spec->name);
      continue;
    }
    bool taken = false;
    for (const GbenchFlag& flag : kGbenchFlags) {
      if (const auto value = FlagValue(view, flag.name)) {
        ApplyGbench(flag.name, *value, "--" + std::string(flag.name), options);
        taken = flag.taken_over;
        break;
      }
    }
    if (!taken) parsed.gbench_args.push_back(arg);
  }

  for (const Preset& preset : kPresets) {
    if (options.preset != preset.name) continue;
    if (!options.repetitions_given) options.repetitions = preset.repetitions;
    if (given.count("alpha") == 0) options.alpha = preset.alpha;
    if (given.count("confirm") == 0) options.confirm = preset.confirm;
    if (given.count("max_rounds") == 0) options.max_rounds = preset.max_rounds;
    options.tolerance_floor = preset.floor;
  }

  // Neutralise what benchgate took over, including values Google Benchmark
  // already read from its environment variables before main() started.
  // Google Benchmark accepts a file reporter (benchgate's collector, which
  // must see the file's view of the rows) only with --benchmark_out set; it
  // opens that path itself, so it gets one that takes no harm.
  parsed.gbench_args.push_back(std::string("--benchmark_out=") + kUnusedGbenchOut);
  parsed.gbench_args.emplace_back("--benchmark_report_aggregates_only=false");
  // Only what the display shows: Google Benchmark applies it to the display
  // view alone, and a benchmark's own ->DisplayAggregatesOnly(false) wins.
  parsed.gbench_args.push_back(std::string("--benchmark_display_aggregates_only=") +
                               (options.display_aggregates_only ? "true" : "false"));
  if (!options.repetitions_given) {
    parsed.gbench_args.push_back("--benchmark_repetitions=" + std::to_string(options.repetitions));
  }
  if (!options.min_time.empty()) {
    parsed.gbench_args.push_back("--benchmark_min_time=" + options.min_time);
  }
  // Interleaving is benchgate's default; Google Benchmark's own flag (or its
  // variable), when given, decides instead.
  if (options.interleave && !options.interleave_given_to_gbench) {
    parsed.gbench_args.emplace_back("--benchmark_enable_random_interleaving=true");
  }
  return parsed;
}

std::string MinTimeForGbench(const std::string& value, bool suffixes, const std::string& source) {
  const std::string_view text(value);
  const char last = text.empty() ? '\0' : text.back();
  if (last == 'x') {
    const auto iterations = ParseNumber<std::int64_t>(text.substr(0, text.size() - 1));
    if (!iterations || *iterations < 1) {
      throw Error(source, "", "expected an iteration count like 100x, got '" + value + "'");
    }
    if (!suffixes) {
      throw Error(source, "",
                  "expected seconds, e.g. 0.5s: an iteration count (" + value +
                      ") needs Google Benchmark 1.8 or later, and this binary is built with an "
                      "older one");
    }
    return value;
  }
  const std::string_view number = last == 's' ? text.substr(0, text.size() - 1) : text;
  const auto seconds = ParseNumber<double>(number);
  if (!seconds || !(*seconds >= 0.0 && *seconds <= 1e6)) {
    throw Error(source, "",
                "expected seconds (0.5 or 0.5s) or an iteration count (100x), got '" + value + "'");
  }
  return std::string(number) + (suffixes ? "s" : "");
}

std::string FlagsHelp() {
  std::string help = "benchgate flags (each also from BENCHGATE_<NAME>; the flag wins):\n";
  for (const FlagSpec& spec : kFlags) {
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + string.
    std::string left(2, ' ');
    left.append(kPrefix).append(spec.name);
    if (spec.kind == Kind::kString) left.append("=FILE");
    if (spec.kind == Kind::kAlpha || spec.kind == Kind::kCount || spec.kind == Kind::kRounds) {
      left.append("=N");
    }
    if (spec.kind == Kind::kSeconds) left.append("=S");
    if (spec.kind == Kind::kShare) left.append("=SHARE");
    if (spec.kind == Kind::kChoice) left.append("=").append(Upper(spec.name));
    left.resize(std::max<std::size_t>(left.size() + 1, 34), ' ');
    help.append(left).append(spec.help).append("\n");
  }
  return help;
}

}  // namespace benchgate
