// File helpers shared by everything benchgate writes: enriched JSON,
// baselines, history. A reader never sees a half-written file: content goes
// to a temporary file in the same directory, is flushed to disk, then renamed
// over the target (rename is atomic within one file system).
#ifndef BENCHGATE_IO_FILES_H_
#define BENCHGATE_IO_FILES_H_

#include <string>

namespace benchgate {

// Throws benchgate::Error(path, "", "...") when the file cannot be written.
void WriteFileAtomically(const std::string& path, const std::string& content);

// Checks, before any benchmark runs, that `path` could be written: its
// directory exists and is writable, and the file itself, if present, is a
// writable regular file. `flag` names the option in the error message.
void CheckWritablePath(const std::string& path, const std::string& flag);

// Reads a whole file; throws benchgate::Error naming it when it cannot.
std::string ReadWholeFile(const std::string& path);

}  // namespace benchgate

#endif  // BENCHGATE_IO_FILES_H_
