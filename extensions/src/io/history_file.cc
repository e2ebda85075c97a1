#include "io/history_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <utility>

#include "benchgate/error.h"
#include "io/files.h"
#include "io/json_positions.h"
#include "io/json_text.h"

namespace benchgate {
namespace {

using nlohmann::json;

// The keys of one run, all required (the backing array of a namespace-scope
// initializer_list lives as long as the program).
constexpr std::initializer_list<const char*> kEntryKeys = {"median_ns", "mad_ns", "n", "time",
                                                           "commit"};

std::string Describe(const json& value) {
  if (value.is_object()) {
    return "an object";
  }
  if (value.is_array()) {
    return "an array";
  }
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) {
    text = text.substr(0, 57) + "...";
  }
  return text;
}

std::string Quoted(const std::string& key) { return "\"" + key + "\""; }

// Validates a parsed history document; errors carry the line:column of the
// offending value, and the JSON pointer in the message for the unambiguous name.
class HistoryParser {
 public:
  HistoryParser(const std::string& text, std::string source)
      : source_(std::move(source)), positions_(JsonPositions::Scan(text)) {}

  [[nodiscard]] History Parse(const json& root) const {
    if (const auto& duplicate = positions_.first_duplicate()) {
      throw Error(source_, duplicate->position.ToString(),
                  "expected each key once per object, got " + Quoted(duplicate->key) + " again");
    }
    const std::string schema_line = std::string(R"("schema": ")") + kHistorySchema + "\"";
    if (!root.is_object()) {
      Fail("", "expected a JSON object with " + schema_line + ", got " + Describe(root));
    }
    OnlyKeys(root, "", {"schema", "environments"});
    const auto schema = root.find("schema");
    if (schema == root.end()) {
      Fail("", "expected a JSON object with " + schema_line);
    }
    if (*schema != kHistorySchema) {
      Fail("/schema", "expected " + schema_line + ", got " + Describe(*schema));
    }
    const auto environments = root.find("environments");
    if (environments == root.end()) {
      Fail("", "expected \"environments\": {...} next to the schema");
    }
    if (!environments->is_object()) {
      Fail("/environments", "expected an object of environments, got " + Describe(*environments));
    }
    History history;
    for (const auto& [key, environment] : environments->items()) {
      history.environments[key] =
          ReadEnvironment(environment, "/environments/" + JsonPositions::Escape(key));
    }
    return history;
  }

 private:
  [[noreturn]] void Fail(const std::string& pointer, const std::string& expected) const {
    const std::string at = pointer.empty() ? "" : " at " + pointer;
    throw Error(source_, positions_.Value(pointer).ToString(), expected + at);
  }

  void OnlyKeys(const json& object, const std::string& pointer,
                std::initializer_list<const char*> allowed) const {
    for (const auto& [key, value] : object.items()) {
      bool known = false;
      for (const char* name : allowed) {
        known = known || key == name;
      }
      if (known) {
        continue;
      }
      std::string list;
      for (const char* name : allowed) {
        list += (list.empty() ? "" : ", ") + Quoted(name);
      }
      const std::string member = pointer + "/" + JsonPositions::Escape(key);
      throw Error(source_, positions_.Key(member).ToString(),
                  "expected only " + list + (pointer.empty() ? "" : " in " + pointer) + ", got " +
                      Quoted(key));
    }
  }

  [[nodiscard]] BenchmarkHistory ReadEnvironment(const json& environment,
                                                 const std::string& pointer) const {
    if (!environment.is_object()) {
      Fail(pointer,
           "expected an environment object {\"benchmarks\": {...}}, got " + Describe(environment));
    }
    OnlyKeys(environment, pointer, {"benchmarks"});
    const auto benchmarks = environment.find("benchmarks");
    if (benchmarks == environment.end()) {
      Fail(pointer, "expected \"benchmarks\": {...}");
    }
    if (!benchmarks->is_object()) {
      Fail(pointer + "/benchmarks",
           "expected an object of benchmarks, got " + Describe(*benchmarks));
    }
    BenchmarkHistory result;
    for (const auto& [name, series] : benchmarks->items()) {
      const std::string at = pointer + "/benchmarks/" + JsonPositions::Escape(name);
      if (!series.is_array()) {
        Fail(at, "expected an array of runs, got " + Describe(series));
      }
      std::vector<HistoryEntry>& entries = result[name];
      for (std::size_t i = 0; i < series.size(); ++i) {
        entries.push_back(ReadEntry(series[i], at + "/" + std::to_string(i)));
      }
    }
    return result;
  }

