#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "benchgate/error.h"
#include "run/gbench_api.h"
#include "run/options.h"
#include "support/error_message.h"

namespace benchgate {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const std::string& name) -> std::optional<std::string> {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

const EnvLookup kNoEnv = FakeEnv({});

std::string ErrorOf(const std::vector<std::string>& args, const EnvLookup& env = kNoEnv) {
  return test::ErrorMessageOf([&] { ParseArgs(args, env); });
}

TEST(OptionsTest, DefaultsMatchTheContract) {
  const ParsedArgs parsed = ParseArgs({}, kNoEnv);
  EXPECT_EQ(parsed.options.alpha, 0.05);
  EXPECT_EQ(parsed.options.confirm, 1);
  EXPECT_FALSE(parsed.options.record);
  EXPECT_TRUE(parsed.options.out.empty());
  EXPECT_FALSE(parsed.options.repetitions_given);
  EXPECT_EQ(parsed.options.repetitions, 10);
  EXPECT_EQ(parsed.options.history_runs, 30u);
  EXPECT_EQ(parsed.options.history_decay, 0.9);
}

TEST(OptionsTest, InjectsTenRepetitionsAndNeutralisesTakenOverFlags) {
  const ParsedArgs parsed = ParseArgs({"--benchmark_filter=BM_A"}, kNoEnv);
  EXPECT_EQ(
      parsed.gbench_args,
      (std::vector<std::string>{
          "--benchmark_filter=BM_A", "--benchmark_out=/dev/null",
          "--benchmark_report_aggregates_only=false", "--benchmark_display_aggregates_only=false",
          "--benchmark_repetitions=10", "--benchmark_enable_random_interleaving=true"}));
}

TEST(OptionsTest, KeepsTheUsersRepetitions) {
  const ParsedArgs parsed = ParseArgs({"--benchmark_repetitions=3"}, kNoEnv);
  EXPECT_TRUE(parsed.options.repetitions_given);
  EXPECT_EQ(parsed.options.repetitions, 3);
  EXPECT_EQ(parsed.gbench_args.front(), "--benchmark_repetitions=3");
  EXPECT_EQ(parsed.gbench_args.size(), 5u);  // no injected default
}

TEST(OptionsTest, RepetitionsFromGoogleBenchmarksEnvironmentVariableCount) {
  const ParsedArgs parsed = ParseArgs({}, FakeEnv({{"BENCHMARK_REPETITIONS", "4"}}));
  EXPECT_TRUE(parsed.options.repetitions_given);
  EXPECT_EQ(parsed.options.repetitions, 4);
}

TEST(OptionsTest, ParsesEveryBenchgateFlag) {
  const ParsedArgs parsed = ParseArgs(
      {"--benchgate_out=o.json", "--benchgate_baseline=b.json",
       "--benchgate_thresholds=thresholds/", "--benchgate_history=h.json", "--benchgate_record",
       "--benchgate_alpha=0.01", "--benchgate_confirm=3", "--benchgate_show_repetitions=true",
       "--benchgate_history_runs=50", "--benchgate_history_decay=1"},
      kNoEnv);
  const Options& o = parsed.options;
  EXPECT_EQ(o.out, "o.json");
  EXPECT_EQ(o.baseline, "b.json");
  EXPECT_EQ(o.thresholds, "thresholds/");
  EXPECT_EQ(o.history, "h.json");
  EXPECT_TRUE(o.record);
  EXPECT_EQ(o.alpha, 0.01);
  EXPECT_EQ(o.confirm, 3);
  EXPECT_TRUE(o.show_repetitions);
  EXPECT_EQ(o.history_runs, 50u);
  EXPECT_EQ(o.history_decay, 1.0);
  // None of them reaches Google Benchmark.
  for (const std::string& arg : parsed.gbench_args)
    EXPECT_EQ(arg.find("benchgate"), std::string::npos);
}

TEST(OptionsTest, EnvironmentVariablesApplyAndTheFlagWins) {
  const EnvLookup env = FakeEnv({{"BENCHGATE_OUT", "env.json"}, {"BENCHGATE_ALPHA", "0.1"}});
  EXPECT_EQ(ParseArgs({}, env).options.out, "env.json");
  EXPECT_EQ(ParseArgs({}, env).options.alpha, 0.1);
  EXPECT_EQ(ParseArgs({"--benchgate_out=flag.json"}, env).options.out, "flag.json");
}

TEST(OptionsTest, TakesOverGoogleBenchmarkFileOutputAndAggregatesFlags) {
  const ParsedArgs parsed =
      ParseArgs({"--benchmark_out=gb.json", "--benchmark_out_format=csv",
                 "--benchmark_report_aggregates_only=true", "--benchmark_display_aggregates_only",
                 "--benchmark_format=json", "--benchmark_color=false"},
                kNoEnv);
  EXPECT_EQ(parsed.options.gbench_out, "gb.json");
  EXPECT_EQ(parsed.options.gbench_out_format, "csv");
  EXPECT_TRUE(parsed.options.report_aggregates_only);
  EXPECT_TRUE(parsed.options.display_aggregates_only);
  EXPECT_EQ(parsed.options.display_format, "json");
  EXPECT_EQ(parsed.options.color, "false");
  // Observed flags stay for Google Benchmark, taken-over ones do not.
  EXPECT_EQ(parsed.gbench_args[0], "--benchmark_format=json");
  EXPECT_EQ(parsed.gbench_args[1], "--benchmark_color=false");
  EXPECT_EQ(parsed.gbench_args[2], "--benchmark_out=/dev/null");
  EXPECT_EQ(parsed.gbench_args[3], "--benchmark_report_aggregates_only=false");
  // The display flag goes back: Google Benchmark applies it to the display.
  EXPECT_EQ(parsed.gbench_args[4], "--benchmark_display_aggregates_only=true");
}

TEST(OptionsTest, BenchmarkOutFromGoogleBenchmarksEnvironmentVariable) {
  EXPECT_EQ(ParseArgs({}, FakeEnv({{"BENCHMARK_OUT", "e.json"}})).options.gbench_out, "e.json");
}

TEST(OptionsTest, LeavesUnrelatedArgumentsAlone) {
  const ParsedArgs parsed = ParseArgs({"positional", "--my_flag=1", "--benchgatex"}, kNoEnv);
  EXPECT_EQ(parsed.gbench_args[0], "positional");
  EXPECT_EQ(parsed.gbench_args[1], "--my_flag=1");
  EXPECT_EQ(parsed.gbench_args[2], "--benchgatex");
}

TEST(OptionsTest, MeasureAndTimeoutComeFromFlagsOrVariables) {
  EXPECT_EQ(ParseArgs({}, kNoEnv).options.measure, Measure::kTime);
  EXPECT_EQ(ParseArgs({"--benchgate_measure=instructions"}, kNoEnv).options.measure,
            Measure::kInstructions);
  const auto env = [](const std::string& name) -> std::optional<std::string> {
    if (name == "BENCHGATE_MEASURE") return "instructions";
    if (name == "BENCHGATE_TIMEOUT") return "60";
    return std::nullopt;
  };
  const Options options = ParseArgs({}, env).options;
  EXPECT_EQ(options.measure, Measure::kInstructions);
  EXPECT_EQ(options.timeout_seconds, 60);
  EXPECT_EQ(ParseArgs({"--benchgate_measure=time"}, env).options.measure, Measure::kTime);
  EXPECT_EQ(ErrorOf({"--benchgate_measure=cycles"}),
            "--benchgate_measure: expected one of time, instructions, got 'cycles'");
}

TEST(OptionsTest, ShardFromTheFlagOrTheVariable) {
  EXPECT_FALSE(ParseArgs({}, kNoEnv).options.shard.has_value());
  EXPECT_EQ(ParseArgs({"--benchgate_shard=2/3"}, kNoEnv).options.shard, (Shard{2, 3}));
  const auto env = [](const std::string& name) -> std::optional<std::string> {
    if (name == "BENCHGATE_SHARD") return "1/4";
    return std::nullopt;
  };
  EXPECT_EQ(ParseArgs({}, env).options.shard, (Shard{1, 4}));
  for (const std::string bad : {"0/3", "4/3", "3", "1/0", "a/b", "1/3x", "1/1001", "-1/3"}) {
    EXPECT_EQ(ErrorOf({"--benchgate_shard=" + bad}),
              "--benchgate_shard: expected K/N, 1 <= K <= N <= 1000, got '" + bad + "'");
  }
}

TEST(OptionsTest, UnknownBenchgateFlagIsAnError) {
  EXPECT_EQ(ErrorOf({"--benchgate_bogus=1"}),
            "--benchgate_bogus: unknown flag; expected one of --benchgate_out, "
            "--benchgate_baseline, --benchgate_thresholds, --benchgate_history, "
            "--benchgate_record, --benchgate_alpha, --benchgate_confirm, "
            "--benchgate_max_rounds, --benchgate_max_seconds, --benchgate_max_undecided, "
            "--benchgate_interleave, --benchgate_speed_probe, "
            "--benchgate_show_repetitions, --benchgate_preset, --benchgate_correction, "
            "--benchgate_history_runs, --benchgate_history_decay, --benchgate_measure, "
            "--benchgate_shard, --benchgate_timeout");
}

TEST(OptionsTest, BadValuesNameTheFlagAndTheExpectation) {
  EXPECT_EQ(ErrorOf({"--benchgate_alpha=abc"}),
            "--benchgate_alpha: expected a number between 0 and 1 (exclusive), got 'abc'");
  EXPECT_EQ(ErrorOf({"--benchgate_alpha=1"}),
            "--benchgate_alpha: expected a number between 0 and 1 (exclusive), got '1'");
  EXPECT_EQ(ErrorOf({"--benchgate_alpha=0"}),
            "--benchgate_alpha: expected a number between 0 and 1 (exclusive), got '0'");
  EXPECT_EQ(ErrorOf({"--benchgate_confirm=-1"}),
            "--benchgate_confirm: expected a whole number from 0 to 100, got '-1'");
  EXPECT_EQ(ErrorOf({"--benchgate_confirm=2.5"}),
            "--benchgate_confirm: expected a whole number from 0 to 100, got '2.5'");
  EXPECT_EQ(ErrorOf({"--benchgate_history_decay=0"}),
            "--benchgate_history_decay: expected a number above 0 and at most 1, got '0'");
  EXPECT_EQ(ErrorOf({"--benchgate_history_decay=1.5"}),
            "--benchgate_history_decay: expected a number above 0 and at most 1, got '1.5'");
  EXPECT_EQ(ErrorOf({"--benchgate_history_runs=0"}),
            "--benchgate_history_runs: expected a whole number from 1 to 1000, got '0'");
  EXPECT_EQ(ErrorOf({"--benchgate_record=maybe"}),
            "--benchgate_record: expected true or false, got 'maybe'");
  EXPECT_EQ(ErrorOf({"--benchgate_out"}),
            "--benchgate_out: expected a value: --benchgate_out=VALUE");
  EXPECT_EQ(ErrorOf({"--benchgate_out="}), "--benchgate_out: expected a path, got an empty value");
  EXPECT_EQ(ErrorOf({"--benchmark_out_format=xml"}),
            "--benchmark_out_format: expected json, console or csv, got 'xml'");
}

// --benchmark_min_time in one spelling for every Google Benchmark: 1.8 and
// later take "0.5s" and "100x" (and warn on a bare number), 1.7 a bare number.
std::string MinTimeError(const std::string& value, bool suffixes) {
  return test::ErrorMessageOf([&] { MinTimeForGbench(value, suffixes, "--benchmark_min_time"); });
}

TEST(MinTimeTest, SecondsInTheSpellingOfEachVersion) {
  EXPECT_EQ(MinTimeForGbench("0.05", true, "f"), "0.05s");
  EXPECT_EQ(MinTimeForGbench("0.05s", true, "f"), "0.05s");
  EXPECT_EQ(MinTimeForGbench("2", true, "f"), "2s");
  EXPECT_EQ(MinTimeForGbench("100x", true, "f"), "100x");
  EXPECT_EQ(MinTimeForGbench("0.05", false, "f"), "0.05");
  EXPECT_EQ(MinTimeForGbench("0.05s", false, "f"), "0.05");
  EXPECT_EQ(MinTimeForGbench("0", false, "f"), "0");
}

TEST(MinTimeTest, BadValuesAreOneLineErrors) {
  const std::string expected =
      "--benchmark_min_time: expected seconds (0.5 or 0.5s) or an iteration count (100x), got ";
  for (const bool suffixes : {true, false}) {
    EXPECT_EQ(MinTimeError("fast", suffixes), expected + "'fast'");
    EXPECT_EQ(MinTimeError("", suffixes), expected + "''");
    EXPECT_EQ(MinTimeError("-1s", suffixes), expected + "'-1s'");
    EXPECT_EQ(MinTimeError("nan", suffixes), expected + "'nan'");
    EXPECT_EQ(MinTimeError("0.5ms", suffixes), expected + "'0.5ms'");
    EXPECT_EQ(MinTimeError("0x", suffixes),
              "--benchmark_min_time: expected an iteration count like 100x, got '0x'");
    EXPECT_EQ(MinTimeError("1.5x", suffixes),
              "--benchmark_min_time: expected an iteration count like 100x, got '1.5x'");
  }
  EXPECT_EQ(MinTimeError("100x", false),
            "--benchmark_min_time: expected seconds, e.g. 0.5s: an iteration count (100x) needs "
            "Google Benchmark 1.8 or later, and this binary is built with an older one");
}

// What Google Benchmark gets is the linked version's spelling; the user's
// flag (or BENCHMARK_MIN_TIME) is taken out.
TEST(OptionsTest, MinTimeIsPassedInTheLinkedVersionsSpelling) {
  const std::string expected =
      std::string("--benchmark_min_time=0.05") + (gbench::kMinTimeSuffixes ? "s" : "");
  for (const char* given : {"0.05", "0.05s"}) {
    const ParsedArgs parsed = ParseArgs({std::string("--benchmark_min_time=") + given}, kNoEnv);
    EXPECT_EQ(std::count_if(parsed.gbench_args.begin(), parsed.gbench_args.end(),
                            [](const std::string& arg) {
                              return arg.rfind("--benchmark_min_time", 0) == 0;
                            }),
              1);
    EXPECT_NE(std::find(parsed.gbench_args.begin(), parsed.gbench_args.end(), expected),
              parsed.gbench_args.end());
  }
  const ParsedArgs from_env = ParseArgs({}, FakeEnv({{"BENCHMARK_MIN_TIME", "0.05s"}}));
  EXPECT_NE(std::find(from_env.gbench_args.begin(), from_env.gbench_args.end(), expected),
            from_env.gbench_args.end());
  EXPECT_EQ(ErrorOf({"--benchmark_min_time=soon"}),
            "--benchmark_min_time: expected seconds (0.5 or 0.5s) or an iteration count (100x), "
            "got 'soon'");
}

TEST(OptionsTest, BadEnvironmentValueNamesTheVariable) {
  EXPECT_EQ(ErrorOf({}, FakeEnv({{"BENCHGATE_CONFIRM", "many"}})),
            "BENCHGATE_CONFIRM: expected a whole number from 0 to 100, got 'many'");
}

TEST(OptionsTest, PresetsSetDefaultsThatExplicitFlagsOverride) {
  const ParsedArgs release = ParseArgs({"--benchgate_preset=release"}, kNoEnv);
  EXPECT_EQ(release.options.alpha, 0.01);
  EXPECT_EQ(release.options.confirm, 2);
  EXPECT_EQ(release.options.tolerance_floor, 0.005);
  EXPECT_EQ(release.options.max_rounds, 6);  // rounds in all: 5 extra
  EXPECT_NE(std::find(release.gbench_args.begin(), release.gbench_args.end(),
                      "--benchmark_repetitions=20"),
            release.gbench_args.end());

  const ParsedArgs dev = ParseArgs(
      {"--benchgate_preset=dev", "--benchgate_alpha=0.2", "--benchmark_repetitions=7"}, kNoEnv);
  EXPECT_EQ(dev.options.alpha, 0.2);      // the flag wins over the preset
  EXPECT_EQ(dev.options.repetitions, 7);  // so does the user's repetitions
  EXPECT_EQ(dev.options.confirm, 0);
  EXPECT_EQ(dev.options.max_rounds, 2);  // rounds in all: 1 extra
  EXPECT_EQ(dev.options.tolerance_floor, 0.02);

  const ParsedArgs from_env =
      ParseArgs({}, FakeEnv({{"BENCHGATE_PRESET", "dev"}, {"BENCHGATE_ALPHA", "0.03"}}));
  EXPECT_EQ(from_env.options.alpha, 0.03);
  EXPECT_EQ(from_env.options.repetitions, 5);
}

TEST(OptionsTest, ChoicesAreChecked) {
  EXPECT_EQ(ParseArgs({"--benchgate_correction=holm"}, kNoEnv).options.correction, "holm");
  EXPECT_EQ(ParseArgs({}, kNoEnv).options.correction, "bh");
  EXPECT_EQ(ErrorOf({"--benchgate_preset=prod"}),
            "--benchgate_preset: expected one of dev, ci, release, got 'prod'");
  EXPECT_EQ(ErrorOf({"--benchgate_correction=bonferroni"}),
            "--benchgate_correction: expected one of bh, holm, got 'bonferroni'");
  EXPECT_EQ(ErrorOf({"--benchgate_preset=dev,ci"}),
            "--benchgate_preset: expected one of dev, ci, release, got 'dev,ci'");
}

// Issue 11's flags: extra rounds and their budget, the undecided share that
// fails the gate, and interleaving (on by default; Google Benchmark's own
// flag or variable decides when given).
TEST(OptionsTest, NoisyMachineFlags) {
  const Options defaults = ParseArgs({}, kNoEnv).options;
  EXPECT_EQ(defaults.max_rounds, 4);  // rounds in all, the first included: 3 extra
  EXPECT_EQ(defaults.max_seconds, 0.0);
  EXPECT_EQ(defaults.max_undecided, 1.0);
  EXPECT_TRUE(defaults.interleave);
  const Options set = ParseArgs({"--benchgate_max_rounds=6", "--benchgate_max_seconds=90.5",
                                 "--benchgate_max_undecided=10%"},
                                kNoEnv)
                          .options;
  EXPECT_EQ(set.max_rounds, 6);
  EXPECT_EQ(set.max_seconds, 90.5);
  EXPECT_DOUBLE_EQ(set.max_undecided, 0.1);
  EXPECT_DOUBLE_EQ(ParseArgs({"--benchgate_max_undecided=0.25"}, kNoEnv).options.max_undecided,
                   0.25);
  const auto interleaving = [](const ParsedArgs& parsed) {
    return std::count(parsed.gbench_args.begin(), parsed.gbench_args.end(),
                      "--benchmark_enable_random_interleaving=true");
  };
  // The speed probe (model/speed_probe.h): on unless turned off, by flag
  // or by variable (benchgate-ab turns it off in its rounds).
  EXPECT_TRUE(defaults.speed_probe);
  EXPECT_FALSE(ParseArgs({"--benchgate_speed_probe=false"}, kNoEnv).options.speed_probe);
  EXPECT_FALSE(ParseArgs({}, FakeEnv({{"BENCHGATE_SPEED_PROBE", "false"}})).options.speed_probe);
  EXPECT_EQ(ErrorOf({"--benchgate_speed_probe=maybe"}),
            "--benchgate_speed_probe: expected true or false, got 'maybe'");
  EXPECT_EQ(interleaving(ParseArgs({}, kNoEnv)), 1);
  EXPECT_EQ(interleaving(ParseArgs({"--benchgate_interleave=false"}, kNoEnv)), 0);
  const ParsedArgs own = ParseArgs({"--benchmark_enable_random_interleaving=false"}, kNoEnv);
  EXPECT_EQ(interleaving(own), 0);
  EXPECT_EQ(own.gbench_args.front(), "--benchmark_enable_random_interleaving=false");
  EXPECT_EQ(
      interleaving(ParseArgs({}, FakeEnv({{"BENCHMARK_ENABLE_RANDOM_INTERLEAVING", "false"}}))), 0);

  EXPECT_EQ(ErrorOf({"--benchgate_max_undecided=150%"}),
            "--benchgate_max_undecided: expected a share from 0 to 1 or 0% to 100%, got '150%'");
  EXPECT_EQ(ErrorOf({"--benchgate_max_undecided=lots"}),
            "--benchgate_max_undecided: expected a share from 0 to 1 or 0% to 100%, got 'lots'");
  EXPECT_EQ(ErrorOf({"--benchgate_max_seconds=-1"}),
            "--benchgate_max_seconds: expected a number of seconds from 0 to 1000000, got '-1'");
  EXPECT_EQ(ErrorOf({"--benchgate_max_rounds=101"}),
            "--benchgate_max_rounds: expected a whole number from 1 to 100, got '101'");
  EXPECT_EQ(ErrorOf({"--benchgate_max_rounds=0"}),
            "--benchgate_max_rounds: expected a whole number from 1 to 100, got '0'");
  EXPECT_EQ(ErrorOf({"--benchgate_interleave=sometimes"}),
            "--benchgate_interleave: expected true or false, got 'sometimes'");
}

TEST(OptionsTest, HelpListsEveryFlag) {
  const std::string help = FlagsHelp();
  for (const char* flag :
       {"--benchgate_out=FILE", "--benchgate_baseline=FILE", "--benchgate_alpha=N",
        "--benchgate_record", "--benchgate_confirm=N", "--benchgate_max_rounds=N",
        "--benchgate_max_seconds=S", "--benchgate_max_undecided=SHARE", "--benchgate_interleave"}) {
    EXPECT_NE(help.find(flag), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace benchgate
