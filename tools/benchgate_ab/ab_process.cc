#include "ab_process.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "benchgate/error.h"
#include "stats/random.h"

namespace benchgate::ab {

void CheckExecutable(const std::string& path, const std::string& role) {
  const std::string source = role + " binary " + path;
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    throw Error(source, "", errno == ENOENT ? "no such file" : std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) throw Error(source, "", "not a regular file");
  if (access(path.c_str(), X_OK) != 0) throw Error(source, "", "not executable");
}

std::vector<bool> BaselineFirst(std::uint64_t seed, int rounds) {
  Xoshiro256 generator(seed);
  std::vector<bool> order;
  for (int round = 0; round < rounds; ++round) order.push_back(generator.Below(2) == 0);
  return order;
}

std::uint64_t SeedFromClock() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  // A 9-digit seed is easy to copy from a log; the pid separates parallel jobs.
  return (static_cast<std::uint64_t>(nanoseconds) ^ (static_cast<std::uint64_t>(getpid()) << 20)) %
         1000000000ULL;
}

}  // namespace benchgate::ab
