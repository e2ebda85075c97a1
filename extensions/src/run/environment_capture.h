// Captures the Environment of a run once: machine, OS, build, CI and git.
//
// Everything the capture reads is injectable so that tests run against a fake
// filesystem root and fake environment variables. Under `root` it reads:
//   /proc/cpuinfo                       model name, processors, MHz, hypervisor flag
//   /proc/loadavg                       when Google Benchmark gave no load average
//   /proc/sys/kernel/osrelease          kernel release
//   /etc/os-release (/usr/lib/os-release as fallback)
//   /sys/devices/system/cpu/cpuN/cpufreq/scaling_governor
//   /sys/devices/system/cpu/intel_pstate/no_turbo, .../cpufreq/boost
//   /sys/class/dmi/id/sys_vendor, /sys/class/dmi/id/product_name
//   /sys/hypervisor/type
// A missing or unreadable file leaves its fields "unknown"; capture never
// throws for the machine's sake.
//
// The only touch of Google Benchmark is InputsFromGoogleBenchmark().
#ifndef BENCHGATE_RUN_ENVIRONMENT_CAPTURE_H_
#define BENCHGATE_RUN_ENVIRONMENT_CAPTURE_H_

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "benchgate/build_info.h"
#include "model/environment.h"
#include "model/sample_set.h"

namespace benchgate {

// Warnings above this 1-minute load average per logical CPU: at 0.5 another
// process keeps half of the CPUs busy on average, so benchmarks share cores.
inline constexpr double kHighLoadPerCpu = 0.5;

struct EnvironmentInputs {
  // Filesystem root under which /proc, /sys and /etc are read.
  std::string root = "/";
  // Environment variable lookup; empty means the process environment.
  std::function<std::optional<std::string>(const std::string& name)> env;

  // What Google Benchmark measured (CPUInfo, SystemInfo). Zero or empty
  // values fall back to the files under `root` where one exists.
  int num_cpus = 0;  // 0: count processors in /proc/cpuinfo
  double mhz = 0;    // 0: "cpu MHz" of /proc/cpuinfo
  std::vector<CpuCache> caches;
  std::vector<double> load_avg;         // empty: /proc/loadavg
  std::string cpu_scaling = "unknown";  // "enabled", "disabled", "unknown"
  std::string hostname = "unknown";
  std::string library_build_type = "unknown";

  // How the benchmark binary was compiled: CurrentBuildInfo() evaluated in
  // the user's translation unit. Default: everything "unknown".
  BuildInfo build;
};

// Never throws for missing or malformed files; fills every field of
// Environment, its key and its warnings.
Environment CaptureEnvironment(const EnvironmentInputs& inputs);

// The Google Benchmark half of the inputs: CPUInfo::Get() and
// SystemInfo::Get(). root, env and build keep their defaults.
EnvironmentInputs InputsFromGoogleBenchmark();

// The canonical text hashed into Environment::key: one "name=value" line per
// field listed in model/environment.h, after a format line
// "benchgate.environment.key/1". Exposed so tests and tools can show why two
// keys differ.
std::string EnvironmentKeyText(const Environment& environment);

// FNV-1a 64 of EnvironmentKeyText(): 16 lowercase hex digits.
std::string ComputeEnvironmentKey(const Environment& environment);

// The warnings of Environment::warnings for its other fields, in order:
// build, sanitizers, library build, governor, load, virtualisation. A run
// that counts instructions gets the first two only, about its counts: the
// rest move time, never a count.
std::vector<std::string> EnvironmentWarnings(const Environment& environment,
                                             Measure measure = Measure::kTime);

// Writes each warning as "benchgate: warning: <text>\n" (the console form).
void WriteEnvironmentWarnings(const Environment& environment, std::ostream& out);

}  // namespace benchgate

#endif  // BENCHGATE_RUN_ENVIRONMENT_CAPTURE_H_
