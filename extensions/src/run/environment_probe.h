// Reading the machine's description from /proc, /sys and /etc under a root
// directory (run/environment_capture.h lists the files). Every reader returns
// "" / empty / "unknown" for a missing or malformed file; none throws.
#ifndef BENCHGATE_RUN_ENVIRONMENT_PROBE_H_
#define BENCHGATE_RUN_ENVIRONMENT_PROBE_H_

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace benchgate {

struct CpuInfoFile {
  bool readable = false;
  std::string model;           // "" when no model line was found
  int processors = 0;          // "processor" lines
  double mhz = 0;              // "cpu MHz" of the first processor
  bool has_x86_flags = false;  // a "flags" line exists (x86 only)
  bool hypervisor = false;     // "hypervisor" among the flags
};

struct OsRelease {
  std::string id;
  std::string version_id;
  std::string pretty_name;
};

class SystemFiles {
 public:
  explicit SystemFiles(std::filesystem::path root) : root_(std::move(root)) {}

  CpuInfoFile ReadCpuInfo() const;
  // See Environment::governor.
  std::string ReadGovernor() const;
  // "enabled", "disabled" or "unknown".
  std::string ReadTurbo() const;
  // 1, 5 and 15 minutes, or empty.
  std::vector<double> ReadLoadAverage() const;
  // See Environment::virtualization.
  std::string DetectVirtualization(const CpuInfoFile& cpuinfo) const;
  OsRelease ReadOsRelease() const;
  std::string ReadKernelRelease() const;
  std::string ReadHostname() const;

 private:
  // The first line of a file under the root, trimmed; nullopt if unreadable.
  std::optional<std::string> FirstLine(const std::string& relative) const;
  std::optional<std::string> Contents(const std::string& relative) const;

  std::filesystem::path root_;
};

}  // namespace benchgate

#endif  // BENCHGATE_RUN_ENVIRONMENT_PROBE_H_
