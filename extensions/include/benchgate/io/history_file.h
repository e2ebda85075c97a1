// The history file (--benchgate_history):
//   {"schema": "benchgate.history/1",
//    "environments": {KEY: {"benchmarks": {NAME: [
//        {"median_ns": .., "mad_ns": .., "n": .., "time": "..", "commit": ".."}, ...]}}}}
// Entries oldest first. Written atomically under an advisory lock, so two
// runs recording at once lose nothing; a corrupt file is an error naming it
// and is never overwritten.
#ifndef BENCHGATE_IO_HISTORY_FILE_H_
#define BENCHGATE_IO_HISTORY_FILE_H_

#include <string>
#include <utility>
#include <vector>

#include "benchgate/gate/history.h"

namespace benchgate {

inline constexpr const char kHistorySchema[] = "benchgate.history/1";

// A missing file is an empty history (the first --benchgate_record creates
// it); anything unreadable or malformed throws benchgate::Error.
History ReadHistoryFile(const std::string& path);

History ParseHistory(const std::string& text, const std::string& source);
std::string RenderHistory(const History& history);

// Locks PATH.lock (flock; the lock file is left in place), re-reads the
// file, appends the run, writes atomically, unlocks.
void RecordToHistoryFile(const std::string& path, const std::string& environment_key,
                         const std::vector<std::pair<std::string, HistoryEntry>>& entries,
                         std::size_t max_runs = kDefaultHistoryRuns);

}  // namespace benchgate

#endif  // BENCHGATE_IO_HISTORY_FILE_H_
