#include "benchgate/io/history_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "benchgate/error.h"
#include "benchgate/io/files.h"
#include "io/json_text.h"

namespace benchgate {
namespace {

using nlohmann::json;

[[noreturn]] void Fail(const std::string& source, const std::string& place,
                       const std::string& expected) {
  throw Error(source, place, expected);
}

const json& ObjectAt(const json& value, const std::string& source, const std::string& place) {
  if (!value.is_object()) Fail(source, place, std::string("expected an object, got ") + value.type_name());
  return value;
}

HistoryEntry ReadEntry(const json& value, const std::string& source, const std::string& place) {
  ObjectAt(value, source, place);
  HistoryEntry entry;
  const auto number = [&](const char* key) {
    const auto it = value.find(key);
    if (it == value.end() || !it->is_number() || it->get<double>() < 0) {
      Fail(source, place + "/" + key, "expected a non-negative number");
    }
    return it->get<double>();
  };
  entry.median_ns = number("median_ns");
  entry.mad_ns = number("mad_ns");
  entry.n = static_cast<std::size_t>(number("n"));
  entry.time = value.value("time", std::string());
  entry.commit = value.value("commit", std::string("unknown"));
  return entry;
}

// Holds an exclusive flock on PATH.lock for its lifetime.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(::open((path + ".lock").c_str(), O_RDWR | O_CREAT, 0666)) {
    if (fd_ < 0) throw Error(path + ".lock", "", std::string("expected a lockable file (") + std::strerror(errno) + ")");
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) {
        ::close(fd_);
        throw Error(path + ".lock", "", std::string("expected to take the lock (") + std::strerror(errno) + ")");
      }
    }
  }
  ~FileLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

}  // namespace

History ParseHistory(const std::string& text, const std::string& source) {
  const json doc = ParseJsonText(text, source);
  ObjectAt(doc, source, "/");
  const auto schema = doc.find("schema");
  if (schema == doc.end() || *schema != kHistorySchema) {
    Fail(source, "/schema", std::string("expected \"") + kHistorySchema + "\"");
  }
  History history;
  const auto environments = doc.find("environments");
  if (environments == doc.end()) Fail(source, "/environments", "expected an object of environments");
  ObjectAt(*environments, source, "/environments");
  for (const auto& [key, environment] : environments->items()) {
    const std::string at = "/environments/" + key;
    const auto benchmarks = ObjectAt(environment, source, at).find("benchmarks");
    if (benchmarks == environment.end()) Fail(source, at + "/benchmarks", "expected an object of benchmarks");
    ObjectAt(*benchmarks, source, at + "/benchmarks");
    for (const auto& [name, series] : benchmarks->items()) {
      const std::string place = at + "/benchmarks/" + name;
      if (!series.is_array()) Fail(source, place, "expected an array of runs");
      std::vector<HistoryEntry>& entries = history.environments[key][name];
      for (std::size_t i = 0; i < series.size(); ++i) {
        entries.push_back(ReadEntry(series[i], source, place + "/" + std::to_string(i)));
      }
    }
  }
  return history;
}

std::string RenderHistory(const History& history) {
  json environments = json::object();
  for (const auto& [key, benchmarks] : history.environments) {
    json by_name = json::object();
    for (const auto& [name, entries] : benchmarks) {
      json series = json::array();
      for (const HistoryEntry& e : entries) {
        series.push_back({{"median_ns", e.median_ns}, {"mad_ns", e.mad_ns}, {"n", e.n},
                          {"time", e.time}, {"commit", e.commit}});
      }
      by_name[name] = series;
    }
    environments[key] = {{"benchmarks", by_name}};
  }
  const json doc = {{"schema", kHistorySchema}, {"environments", environments}};
  return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

History ReadHistoryFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 && errno == ENOENT) return History{};
  return ParseHistory(ReadWholeFile(path), path);
}

void RecordToHistoryFile(const std::string& path, const std::string& environment_key,
                         const std::vector<std::pair<std::string, HistoryEntry>>& entries,
                         std::size_t max_runs) {
  const FileLock lock(path);
  History history = ReadHistoryFile(path);  // throws on a corrupt file: never overwritten
  AppendRun(history, environment_key, entries, max_runs);
  WriteFileAtomically(path, RenderHistory(history));
}

}  // namespace benchgate
