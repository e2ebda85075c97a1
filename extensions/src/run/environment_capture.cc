#include "run/environment_capture.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <tuple>
#include <utility>

#include "run/environment_probe.h"

namespace benchgate {
namespace {

using EnvFunction = std::function<std::optional<std::string>(const std::string&)>;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// An unset and an empty variable mean the same: CI systems export empty
// values for things that do not apply (e.g. GITHUB_HEAD_REF outside PRs).
std::string Var(const EnvFunction& env, const char* name) {
  const std::optional<std::string> value = env(name);
  return value ? *value : std::string();
}

bool Truthy(const std::string& value) {
  const std::string lower = Lower(value);
  return !lower.empty() && lower != "false" && lower != "0" && lower != "no";
}

std::string OrUnknown(const std::string& value) { return value.empty() ? "unknown" : value; }

struct CiInfo {
  std::string provider = "none";
  std::string sha;
  std::string branch;
};

// The specific providers come first: each of them also sets CI=true.
CiInfo DetectCi(const EnvFunction& env) {
  CiInfo ci;
  if (Truthy(Var(env, "GITHUB_ACTIONS"))) {
    ci.provider = "github-actions";
    ci.sha = Var(env, "GITHUB_SHA");
    // In a pull request GITHUB_REF_NAME is "<n>/merge"; the head branch is
    // what a person recognises.
    ci.branch = Var(env, "GITHUB_HEAD_REF");
    if (ci.branch.empty()) ci.branch = Var(env, "GITHUB_REF_NAME");
  } else if (Truthy(Var(env, "GITLAB_CI"))) {
    ci.provider = "gitlab";
    ci.sha = Var(env, "CI_COMMIT_SHA");
    ci.branch = Var(env, "CI_COMMIT_REF_NAME");
  } else if (Truthy(Var(env, "BUILDKITE"))) {
    ci.provider = "buildkite";
    ci.sha = Var(env, "BUILDKITE_COMMIT");
    ci.branch = Var(env, "BUILDKITE_BRANCH");
  } else if (Truthy(Var(env, "CIRCLECI"))) {
    ci.provider = "circleci";
    ci.sha = Var(env, "CIRCLE_SHA1");
    ci.branch = Var(env, "CIRCLE_BRANCH");
  } else if (!Var(env, "JENKINS_URL").empty()) {
    ci.provider = "jenkins";
    ci.sha = Var(env, "GIT_COMMIT");
    // Multibranch pipelines set BRANCH_NAME ("main"); the git plugin's
    // GIT_BRANCH names the remote ("origin/main").
    ci.branch = Var(env, "BRANCH_NAME");
    if (ci.branch.empty()) {
      ci.branch = Var(env, "GIT_BRANCH");
      const std::string remote = "origin/";
      if (ci.branch.compare(0, remote.size(), remote) == 0) ci.branch.erase(0, remote.size());
    }
  } else if (Truthy(Var(env, "CI"))) {
    ci.provider = "generic";
  }
  const std::string sha = Var(env, "BENCHGATE_GIT_SHA");
  if (!sha.empty()) ci.sha = sha;
  const std::string branch = Var(env, "BENCHGATE_GIT_BRANCH");
  if (!branch.empty()) ci.branch = branch;
  return ci;
}

// "release" needs both optimisation and NDEBUG; either one missing is a
// debug build, since assertions alone can dominate a micro-benchmark.
std::string BuildType(const BuildInfo& build) {
  const bool optimized = build.optimization == "speed" || build.optimization == "size";
  if (build.optimization == "none" || build.ndebug == "no") return "debug";
  if (optimized && build.ndebug == "yes") return "release";
  return "unknown";
}

std::string FormatFixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

// Newlines would let one field forge another line of the key text.
std::string OneLine(std::string value) {
  std::replace(value.begin(), value.end(), '\n', ' ');
  std::replace(value.begin(), value.end(), '\r', ' ');
  return value;
}

}  // namespace

std::string EnvironmentKeyText(const Environment& environment) {
  std::vector<CpuCache> caches = environment.caches;
  // Google Benchmark lists caches in sysfs index order; sorting makes the key
  // independent of that order.
  std::sort(caches.begin(), caches.end(), [](const CpuCache& a, const CpuCache& b) {
    return std::tie(a.level, a.type, a.size, a.num_sharing) <
           std::tie(b.level, b.type, b.size, b.num_sharing);
  });
  std::string cache_text;
  for (const CpuCache& cache : caches) {
    if (!cache_text.empty()) cache_text += ';';
    cache_text += "L" + std::to_string(cache.level) + " " + cache.type + " " +
                  std::to_string(cache.size) + " x" + std::to_string(cache.num_sharing);
  }
  const std::pair<const char*, std::string> fields[] = {
      {"cpu_model", environment.cpu_model},
      {"num_cpus", std::to_string(environment.num_cpus)},
      {"caches", cache_text},
      {"architecture", environment.architecture},
      {"virtualization", environment.virtualization},
      {"os", environment.os},
      {"kernel", environment.kernel},
      {"compiler", environment.compiler},
      {"compiler_version", environment.compiler_version},
      {"build_type", environment.build_type},
      {"optimization", environment.optimization},
      {"sanitizers", environment.sanitizers},
  };
  std::string text = "benchgate.environment.key/1\n";
  for (const auto& [name, value] : fields) text += std::string(name) + "=" + OneLine(value) + "\n";
  return text;
}

std::string ComputeEnvironmentKey(const Environment& environment) {
  // FNV-1a 64 (offset basis and prime from the FNV reference,
  // http://www.isthe.com/chongo/tech/comp/fnv/): not cryptographic, only a
  // short stable name for the text above.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : EnvironmentKeyText(environment)) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

std::vector<std::string> EnvironmentWarnings(const Environment& environment, Measure measure) {
  std::vector<std::string> warnings;
  const bool counts = measure == Measure::kInstructions;
  const std::string what = counts ? "counts" : "timings";
  if (environment.build_type == "debug") {
    // build_type says debug only for these two reasons (BuildType above); the
    // Environment read back from JSON may lack the detail, hence the fallback.
    std::string reasons;
    if (environment.optimization == "none") reasons = "no optimisation";
    if (environment.ndebug == "no") {
      reasons += std::string(reasons.empty() ? "" : ", ") + "NDEBUG not defined";
    }
    if (reasons.empty()) reasons = "no optimisation or NDEBUG not defined";
    warnings.push_back("debug build (" + reasons + "): " + what +
                       " are not representative of a release build");
  }
  if (environment.sanitizers != "none" && environment.sanitizers != "unknown") {
    warnings.push_back("built with sanitizers (" + environment.sanitizers + "): " + what +
                       " are not representative of a release build");
  }
  if (counts) return warnings;
  if (environment.library_build_type == "debug") {
    warnings.push_back("Google Benchmark library is a debug build: its overhead inflates timings");
  }
  if (environment.governor != "unknown" && environment.governor != "performance") {
    warnings.push_back("CPU frequency governor is '" + environment.governor +
                       "', not 'performance': the clock speed may vary between repetitions");
  } else if (environment.governor == "unknown" && environment.cpu_scaling == "enabled") {
    warnings.push_back(
        "CPU frequency scaling is enabled: the clock speed may vary between repetitions");
  }
  if (!environment.load_avg.empty()) {
    const int cpus = std::max(environment.num_cpus, 1);
    const double limit = kHighLoadPerCpu * cpus;
    if (environment.load_avg[0] > limit) {
      warnings.push_back("high load: 1-minute load average " +
                         FormatFixed(environment.load_avg[0]) + " is above " + FormatFixed(limit) +
                         " (0.5 per CPU, " + std::to_string(cpus) +
                         " CPUs): other processes compete with the benchmarks");
    }
  }
  if (environment.virtualization != "none" && environment.virtualization != "unknown") {
    warnings.push_back("running in a virtual machine (" + environment.virtualization +
                       "): timings are noisier and may not transfer to other machines");
  }
  return warnings;
}

void WriteEnvironmentWarnings(const Environment& environment, std::ostream& out) {
  for (const std::string& warning : environment.warnings) {
    out << "benchgate: warning: " << warning << '\n';
  }
}

Environment CaptureEnvironment(const EnvironmentInputs& inputs) {
  const EnvFunction env = inputs.env ? inputs.env : EnvFunction([](const std::string& name) {
    const char* value = std::getenv(name.c_str());
    return value ? std::optional<std::string>(value) : std::nullopt;
  });
  const SystemFiles files(inputs.root);
  const CpuInfoFile cpuinfo = files.ReadCpuInfo();

  Environment environment;
  environment.cpu_model = OrUnknown(cpuinfo.model);
  environment.num_cpus = inputs.num_cpus > 0 ? inputs.num_cpus : cpuinfo.processors;
  environment.mhz = inputs.mhz > 0 ? inputs.mhz : cpuinfo.mhz;
  environment.caches = inputs.caches;
  environment.governor = files.ReadGovernor();
  environment.turbo = files.ReadTurbo();
  environment.cpu_scaling = inputs.cpu_scaling;
  environment.load_avg = inputs.load_avg.empty() ? files.ReadLoadAverage() : inputs.load_avg;
  environment.virtualization = files.DetectVirtualization(cpuinfo);
  environment.hostname = inputs.hostname.empty() || inputs.hostname == "unknown"
                             ? OrUnknown(files.ReadHostname())
                             : inputs.hostname;

  const OsRelease os = files.ReadOsRelease();
  environment.os =
      OrUnknown(os.id.empty() || os.version_id.empty() ? os.id : os.id + " " + os.version_id);
  environment.os_pretty = OrUnknown(os.pretty_name);
  environment.kernel = OrUnknown(files.ReadKernelRelease());

  environment.compiler = inputs.build.compiler;
  environment.compiler_version = inputs.build.compiler_version;
  environment.build_type = BuildType(inputs.build);
  environment.optimization = inputs.build.optimization;
  environment.ndebug = inputs.build.ndebug;
  environment.sanitizers = inputs.build.sanitizers;
  environment.architecture = inputs.build.architecture;
  environment.library_build_type = inputs.library_build_type;

  const CiInfo ci = DetectCi(env);
  environment.ci_provider = ci.provider;
  environment.git_sha = OrUnknown(ci.sha);
  environment.git_branch = OrUnknown(ci.branch);

  environment.key = ComputeEnvironmentKey(environment);
  environment.warnings = EnvironmentWarnings(environment);
  return environment;
}

EnvironmentInputs InputsFromGoogleBenchmark() {
  const benchmark::CPUInfo& cpu = benchmark::CPUInfo::Get();
  EnvironmentInputs inputs;
  inputs.num_cpus = cpu.num_cpus;
  inputs.mhz = cpu.cycles_per_second / 1e6;
  for (const benchmark::CPUInfo::CacheInfo& cache : cpu.caches) {
    inputs.caches.push_back({cache.type, cache.level, cache.size, cache.num_sharing});
  }
  inputs.load_avg = cpu.load_avg;
  switch (cpu.scaling) {
    case benchmark::CPUInfo::ENABLED:
      inputs.cpu_scaling = "enabled";
      break;
    case benchmark::CPUInfo::DISABLED:
      inputs.cpu_scaling = "disabled";
      break;
    default:
      inputs.cpu_scaling = "unknown";
      break;
  }
  inputs.hostname = benchmark::SystemInfo::Get().name;
  return inputs;
}

}  // namespace benchgate
