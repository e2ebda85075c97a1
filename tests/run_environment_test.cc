#include "model/environment.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // setenv, unsetenv (POSIX)

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "benchgate/build_info.h"
#include "run/environment_capture.h"

namespace benchgate {
namespace {

// Fake machines under tests/data/environment/<case>/ (a filesystem root each).
std::string Root(const std::string& name) {
  return std::string(BENCHGATE_TEST_DATA_DIR) + "/environment/" + name;
}

BuildInfo ReleaseGcc() {
  BuildInfo build;
  build.compiler = "gcc";
  build.compiler_version = "12.2.0";
  build.optimization = "speed";
  build.ndebug = "yes";
  build.sanitizers = "none";
  build.architecture = "x86_64";
  return build;
}

// Inputs with a fixed build and no CI variables at all.
EnvironmentInputs Inputs(const std::string& root,
                         std::map<std::string, std::string> variables = {}) {
  EnvironmentInputs inputs;
  inputs.root = Root(root);
  inputs.env = [variables](const std::string& name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
  inputs.build = ReleaseGcc();
  return inputs;
}

std::vector<CpuCache> XeonCaches() {
  return {{"Unified", 3, 28835840, 4},
          {"Data", 1, 32768, 2},
          {"Instruction", 1, 32768, 2},
          {"Unified", 2, 1048576, 2}};
}

TEST(EnvironmentTest, ReadsABareMetalMachineWithThePerformanceGovernor) {
  const Environment env = CaptureEnvironment(Inputs("bare_metal"));
  EXPECT_EQ(env.cpu_model, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz");
  EXPECT_EQ(env.num_cpus, 4);  // four "processor" lines
  EXPECT_DOUBLE_EQ(env.mhz, 2500.0);
  EXPECT_EQ(env.governor, "performance");
  EXPECT_EQ(env.turbo, "disabled");  // intel_pstate/no_turbo = 1 wins over boost
  EXPECT_EQ(env.load_avg, (std::vector<double>{0.25, 0.40, 0.35}));
  EXPECT_EQ(env.virtualization, "none");  // x86 flags without "hypervisor", DMI "Dell Inc."
  EXPECT_EQ(env.hostname, "bench-01");
  EXPECT_EQ(env.os, "debian 12");
  EXPECT_EQ(env.os_pretty, "Debian GNU/Linux 12 (bookworm)");
  EXPECT_EQ(env.kernel, "6.1.0-13-amd64");
  EXPECT_EQ(env.compiler, "gcc");
  EXPECT_EQ(env.compiler_version, "12.2.0");
  EXPECT_EQ(env.build_type, "release");
  EXPECT_EQ(env.architecture, "x86_64");
  EXPECT_EQ(env.ci_provider, "none");
  EXPECT_EQ(env.git_sha, "unknown");
  EXPECT_EQ(env.git_branch, "unknown");
  EXPECT_EQ(env.key.size(), 16u);
  EXPECT_EQ(env.key.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_TRUE(env.warnings.empty()) << env.warnings.front();
}

TEST(EnvironmentTest, WarnsAboutAVirtualMachineWithPowersaveAndHighLoad) {
  const Environment env = CaptureEnvironment(Inputs("vm_busy"));
  EXPECT_EQ(env.cpu_model, "AMD EPYC 7763 64-Core Processor");  // spaces collapsed
  EXPECT_EQ(env.num_cpus, 2);
  EXPECT_EQ(env.governor, "powersave");
  EXPECT_EQ(env.turbo, "enabled");  // cpufreq/boost = 1
  EXPECT_EQ(env.virtualization, "qemu");
  EXPECT_EQ(env.os, "ubuntu 22.04");
  EXPECT_EQ(env.kernel, "5.15.0-1041-azure");
  // 1-minute load 3.50 against 0.5 x 2 CPUs = 1.00.
  EXPECT_EQ(env.warnings,
            (std::vector<std::string>{
                "CPU frequency governor is 'powersave', not 'performance': the clock speed may "
                "vary between repetitions",
                "high load: 1-minute load average 3.50 is above 1.00 (0.5 per CPU, 2 CPUs): other "
                "processes compete with the benchmarks",
                "running in a virtual machine (qemu): timings are noisier and may not transfer to "
                "other machines",
            }));
}

TEST(EnvironmentTest, MissingFilesLeaveFieldsUnknownWithoutFailing) {
  for (const std::string root : {"missing_files", "no_such_directory"}) {
    EnvironmentInputs inputs = Inputs(root);
    inputs.build = BuildInfo();  // nothing known about the build either
    const Environment env = CaptureEnvironment(inputs);
    EXPECT_EQ(env.cpu_model, "unknown") << root;
    EXPECT_EQ(env.num_cpus, 0);
    EXPECT_EQ(env.mhz, 0);
    EXPECT_EQ(env.governor, "unknown");
    EXPECT_EQ(env.turbo, "unknown");
    EXPECT_TRUE(env.load_avg.empty());
    EXPECT_EQ(env.virtualization, "unknown");
    EXPECT_EQ(env.hostname, "unknown");
    EXPECT_EQ(env.os, "unknown");
    EXPECT_EQ(env.os_pretty, "unknown");
    EXPECT_EQ(env.kernel, "unknown");
    EXPECT_EQ(env.compiler, "unknown");
    EXPECT_EQ(env.build_type, "unknown");
    EXPECT_EQ(env.key.size(), 16u);
    EXPECT_TRUE(env.warnings.empty());
  }
}

TEST(EnvironmentTest, GoogleBenchmarkMeasurementsWinOverTheFiles) {
  EnvironmentInputs inputs = Inputs("vm_busy");
  inputs.num_cpus = 8;
  inputs.mhz = 3000.5;
  inputs.load_avg = {0.5, 0.6, 0.7};
  inputs.hostname = "from-gbench";
  inputs.caches = XeonCaches();
  const Environment env = CaptureEnvironment(inputs);
  EXPECT_EQ(env.num_cpus, 8);
  EXPECT_DOUBLE_EQ(env.mhz, 3000.5);
  EXPECT_EQ(env.load_avg, (std::vector<double>{0.5, 0.6, 0.7}));
  EXPECT_EQ(env.hostname, "from-gbench");
  EXPECT_EQ(env.caches.size(), 4u);
  // 0.5 is not above 0.5 x 8 CPUs: no load warning any more.
  EXPECT_EQ(env.warnings.size(), 2u);
}

TEST(EnvironmentTest, FallsBackToGoogleBenchmarksScalingWhenNoGovernorIsReadable) {
  EnvironmentInputs inputs = Inputs("missing_files");
  inputs.cpu_scaling = "enabled";
  EXPECT_EQ(CaptureEnvironment(inputs).warnings,
            (std::vector<std::string>{
                "CPU frequency scaling is enabled: the clock speed may vary between repetitions"}));
  inputs.cpu_scaling = "disabled";
  EXPECT_TRUE(CaptureEnvironment(inputs).warnings.empty());
}

TEST(EnvironmentTest, NamesEveryDistinctGovernorAndAnUnidentifiedHypervisor) {
  const Environment env = CaptureEnvironment(Inputs("mixed_governors"));
  EXPECT_EQ(env.governor, "performance,powersave");
  EXPECT_EQ(env.virtualization, "other");  // "hypervisor" flag, no DMI data
  EXPECT_EQ(env.warnings,
            (std::vector<std::string>{
                "CPU frequency governor is 'performance,powersave', not 'performance': the clock "
                "speed may vary between repetitions",
                "running in a virtual machine (other): timings are noisier and may not transfer "
                "to other machines"}));
}

TEST(EnvironmentTest, DescribesAnArmCpuAndReadsTheFallbackOsRelease) {
  const Environment env = CaptureEnvironment(Inputs("arm"));
  EXPECT_EQ(env.cpu_model, "ARM implementer 0x41 part 0xd0c");
  EXPECT_EQ(env.num_cpus, 2);
  EXPECT_EQ(env.virtualization, "unknown");  // no x86 flags: absence proves nothing
  EXPECT_EQ(env.os, "alpine 3.19.1");        // /usr/lib/os-release
  EXPECT_EQ(env.os_pretty, "Alpine Linux v3.19");
}

TEST(EnvironmentTest, TellsEc2BareMetalFromEc2VirtualMachines) {
  EXPECT_EQ(CaptureEnvironment(Inputs("ec2_metal")).virtualization, "none");
  EXPECT_EQ(CaptureEnvironment(Inputs("ec2_vm")).virtualization, "amazon");
}

TEST(EnvironmentTest, WarnsAboutDebugBuildsAndSaysWhy) {
  const std::string tail = "): timings are not representative of a release build";
  struct Case {
    const char* optimization;
    const char* ndebug;
    const char* build_type;
    std::string warning;  // "" for none
  };
  const Case cases[] = {
      {"none", "no", "debug", "debug build (no optimisation, NDEBUG not defined" + tail},
      {"speed", "no", "debug", "debug build (NDEBUG not defined" + tail},
      {"none", "yes", "debug", "debug build (no optimisation" + tail},
      {"size", "yes", "release", ""},
      {"unknown", "yes", "unknown", ""},  // e.g. MSVC: no optimisation macro
  };
  for (const Case& c : cases) {
    EnvironmentInputs inputs = Inputs("bare_metal");
    inputs.build.optimization = c.optimization;
    inputs.build.ndebug = c.ndebug;
    const Environment env = CaptureEnvironment(inputs);
    EXPECT_EQ(env.build_type, c.build_type) << c.optimization << " " << c.ndebug;
    EXPECT_EQ(env.warnings,
              c.warning.empty() ? std::vector<std::string>{} : std::vector<std::string>{c.warning});
  }
}

TEST(EnvironmentTest, WarnsAboutSanitizersAndADebugGoogleBenchmark) {
  EnvironmentInputs inputs = Inputs("bare_metal");
  inputs.build.sanitizers = "address";
  inputs.library_build_type = "debug";
  EXPECT_EQ(CaptureEnvironment(inputs).warnings,
            (std::vector<std::string>{
                "built with sanitizers (address): timings are not representative of a release "
                "build",
                "Google Benchmark library is a debug build: its overhead inflates timings"}));
}

TEST(EnvironmentTest, LoadWarningStartsStrictlyAboveHalfALoadPerCpu) {
  Environment env;
  env.num_cpus = 4;
  env.load_avg = {2.0, 0, 0};  // exactly 0.5 x 4
  EXPECT_TRUE(EnvironmentWarnings(env).empty());
  env.load_avg = {2.01, 0, 0};
  EXPECT_EQ(EnvironmentWarnings(env),
            (std::vector<std::string>{"high load: 1-minute load average 2.01 is above 2.00 (0.5 "
                                      "per CPU, 4 CPUs): other processes compete with the "
                                      "benchmarks"}));
  env.num_cpus = 0;  // unknown: judged as one CPU
  env.load_avg = {0.6, 0, 0};
  EXPECT_EQ(EnvironmentWarnings(env).size(), 1u);
}

// Load, a VM, the governor move time, never a count: an instructions run
// is warned about what its counts are of (the build) only.
TEST(EnvironmentTest, AnInstructionsRunIsWarnedAboutItsBuildOnly) {
  Environment env;
  env.num_cpus = 2;
  env.load_avg = {4.0, 0, 0};
  env.virtualization = "kvm";
  env.governor = "powersave";
  env.build_type = "debug";
  env.optimization = "none";
  env.ndebug = "yes";
  EXPECT_EQ(EnvironmentWarnings(env).size(), 4u);
  EXPECT_EQ(EnvironmentWarnings(env, Measure::kInstructions),
            (std::vector<std::string>{
                "debug build (no optimisation): counts are not representative of a release "
                "build"}));
}

TEST(EnvironmentTest, KeyIsStableAcrossWhatChangesEveryRun) {
  EnvironmentInputs first =
      Inputs("bare_metal", {{"GITHUB_ACTIONS", "true"}, {"GITHUB_SHA", "aaaa"}});
  first.caches = XeonCaches();
  first.load_avg = {0.1, 0.1, 0.1};
  first.mhz = 2500;
  first.hostname = "bench-01";
  EnvironmentInputs second =
      Inputs("bare_metal", {{"BUILDKITE", "true"}, {"BUILDKITE_COMMIT", "bbbb"}});
  second.caches = XeonCaches();
  second.load_avg = {7.5, 3.0, 1.0};
  second.mhz = 3100;
  second.hostname = "bench-02";  // an identical machine of the same fleet
  second.cpu_scaling = "enabled";
  const Environment a = CaptureEnvironment(first);
  const Environment b = CaptureEnvironment(second);
  EXPECT_NE(a.warnings, b.warnings);
  EXPECT_EQ(a.key, b.key);
}

TEST(EnvironmentTest, KeyChangesWithHardwareOsAndBuild) {
  EnvironmentInputs inputs = Inputs("bare_metal");
  inputs.caches = XeonCaches();
  const Environment base = CaptureEnvironment(inputs);
  const auto key_after = [&base](auto change) {
    Environment changed = base;
    change(changed);
    return ComputeEnvironmentKey(changed);
  };
  EXPECT_EQ(key_after([](Environment&) {}), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.compiler_version = "13.1.0"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.compiler = "clang"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.cpu_model = "AMD EPYC 7763"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.num_cpus = 8; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.caches[0].size *= 2; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.build_type = "debug"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.optimization = "size"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.sanitizers = "address"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.kernel = "6.1.0-18-amd64"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.os = "debian 13"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.virtualization = "kvm"; }), base.key);
  EXPECT_NE(key_after([](Environment& e) { e.architecture = "aarch64"; }), base.key);
  // Documented exclusions (model/environment.h).
  EXPECT_EQ(key_after([](Environment& e) { e.governor = "powersave"; }), base.key);
  EXPECT_EQ(key_after([](Environment& e) { e.turbo = "enabled"; }), base.key);
  EXPECT_EQ(key_after([](Environment& e) { e.hostname = "other"; }), base.key);
  // The cache order of sysfs does not matter.
  EXPECT_EQ(key_after([](Environment& e) { std::swap(e.caches[0], e.caches[3]); }), base.key);
}

TEST(EnvironmentTest, KeyIsFnv1a64OfThePinnedCanonicalText) {
  EnvironmentInputs inputs = Inputs("bare_metal");
  inputs.caches = XeonCaches();
  const Environment env = CaptureEnvironment(inputs);
  const std::string text =
      "benchgate.environment.key/1\n"
      "cpu_model=Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz\n"
      "num_cpus=4\n"
      "caches=L1 Data 32768 x2;L1 Instruction 32768 x2;L2 Unified 1048576 x2;"
      "L3 Unified 28835840 x4\n"
      "architecture=x86_64\n"
      "virtualization=none\n"
      "os=debian 12\n"
      "kernel=6.1.0-13-amd64\n"
      "compiler=gcc\n"
      "compiler_version=12.2.0\n"
      "build_type=release\n"
      "optimization=speed\n"
      "sanitizers=none\n";
  EXPECT_EQ(EnvironmentKeyText(env), text);
  // kEnvironmentKeyFields (what benchgate-diff names when keys differ) are
  // the key text's fields, in its order.
  const std::string header = "benchgate.environment.key/1\n";
  std::istringstream lines(text.substr(header.size()));
  for (const char* field : kEnvironmentKeyFields) {
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line.substr(0, line.find('=')), field);
  }
  // Python: h = 0xcbf29ce484222325; for b in text.encode(): h ^= b;
  // h = (h * 0x100000001b3) % 2**64; print('%016x' % h). The same loop gives
  // the FNV reference vectors fnv1a64("") = cbf29ce484222325 and
  // fnv1a64("a") = af63dc4c8601ec8c (http://www.isthe.com/chongo/tech/comp/fnv/).
  EXPECT_EQ(env.key, "ac32b6cf8f0fc814");
}

struct CiCase {
  const char* name;
  std::map<std::string, std::string> variables;
  const char* provider;
  const char* sha;
  const char* branch;
};

TEST(EnvironmentTest, DetectsEachCiProviderAndItsCommitAndBranch) {
  const CiCase cases[] = {
      {"github push",
       {{"CI", "true"},
        {"GITHUB_ACTIONS", "true"},
        {"GITHUB_SHA", "a1"},
        {"GITHUB_REF_NAME", "main"},
        {"GITHUB_HEAD_REF", ""}},
       "github-actions",
       "a1",
       "main"},
      {"github pull request",
       {{"GITHUB_ACTIONS", "true"},
        {"GITHUB_SHA", "a2"},
        {"GITHUB_REF_NAME", "17/merge"},
        {"GITHUB_HEAD_REF", "feature/x"}},
       "github-actions",
       "a2",
       "feature/x"},
      {"gitlab",
       {{"CI", "true"},
        {"GITLAB_CI", "true"},
        {"CI_COMMIT_SHA", "b1"},
        {"CI_COMMIT_REF_NAME", "dev"}},
       "gitlab",
       "b1",
       "dev"},
      {"jenkins git plugin",
       {{"JENKINS_URL", "https://ci.example/"},
        {"GIT_COMMIT", "c1"},
        {"GIT_BRANCH", "origin/release"}},
       "jenkins",
       "c1",
       "release"},
      {"jenkins multibranch",
       {{"JENKINS_URL", "https://ci.example/"},
        {"GIT_COMMIT", "c2"},
        {"GIT_BRANCH", "origin/x"},
        {"BRANCH_NAME", "PR-4"}},
       "jenkins",
       "c2",
       "PR-4"},
      {"buildkite",
       {{"CI", "true"},
        {"BUILDKITE", "true"},
        {"BUILDKITE_COMMIT", "d1"},
        {"BUILDKITE_BRANCH", "trunk"}},
       "buildkite",
       "d1",
       "trunk"},
      {"circleci",
       {{"CI", "true"}, {"CIRCLECI", "true"}, {"CIRCLE_SHA1", "e1"}, {"CIRCLE_BRANCH", "b"}},
       "circleci",
       "e1",
       "b"},
      {"generic", {{"CI", "true"}}, "generic", "unknown", "unknown"},
      {"generic CI=1", {{"CI", "1"}}, "generic", "unknown", "unknown"},
      {"CI=false", {{"CI", "false"}}, "none", "unknown", "unknown"},
      {"nothing", {}, "none", "unknown", "unknown"},
  };
  for (const CiCase& c : cases) {
    const Environment env = CaptureEnvironment(Inputs("missing_files", c.variables));
    EXPECT_EQ(env.ci_provider, c.provider) << c.name;
    EXPECT_EQ(env.git_sha, c.sha) << c.name;
    EXPECT_EQ(env.git_branch, c.branch) << c.name;
  }
}

TEST(EnvironmentTest, BenchgateGitVariablesOverrideTheCi) {
  const CiCase cases[] = {
      {"both over github",
       {{"GITHUB_ACTIONS", "true"},
        {"GITHUB_SHA", "a1"},
        {"GITHUB_REF_NAME", "main"},
        {"BENCHGATE_GIT_SHA", "f00d"},
        {"BENCHGATE_GIT_BRANCH", "mine"}},
       "github-actions",
       "f00d",
       "mine"},
      {"sha only",
       {{"CIRCLECI", "true"},
        {"CIRCLE_SHA1", "e1"},
        {"CIRCLE_BRANCH", "b"},
        {"BENCHGATE_GIT_SHA", "f00d"}},
       "circleci",
       "f00d",
       "b"},
      {"empty override ignored",
       {{"GITLAB_CI", "true"}, {"CI_COMMIT_SHA", "b1"}, {"BENCHGATE_GIT_SHA", ""}},
       "gitlab",
       "b1",
       "unknown"},
      {"without CI",
       {{"BENCHGATE_GIT_SHA", "1234"}, {"BENCHGATE_GIT_BRANCH", "local"}},
       "none",
       "1234",
       "local"},
  };
  for (const CiCase& c : cases) {
    const Environment env = CaptureEnvironment(Inputs("missing_files", c.variables));
    EXPECT_EQ(env.ci_provider, c.provider) << c.name;
    EXPECT_EQ(env.git_sha, c.sha) << c.name;
    EXPECT_EQ(env.git_branch, c.branch) << c.name;
  }
}

TEST(EnvironmentTest, WithoutALookupReadsTheProcessEnvironment) {
  ASSERT_EQ(setenv("BENCHGATE_GIT_SHA", "from-process-env", 1), 0);
  EnvironmentInputs inputs;
  inputs.root = Root("missing_files");
  const Environment env = CaptureEnvironment(inputs);
  unsetenv("BENCHGATE_GIT_SHA");
  EXPECT_EQ(env.git_sha, "from-process-env");
}

TEST(EnvironmentTest, WritesWarningsInTheConsoleForm) {
  Environment env;
  env.warnings = {"first", "second"};
  std::ostringstream out;
  WriteEnvironmentWarnings(env, out);
  EXPECT_EQ(out.str(), "benchgate: warning: first\nbenchgate: warning: second\n");
}

TEST(EnvironmentTest, CurrentBuildInfoDescribesThisTranslationUnit) {
  const BuildInfo build = CurrentBuildInfo();
#if defined(__GNUC__) && !defined(__clang__)
  EXPECT_EQ(build.compiler, "gcc");
  EXPECT_EQ(build.compiler_version, std::to_string(__GNUC__) + "." +
                                        std::to_string(__GNUC_MINOR__) + "." +
                                        std::to_string(__GNUC_PATCHLEVEL__));
#endif
#if defined(NDEBUG)
  EXPECT_EQ(build.ndebug, "yes");
#else
  EXPECT_EQ(build.ndebug, "no");
#endif
#if defined(__OPTIMIZE__)
  EXPECT_NE(build.optimization, "none");
#else
  EXPECT_EQ(build.optimization, "none");
#endif
#if defined(__x86_64__)
  EXPECT_EQ(build.architecture, "x86_64");
#endif
  EXPECT_NE(build.sanitizers, "unknown");
}

}  // namespace
}  // namespace benchgate
