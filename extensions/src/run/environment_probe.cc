#include "run/environment_probe.h"

#include <fstream>
#include <iterator>
#include <locale>
#include <set>
#include <sstream>
#include <system_error>

#include "model/trim.h"

namespace benchgate {
namespace {

// "AMD  EPYC   7763" and "AMD EPYC 7763" are the same CPU.
std::string CollapseSpaces(const std::string& text) {
  std::istringstream words(text);
  std::string result, word;
  while (words >> word) result += (result.empty() ? "" : " ") + word;
  return result;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// Parses a number with the "C" locale, whatever the process locale says.
std::optional<double> ParseDouble(const std::string& text) {
  std::istringstream in(text);
  in.imbue(std::locale::classic());
  double value = 0;
  if (!(in >> value)) return std::nullopt;
  return value;
}

// os-release values may be quoted ("..." or '...') with backslash escapes.
std::string Unquote(const std::string& value) {
  if (value.size() < 2 || (value.front() != '"' && value.front() != '\'') ||
      value.back() != value.front()) {
    return value;
  }
  std::string result;
  for (std::size_t i = 1; i + 1 < value.size(); ++i) {
    if (value[i] == '\\' && i + 2 < value.size()) ++i;
    result += value[i];
  }
  return result;
}

// DMI vendor or product prefixes of hypervisors, after systemd-detect-virt's
// table (src/basic/virt.c, dmi_vendor_table).
struct DmiRule {
  const char* prefix;
  const char* name;
};
constexpr DmiRule kDmiRules[] = {
    {"KVM", "kvm"},
    {"OpenStack", "kvm"},
    {"KubeVirt", "kvm"},
    {"Amazon EC2", "amazon"},
    {"QEMU", "qemu"},
    {"VMware", "vmware"},
    {"VMW", "vmware"},
    {"innotek GmbH", "virtualbox"},
    {"VirtualBox", "virtualbox"},
    {"Xen", "xen"},
    {"Bochs", "bochs"},
    {"Parallels", "parallels"},
    {"BHYVE", "bhyve"},
    {"Hyper-V", "hyperv"},
    {"Google Compute Engine", "google"},
    {"Apple Virtualization", "apple"},
};

}  // namespace

std::optional<std::string> SystemFiles::Contents(const std::string& relative) const {
  std::ifstream in(root_ / relative, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

std::optional<std::string> SystemFiles::FirstLine(const std::string& relative) const {
  const std::optional<std::string> text = Contents(relative);
  if (!text) return std::nullopt;
  return std::string(Trim(text->substr(0, text->find('\n'))));
}

CpuInfoFile SystemFiles::ReadCpuInfo() const {
  CpuInfoFile info;
  const std::optional<std::string> text = Contents("proc/cpuinfo");
  if (!text) return info;
  info.readable = true;
  // Model fallbacks for non-x86 CPUs: POWER has "cpu", ARM only the
  // implementer and part numbers.
  std::string power_cpu, arm_implementer, arm_part;
  std::istringstream lines(*text);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = std::string(Trim(line.substr(0, colon)));
    const std::string value = std::string(Trim(line.substr(colon + 1)));
    if (key == "processor") {
      ++info.processors;
    } else if (key == "model name" && info.model.empty()) {
      info.model = CollapseSpaces(value);
    } else if (key == "cpu MHz" && info.mhz == 0) {
      info.mhz = ParseDouble(value).value_or(0);
    } else if (key == "flags") {
      info.has_x86_flags = true;
      std::istringstream flags(value);
      std::string flag;
      while (flags >> flag) info.hypervisor = info.hypervisor || flag == "hypervisor";
    } else if (key == "cpu" && power_cpu.empty()) {
      power_cpu = CollapseSpaces(value);
    } else if (key == "CPU implementer" && arm_implementer.empty()) {
      arm_implementer = value;
    } else if (key == "CPU part" && arm_part.empty()) {
      arm_part = value;
    }
  }
  if (info.model.empty() && !power_cpu.empty()) info.model = power_cpu;
  if (info.model.empty() && !arm_implementer.empty()) {
    info.model = "ARM implementer " + arm_implementer + " part " + arm_part;
  }
  return info;
}

std::string SystemFiles::ReadGovernor() const {
  std::set<std::string> governors;  // distinct and sorted
  std::error_code error;
  const std::filesystem::path cpu_dir = root_ / "sys/devices/system/cpu";
  for (std::filesystem::directory_iterator it(cpu_dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() < 4 || !StartsWith(name, "cpu") ||
        name.find_first_not_of("0123456789", 3) != std::string::npos) {
      continue;  // cpufreq, cpuidle, ... are not CPUs
    }
    const std::optional<std::string> governor =
        FirstLine("sys/devices/system/cpu/" + name + "/cpufreq/scaling_governor");
    if (governor && !governor->empty()) governors.insert(*governor);
  }
  if (governors.empty()) return "unknown";
  std::string joined;
  for (const std::string& governor : governors) joined += (joined.empty() ? "" : ",") + governor;
  return joined;
}

std::string SystemFiles::ReadTurbo() const {
  // intel_pstate says whether turbo is forbidden; acpi-cpufreq and
  // amd-pstate say whether boost is allowed.
  const std::optional<std::string> no_turbo =
      FirstLine("sys/devices/system/cpu/intel_pstate/no_turbo");
  if (no_turbo == "0") return "enabled";
  if (no_turbo == "1") return "disabled";
  const std::optional<std::string> boost = FirstLine("sys/devices/system/cpu/cpufreq/boost");
  if (boost == "1") return "enabled";
  if (boost == "0") return "disabled";
  return "unknown";
}

std::vector<double> SystemFiles::ReadLoadAverage() const {
  const std::optional<std::string> line = FirstLine("proc/loadavg");
  if (!line) return {};
  std::istringstream in(*line);
  in.imbue(std::locale::classic());
  std::vector<double> load(3);
  if (!(in >> load[0] >> load[1] >> load[2])) return {};
  return load;
}

std::string SystemFiles::DetectVirtualization(const CpuInfoFile& cpuinfo) const {
  const std::string vendor = FirstLine("sys/class/dmi/id/sys_vendor").value_or("");
  const std::string product = FirstLine("sys/class/dmi/id/product_name").value_or("");
  for (const DmiRule& rule : kDmiRules) {
    if (!StartsWith(vendor, rule.prefix) && !StartsWith(product, rule.prefix)) continue;
    // EC2 bare-metal instances ("*.metal") have the DMI vendor of every EC2
    // instance but no hypervisor flag.
    if (std::string(rule.name) == "amazon" && cpuinfo.has_x86_flags && !cpuinfo.hypervisor) {
      return "none";
    }
    return rule.name;
  }
  if (StartsWith(vendor, "Microsoft Corporation") && StartsWith(product, "Virtual Machine")) {
    return "hyperv";
  }
  if (FirstLine("sys/hypervisor/type") == "xen") return "xen";
  if (cpuinfo.hypervisor) return "other";
  // Only x86 has the hypervisor flag: its absence proves bare metal there.
  if (cpuinfo.has_x86_flags) return "none";
  return "unknown";
}

OsRelease SystemFiles::ReadOsRelease() const {
  OsRelease release;
  std::optional<std::string> text = Contents("etc/os-release");
  if (!text) text = Contents("usr/lib/os-release");
  if (!text) return release;
  std::istringstream lines(*text);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t equals = line.find('=');
    if (equals == std::string::npos) continue;
    const std::string key = std::string(Trim(line.substr(0, equals)));
    const std::string value = Unquote(std::string(Trim(line.substr(equals + 1))));
    if (key == "ID") release.id = value;
    if (key == "VERSION_ID") release.version_id = value;
    if (key == "PRETTY_NAME") release.pretty_name = value;
  }
  return release;
}

std::string SystemFiles::ReadKernelRelease() const {
  return FirstLine("proc/sys/kernel/osrelease").value_or("");
}

std::string SystemFiles::ReadHostname() const {
  return FirstLine("proc/sys/kernel/hostname").value_or("");
}

}  // namespace benchgate
