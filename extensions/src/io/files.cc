#include "io/files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "benchgate/error.h"

namespace benchgate {
namespace {

std::string DirectoryOf(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string SystemError(const char* what) {
  return std::string(what) + " (" + std::strerror(errno) + ")";
}

// Writes all of `content` to fd, retrying short writes and EINTR.
bool WriteAll(int fd, const std::string& content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return true;
}

// Whether process `pid` is gone from this machine (its temporaries are
// nobody's any more). A process of another user still counts as alive.
bool ProcessGone(long pid) {
  return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

void RemoveStaleTemporaries(const std::string& path) {
  const std::string directory = DirectoryOf(path);
  const auto slash = path.find_last_of('/');
  const std::string prefix = (slash == std::string::npos ? path : path.substr(slash + 1)) + ".tmp.";
  DIR* listing = ::opendir(directory.c_str());
  if (listing == nullptr) return;
  const std::time_t now = std::time(nullptr);
  while (const dirent* entry = ::readdir(listing)) {
    const std::string name = entry->d_name;
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string full = directory + "/" + name;
    struct stat info {};
    if (::lstat(full.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) continue;
    const double age = std::difftime(now, info.st_mtime);
    // "<pid>.XXXXXX" since names carry the writer's process; the older
    // "XXXXXX" names have none.
    const std::string rest = name.substr(prefix.size());
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    const bool has_pid = end != rest.c_str() && *end == '.';
    // A write takes milliseconds: a minute-old temporary of a process that
    // is gone was left by a killed writer; a day-old one, by anyone (on a
    // shared file system the writer may live on another machine).
    if ((has_pid && age > 60 && ProcessGone(pid)) || age > 24 * 3600) ::unlink(full.c_str());
  }
  ::closedir(listing);
}

void WriteFileAtomically(const std::string& path, const std::string& content) {
  // The writer's process in the name, so that a later writer can tell a
  // killed one's leftover (RemoveStaleTemporaries).
  std::string temp = path + ".tmp." + std::to_string(::getpid()) + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw Error(path, "", SystemError("expected a writable location"));
  // mkstemp creates 0600; a result file should get the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const bool ok = WriteAll(fd, content) && ::fsync(fd) == 0;
  const std::string failure = ok ? "" : SystemError("expected to write the whole file");
  if (::close(fd) != 0 || !ok) {
    ::unlink(temp.c_str());
    throw Error(path, "", failure.empty() ? SystemError("expected to close the file") : failure);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string message = SystemError("expected to replace the file");
    ::unlink(temp.c_str());
    throw Error(path, "", message);
  }
  // Make the rename itself durable.
  const int dir = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  RemoveStaleTemporaries(path);
}

void CheckWritablePath(const std::string& path, const std::string& flag) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if (!S_ISREG(info.st_mode))
      throw Error(flag, "", "expected a file path, '" + path + "' is not a regular file");
    if (::access(path.c_str(), W_OK) != 0)
      throw Error(flag, "", "expected a writable file, '" + path + "' is not writable");
  }
  const std::string directory = DirectoryOf(path);
  if (::stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    throw Error(flag, "", "expected an existing directory for '" + path + "'");
  }
  if (::access(directory.c_str(), W_OK) != 0) {
    throw Error(flag, "", "expected a writable directory for '" + path + "'");
  }
}

std::string ReadWholeFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    throw Error(path, "", SystemError("expected a readable file"));
  if (S_ISDIR(info.st_mode)) throw Error(path, "", "expected a file, found a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "", SystemError("expected a readable file"));
  // Sized from stat and read in one go: a stream copy grows its buffer
  // step by step, a fifth of benchgate-diff's time on large runs. Whatever
  // the size said (a pipe, a file still growing), read on to the end.
  std::string text(static_cast<std::size_t>(std::max<off_t>(info.st_size, 0)), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in) {
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
  }
  if (in.bad()) throw Error(path, "", SystemError("expected a readable file"));
  return text;
}

std::string ReadFileIfAny(const std::string& path) {
  try {
    return ReadWholeFile(path);
  } catch (const Error&) {
    return "";
  }
}

}  // namespace benchgate