  [[nodiscard]] HistoryEntry ReadEntry(const json& run, const std::string& pointer) const {
    if (!run.is_object()) {
      Fail(pointer, "expected a run object, got " + Describe(run));
    }
    OnlyKeys(run, pointer, kEntryKeys);
    for (const char* key : kEntryKeys) {
      if (!run.contains(key)) {
        Fail(pointer, "expected " + Quoted(key) + " in the run");
      }
    }
    HistoryEntry entry;
    entry.median_ns = NonNegative(run, pointer, "median_ns");
    entry.mad_ns = NonNegative(run, pointer, "mad_ns");
    const json& n = run.at("n");
    if (!n.is_number_unsigned()) {
      Fail(pointer + "/n", "expected a whole number >= 0 for \"n\", got " + Describe(n));
    }
    entry.n = n.get<std::size_t>();
    entry.time = Text(run, pointer, "time");
    entry.commit = Text(run, pointer, "commit");
    return entry;
  }

  double NonNegative(const json& run, const std::string& pointer, const char* key) const {
    const json& value = run.at(key);
    // A bare NaN or Infinity reaches here as null (see ParseJsonText).
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
      Fail(pointer + "/" + key,
           "expected a finite number >= 0 for " + Quoted(key) + ", got " + Describe(value));
    }
    return value.get<double>();
  }

  std::string Text(const json& run, const std::string& pointer, const char* key) const {
    const json& value = run.at(key);
    if (!value.is_string()) {
      Fail(pointer + "/" + key,
           "expected a string for " + Quoted(key) + ", got " + Describe(value));
    }
    return value.get<std::string>();
  }

  std::string source_;
  JsonPositions positions_;
};

std::string Scalar(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Holds an exclusive flock on PATH.lock for its lifetime. flock belongs to
// the open file description, so each recorder (process or thread) that
// opens its own descriptor is excluded from the others.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : lock_path_(path + ".lock") {
    fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0) {
      throw Error(lock_path_, "", SystemError("expected a lock file that can be created"));
    }
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno == EINTR) {
        continue;
      }
      const std::string message = SystemError("expected to take the lock");
      ::close(fd_);
      throw Error(lock_path_, "", message);
    }
  }
  ~FileLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  static std::string SystemError(const char* what) {
    return std::string(what) + " (" + std::strerror(errno) + ")";
  }

  std::string lock_path_;
  int fd_ = -1;
};

}  // namespace

History ParseHistory(const std::string& text, const std::string& source) {
  // ParseJsonText turns syntax errors (and number overflow) into Error.
  return HistoryParser(text, source).Parse(ParseJsonText(text, source));
}

std::string RenderHistory(const History& history) {
  // By hand rather than json::dump(): one run per line keeps a file of
  // 16 x 100 x 30 runs readable and its diffs small.
  std::string out = "{\n \"schema\": " + Scalar(kHistorySchema) + ",\n \"environments\": {";
  const char* environment_separator = "\n";
  for (const auto& [key, benchmarks] : history.environments) {
    out += environment_separator;
    out += "  " + Scalar(key) + ": {\"benchmarks\": {";
    const char* benchmark_separator = "\n";
    for (const auto& [name, entries] : benchmarks) {
      out += benchmark_separator;
      out += "   " + Scalar(name) + ": [";
      const char* entry_separator = "\n";
      for (const HistoryEntry& e : entries) {
        out += entry_separator;
        out += "    {\"median_ns\": " + Scalar(e.median_ns) + ", \"mad_ns\": " + Scalar(e.mad_ns) +
               ", \"n\": " + Scalar(e.n) + ", \"time\": " + Scalar(e.time) +
               ", \"commit\": " + Scalar(e.commit) + "}";
        entry_separator = ",\n";
      }
      out += entries.empty() ? "]" : "\n   ]";
      benchmark_separator = ",\n";
    }
    out += benchmarks.empty() ? "}}" : "\n  }}";
    environment_separator = ",\n";
  }
  out += history.environments.empty() ? "}\n}\n" : "\n }\n}\n";
  return out;
}

History ReadHistoryFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 && errno == ENOENT) {
    return History{};
  }
  return ParseHistory(ReadWholeFile(path), path);
}

void RecordToHistoryFile(const std::string& path, const std::string& environment_key,
                         const std::vector<std::pair<std::string, HistoryEntry>>& entries,
                         std::size_t max_runs) {
  const FileLock lock(path);
  // Re-read under the lock: another recorder may have written since this
  // run read the file. A corrupt file throws here, before anything is written.
  History history = ReadHistoryFile(path);
  AppendRun(history, environment_key, entries, max_runs);
  WriteFileAtomically(path, RenderHistory(history));
}

}  // namespace benchgate
