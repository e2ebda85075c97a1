// benchgate-diff / benchgate-ab --format badge and badge-json: the gate's
// state as a README badge. `badge` is a self-contained SVG in the flat style
// teams know from shields.io ("perf | 0 regressions"); `badge-json` is the
// shields.io endpoint JSON (https://shields.io/badges/endpoint-badge) for
// those who let shields.io draw it from a file their CI publishes. The colour
// follows the gate: red when it failed, yellow when it passed with
// benchmarks left undecided, green when it passed with every benchmark
// decided.
#ifndef BENCHGATE_REPORT_BADGE_REPORT_H_
#define BENCHGATE_REPORT_BADGE_REPORT_H_

#include <ostream>
#include <string>

#include "gate/diff_summary.h"
#include "gate/verdict.h"

namespace benchgate {

struct Badge {
  std::string label = "perf";
  std::string message;  // "0 regressions", "2 regressions, 1 over budget", "3 undecided", ...
  std::string color;    // shields.io's name: "brightgreen", "yellow" or "red"
  std::string hex;      // the same colour as the SVG draws it
  bool failed = false;  // the gate failed
};

Badge BadgeOf(const SuiteAnalysis& suite, const DiffSummary& summary);

void RenderBadgeSvg(const Badge& badge, std::ostream& out);

// {"schemaVersion": 1, "label": ..., "message": ..., "color": ..., "isError": ...}
void RenderBadgeEndpoint(const Badge& badge, std::ostream& out);

// The width in pixels of `text` in 11 px Verdana, the badge's font, from a
// table of its glyph widths by character class (exact enough that the text
// never overflows its box: unknown characters count as the widest class).
double BadgeTextWidth(const std::string& text);

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_BADGE_REPORT_H_
