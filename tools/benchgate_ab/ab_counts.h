// benchgate-ab --measure instructions: no rounds. Counts are exact, so each
// binary runs once with --benchgate_measure=instructions (which counts every
// benchmark in two processes under Valgrind and proves them deterministic)
// and the two enriched files are judged like benchgate-diff judges them.
#ifndef BENCHGATE_TOOLS_AB_COUNTS_H_
#define BENCHGATE_TOOLS_AB_COUNTS_H_

#include <string>

#include "ab_options.h"
#include "model/sample_set.h"

namespace benchgate::ab {

// One binary's instructions run, written to `json_path` (kept under --keep)
// and read back. Throws benchgate::Error naming the binary when it fails,
// or when it is not linked with benchgate (it wrote no instructions run:
// such a binary cannot count its loops).
RunData CountBinary(const AbOptions& o, const std::string& role, const std::string& binary,
                    const std::string& json_path, const std::string& stderr_path);

}  // namespace benchgate::ab

#endif  // BENCHGATE_TOOLS_AB_COUNTS_H_
