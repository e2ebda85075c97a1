// Where and how a run was measured: machine, OS, build, CI and git.
//
// A plain value captured once per run (run/environment_capture) or read back
// from an enriched JSON file (io/). Every text field that could not be found
// is "unknown"; nothing about a missing file is ever an error.
//
// `key` identifies the conditions that change timings, so that history and
// adaptive thresholds only compare like with like. It hashes (see
// run/environment_capture.cc, ComputeEnvironmentKey):
//   cpu_model, num_cpus, caches, architecture, virtualization, os, kernel,
//   compiler, compiler_version, build_type, optimization, sanitizers
// (kEnvironmentKeyFields) and deliberately NOT:
//   - mhz and load_avg: measured, they differ on every run;
//   - hostname: a CI fleet of identical machines must share one key;
//   - governor and turbo: settings of the same machine that benchmarking
//     guides tell you to change; they are recorded here and warned about,
//     and a change shows up as a shift in the history rather than a new key;
//   - git, CI provider and job: they change on every commit.
// The kernel release is included: a kernel upgrade (scheduler, mitigations)
// does change timings, and CI images that upgrade it are a new environment.
#ifndef BENCHGATE_MODEL_ENVIRONMENT_H_
#define BENCHGATE_MODEL_ENVIRONMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace benchgate {

// The fields the key hashes, by their names in the enriched JSON, in the
// order of the key text.
inline constexpr const char* kEnvironmentKeyFields[] = {
    "cpu_model", "num_cpus", "caches",           "architecture", "virtualization", "os",
    "kernel",    "compiler", "compiler_version", "build_type",   "optimization",   "sanitizers"};

// One CPU cache level as Google Benchmark reports it in its JSON context.
struct CpuCache {
  std::string type;       // "Data", "Instruction" or "Unified"
  int level = 0;          // 1, 2, 3
  std::int64_t size = 0;  // bytes
  int num_sharing = 0;    // logical CPUs sharing one instance
};

struct Environment {
  // Stable hash of the timing-relevant fields: 16 lowercase hex digits
  // (FNV-1a 64 of a canonical text). Same machine and build -> same key.
  std::string key;

  // Machine.
  std::string cpu_model = "unknown";  // /proc/cpuinfo "model name", whitespace collapsed
  int num_cpus = 0;                   // logical CPUs; 0 when unknown
  double mhz = 0;                     // as measured by Google Benchmark; 0 when unknown
  std::vector<CpuCache> caches;
  // scaling_governor of every CPU: one name ("performance"), the distinct
  // names sorted and comma-separated when CPUs differ ("ondemand,performance"),
  // or "unknown" (no cpufreq, e.g. most virtual machines).
  std::string governor = "unknown";
  std::string turbo = "unknown";  // "enabled", "disabled" or "unknown"
  // Google Benchmark's view of frequency scaling: "enabled", "disabled" or
  // "unknown". Used only when the governor cannot be read.
  std::string cpu_scaling = "unknown";
  std::vector<double> load_avg;  // 1, 5 and 15 minutes; empty when unknown
  // "none" (bare metal), "kvm", "qemu", "vmware", "virtualbox", "hyperv",
  // "xen", "amazon", "google", "parallels", "bochs", "bhyve", "apple",
  // "other" (a hypervisor is present but not identified) or "unknown"
  // (cannot tell, e.g. non-x86 without DMI data).
  std::string virtualization = "unknown";
  std::string hostname = "unknown";

  // Operating system.
  std::string os = "unknown";         // os-release "ID VERSION_ID", e.g. "debian 12"
  std::string os_pretty = "unknown";  // os-release PRETTY_NAME, for display
  std::string kernel = "unknown";     // kernel release, e.g. "6.1.0-13-amd64"

  // Build of the benchmark binary (see benchgate/build_info.h).
  std::string compiler = "unknown";          // "gcc", "clang", ...
  std::string compiler_version = "unknown";  // "12.2.0"
  // "release" (optimised and NDEBUG), "debug" (either missing) or "unknown".
  std::string build_type = "unknown";
  std::string optimization = "unknown";  // "speed", "size", "none" or "unknown"
  std::string ndebug = "unknown";        // "yes" (NDEBUG defined), "no" or "unknown"
  std::string sanitizers = "unknown";    // "none", "address", "thread", "address,memory"...
  std::string architecture = "unknown";  // "x86_64", "aarch64", ...
  // Google Benchmark's own build ("release", "debug"), when known: its JSON
  // context has it, the live library does not expose it.
  std::string library_build_type = "unknown";

  // Continuous integration and version control.
  // "github-actions", "gitlab", "jenkins", "buildkite", "circleci",
  // "generic" (only CI=true) or "none".
  std::string ci_provider = "none";
  std::string git_sha = "unknown";
  std::string git_branch = "unknown";

  // Human-readable warnings about conditions that make timings unreliable,
  // in a fixed order (build, governor, load, virtualisation). Their exact
  // wording is pinned by tests/run_environment_test.cc.
  std::vector<std::string> warnings;
};

}  // namespace benchgate

#endif  // BENCHGATE_MODEL_ENVIRONMENT_H_
