// The history file (--benchgate_history, appended to by --benchgate_record):
//   {"schema": "benchgate.history/1",
//    "environments": {KEY: {"benchmarks": {NAME: [
//        {"median_ns": .., "mad_ns": .., "n": .., "time": "..", "commit": ".."}, ...]}}}}
// Entries oldest first, one per line. All five entry keys are required and
// no other key is allowed anywhere: a file this version does not fully
// understand is refused rather than rewritten without what it did not know.
// Written atomically (temporary file, fsync, rename) under an advisory lock,
// so two runs recording at once lose nothing; a corrupt file is an error
// naming it and is never overwritten.
#ifndef BENCHGATE_IO_HISTORY_FILE_H_
#define BENCHGATE_IO_HISTORY_FILE_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "gate/history.h"

namespace benchgate {

inline constexpr const char kHistorySchema[] = "benchgate.history/1";

// A missing file is an empty history (the first --benchgate_record creates
// it). An empty, malformed or wrong-schema file throws benchgate::Error
// naming the file and the line:column, one line.
History ReadHistoryFile(const std::string& path);

// The text form; `source` names the text in errors.
History ParseHistory(const std::string& text, const std::string& source);
std::string RenderHistory(const History& history);

// Takes an exclusive flock on the sibling file PATH.lock (created if needed,
// never deleted: deleting it would let a waiting recorder lock an unlinked
// file while a newcomer locks a fresh one), re-reads PATH under the lock,
// appends the run with AppendRun (bounds included), writes PATH atomically
// and unlocks. Throws benchgate::Error, leaving PATH untouched, when PATH is
// corrupt or cannot be written.
void RecordToHistoryFile(const std::string& path, const std::string& environment_key,
                         const std::vector<std::pair<std::string, HistoryEntry>>& entries,
                         std::size_t max_runs = kDefaultHistoryRuns);

}  // namespace benchgate

#endif  // BENCHGATE_IO_HISTORY_FILE_H_
