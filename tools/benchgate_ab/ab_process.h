// benchgate-ab's processes: checking the two binaries and the order within
// rounds (running them: run/child_process.h).
#ifndef BENCHGATE_TOOLS_AB_PROCESS_H_
#define BENCHGATE_TOOLS_AB_PROCESS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace benchgate::ab {

// Throws benchgate::Error("<role> binary <path>", "", why) unless `path` is
// an executable regular file: "no such file", "not a regular file", "not
// executable". Called for both binaries before anything runs.
void CheckExecutable(const std::string& path, const std::string& role);

// Per round, whether the baseline runs first: Xoshiro256(seed), one
// Below(2) per round. The same seed always gives the same order.
std::vector<bool> BaselineFirst(std::uint64_t seed, int rounds);

// A seed from the clock, for runs without --seed.
std::uint64_t SeedFromClock();

}  // namespace benchgate::ab

#endif  // BENCHGATE_TOOLS_AB_PROCESS_H_
