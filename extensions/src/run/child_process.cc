#include "run/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string_view>
#include <system_error>
#include <thread>

#include "benchgate/error.h"

extern char** environ;  // NOLINT: POSIX

namespace benchgate {
namespace {

volatile std::sig_atomic_t interrupted = 0;

void RecordSignal(int signo) { interrupted = signo; }

std::string SignalText(int signo) {
  const char* name = strsignal(signo);
  return "signal " + std::to_string(signo) +
         (name != nullptr ? std::string(" (") + name + ")" : "");
}

// Closes the file actions and attributes of posix_spawn on every path.
struct SpawnActions {
  posix_spawn_file_actions_t actions{};
  SpawnActions() { posix_spawn_file_actions_init(&actions); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
};

}  // namespace

TempDir::TempDir(const std::string& name) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/" + name + ".XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    throw Error(pattern, "",
                std::string("cannot create a temporary directory (") + std::strerror(errno) + ")");
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {
struct sigaction previous_int {
}, previous_term{};
}  // namespace

InterruptGuard::InterruptGuard() {
  interrupted = 0;
  struct sigaction action {};
  action.sa_handler = RecordSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: waitpid returns with EINTR
  sigaction(SIGINT, &action, &previous_int);
  sigaction(SIGTERM, &action, &previous_term);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &previous_int, nullptr);
  sigaction(SIGTERM, &previous_term, nullptr);
}

ChildExit RunChild(const std::string& binary, const std::vector<std::string>& args,
                   const ChildOptions& options) {
  const std::vector<std::string>& set_env = options.set_env;
  if (interrupted != 0) {
    throw Error("", "", "interrupted by " + SignalText(interrupted));
  }
  SpawnActions spawn;
  posix_spawn_file_actions_addopen(&spawn.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  if (options.stdout_path.empty()) {
    posix_spawn_file_actions_addopen(&spawn.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  } else {
    posix_spawn_file_actions_addopen(&spawn.actions, STDOUT_FILENO, options.stdout_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  posix_spawn_file_actions_addopen(&spawn.actions, STDERR_FILENO, options.stderr_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> owned;
  owned.reserve(args.size() + 1);
  owned.push_back(binary);
  owned.insert(owned.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : owned) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_owned = set_env;
  std::vector<char*> envp;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    const bool replaced = std::any_of(set_env.begin(), set_env.end(), [&](const std::string& set) {
      const std::size_t equals = set.find('=');
      return equals != std::string::npos &&
             variable.substr(0, equals + 1) == std::string_view(set).substr(0, equals + 1);
    });
    if (!replaced) envp.push_back(*entry);
  }
  for (std::string& entry : env_owned) envp.push_back(entry.data());
  envp.push_back(nullptr);

  pid_t child = 0;
  const int spawned =
      posix_spawn(&child, binary.c_str(), &spawn.actions, nullptr, argv.data(), envp.data());
  if (spawned != 0) {
    return {false, std::string("could not be started (") + std::strerror(spawned) + ")"};
  }
  int status = 0;
  // With a time limit the child is polled: one that never ends (a benchmark
  // stuck under Valgrind) is stopped, and the caller names it.
  const bool limited = options.timeout_seconds > 0;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration<double>(limited ? options.timeout_seconds : 0);
  while (true) {
    const pid_t done = waitpid(child, &status, limited ? WNOHANG : 0);
    if (done == child) break;
    if (done < 0 && errno != EINTR) {
      return {false, std::string("lost (") + std::strerror(errno) + ")"};
    }
    const bool late = limited && std::chrono::steady_clock::now() >= deadline;
    if (interrupted != 0 || late) {
      const int signo = interrupted;
      kill(child, signo != 0 ? SIGTERM : SIGKILL);
      while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      if (signo != 0) throw Error("", "", "interrupted by " + SignalText(signo));
      std::ostringstream limit;
      limit << options.timeout_seconds;
      ChildExit stopped{false, "did not finish in " + limit.str() + " s"};
      stopped.timed_out = true;
      return stopped;
    }
    if (limited) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (interrupted != 0) {
    throw Error("", "", "interrupted by " + SignalText(interrupted));
  }
  if (WIFEXITED(status)) {
    const int code = WEXITSTATUS(status);
    return {code == 0, code == 0 ? "" : "exited with status " + std::to_string(code), code};
  }
  if (WIFSIGNALED(status)) return {false, "killed by " + SignalText(WTERMSIG(status))};
  return {false, "ended abnormally"};
}

bool ResultsStand(const ChildExit& ended, bool wrote_results) {
  return ended.ok || (ended.code == kExitGateFailed && wrote_results);
}

std::string TellingLine(const std::string& stderr_text) {
  std::istringstream lines(stderr_text);
  std::string line, first;
  while (std::getline(lines, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    if (first.empty()) first = line;
    if (line.find("error") != std::string::npos || line.find("ERROR") != std::string::npos) {
      return line;
    }
  }
  return first;
}

}  // namespace benchgate
