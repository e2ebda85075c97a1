// File helpers shared by everything benchgate writes: enriched JSON,
// baselines, history. A reader never sees a half-written file: content goes
// to a temporary file in the same directory, is flushed to disk, then renamed
// over the target (rename is atomic within one file system).
#ifndef BENCHGATE_IO_FILES_H_
#define BENCHGATE_IO_FILES_H_

#include <string>

namespace benchgate {

// Writes a temporary file beside `path` ("path.tmp.<pid>.XXXXXX"), syncs it
// and renames it over `path`, so readers see the old or the new file whole.
// Throws benchgate::Error(path, "", "...") when the file cannot be written.
// Afterwards removes stale temporaries of `path` (RemoveStaleTemporaries).
void WriteFileAtomically(const std::string& path, const std::string& content);

// Removes the temporaries a killed writer of `path` left: those of a process
// that no longer exists, older than a minute, and any older than a day.
// Best effort: never throws.
void RemoveStaleTemporaries(const std::string& path);

// Checks, before any benchmark runs, that `path` could be written: its
// directory exists and is writable, and the file itself, if present, is a
// writable regular file. `flag` names the option in the error message.
void CheckWritablePath(const std::string& path, const std::string& flag);

// Reads a whole file; throws benchgate::Error naming it when it cannot.
std::string ReadWholeFile(const std::string& path);

// A whole file, or "" when there is none or it cannot be read: what a child
// process left behind (its stderr, its output), quoted only if it is there.
std::string ReadFileIfAny(const std::string& path);

}  // namespace benchgate

#endif  // BENCHGATE_IO_FILES_H_
