// Reading callgrind's output files: what --benchgate_measure=instructions
// needs of each dump is its header (which part of the process it is, what
// triggered it, how many instructions it counted), never its cost lines.
//
// A dump file (Valgrind 3.19, "# callgrind format" version 1) starts:
//   # callgrind format
//   version: 1
//   creator: callgrind-3.19.0
//   pid: 2809
//   cmd:  ./bench --benchmark_min_time=0
//   part: 3
//   desc: Trigger: --dump-before=benchmark::State::FinishKeepRunning()
//   positions: line
//   events: Ir
//   summary: 5266
// then cost lines, and "totals:" at the end. With cache simulation "events"
// names more events and "summary" has one number per event; Ir is the one
// read.
#ifndef BENCHGATE_IO_CALLGRIND_DUMP_H_
#define BENCHGATE_IO_CALLGRIND_DUMP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate {

struct CallgrindDump {
  int part = 0;                    // "part:" (0: none, the dump at exit)
  std::string trigger;             // after "desc: Trigger: "
  std::uint64_t instructions = 0;  // Ir of "summary:"
};

// Parses one dump's header. Throws benchgate::Error(source, "line N", what
// was expected) for anything else: not a callgrind file, a version other
// than 1, no Ir event, a summary that is not one whole number per event.
CallgrindDump ParseCallgrindDump(std::string_view text, const std::string& source);

// Every dump of one process written to `dir` under --callgrind-out-file=
// `dir`/`name_prefix`%p, the numbered parts in part order (the final dump at
// exit, without a part number, is left out). Throws benchgate::Error naming
// the file for an unreadable or malformed one.
std::vector<CallgrindDump> ReadCallgrindDumps(const std::string& dir,
                                              const std::string& name_prefix);

}  // namespace benchgate

#endif  // BENCHGATE_IO_CALLGRIND_DUMP_H_
