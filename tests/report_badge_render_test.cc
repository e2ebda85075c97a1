// Headless Chromium draws the badges (issue 13: "the badge renders"). For
// each state the SVG decodes at its declared size, the message box has the
// state's colour, and the ink of both texts lies inside its box, at least 2
// pixels from either edge, and spans most of it. The page reads the pixels
// back from a canvas and writes one line per badge into the DOM, which
// Chromium's --dump-dom prints.
//
// Skipped when no Chromium is installed (CI installs none: it is 300 MB for
// one check; `apt-get install chromium` runs it here). BENCHGATE_CHROMIUM
// names another browser binary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "report/badge_report.h"

namespace benchgate {
namespace {

std::string Base64(const std::string& bytes) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kDigits[(v >> shift) & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

TEST(Base64Test, Rfc4648Vectors) {  // RFC 4648, section 10
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
}

std::string Chromium() {
  if (const char* named = std::getenv("BENCHGATE_CHROMIUM")) return named;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    for (const char* dir : {"/usr/bin/", "/usr/local/bin/", "/snap/bin/"}) {
      const std::string path = std::string(dir) + name;
      if (access(path.c_str(), X_OK) == 0) return path;
    }
  }
  return "";
}

Badge Make(const std::string& message, const std::string& hex) {
  Badge badge;
  badge.message = message;
  badge.hex = hex;
  return badge;
}

// Reads the pixels of each badge and says "ok" or what is wrong.
constexpr const char* kCheckScript = R"js(
const lines = [];
const rgb = (hex) => {
  const h = hex.length === 4 ? hex.replace(/#(.)(.)(.)/, '#$1$1$2$2$3$3') : hex;
  return [1, 3, 5].map((i) => parseInt(h.substr(i, 2), 16));
};
const dist = (p, q) => Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
function check(b, img) {
  if (img.naturalWidth !== b.width || img.naturalHeight !== 20)
    return 'size ' + img.naturalWidth + 'x' + img.naturalHeight;
  const canvas = document.createElement('canvas');
  canvas.width = b.width;
  canvas.height = 20;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, b.width, 20).data;
  const px = (x, y) => { const i = 4 * (y * b.width + x); return [d[i], d[i + 1], d[i + 2]]; };
  if (dist(px(b.width - 2, 10), rgb(b.hex)) > 40) return 'colour ' + px(b.width - 2, 10);
  for (const [x0, x1, pad] of [[0, b.label, 1], [b.label, b.width, b.width - 2]]) {
    let low = x1, high = -1;
    for (let y = 3; y <= 16; ++y) {
      const background = px(pad, y);
      for (let x = x0; x < x1; ++x) {
        if (dist(px(x, y), background) > 60) { low = Math.min(low, x); high = Math.max(high, x); }
      }
    }
    if (high < 0) return 'no text in [' + x0 + ', ' + x1 + ')';
    if (low < x0 + 2 || high > x1 - 3) return 'text [' + low + ', ' + high + '] leaves [' + x0 + ', ' + x1 + ')';
    if (low > x0 + 8 || high < x1 - 9) return 'text [' + low + ', ' + high + '] fills too little of [' + x0 + ', ' + x1 + ')';
  }
  return 'ok';
}
let pending = badges.length;
badges.forEach((b, i) => {
  const img = new Image();
  const done = (line) => {
    lines[i] = 'badge ' + i + ': ' + line;
    if (--pending === 0) document.getElementById('result').textContent = lines.join('\n') + '\nend';
  };
  img.onload = () => done(check(b, img));
  img.onerror = () => done('not decoded');
  img.src = 'data:image/svg+xml;base64,' + b.svg;
});
)js";

TEST(BadgeRenderTest, ChromiumDrawsEveryStateInsideItsBoxes) {
  const std::string chromium = Chromium();
  if (chromium.empty()) GTEST_SKIP() << "no Chromium installed (apt-get install chromium)";
  const std::vector<Badge> badges = {
      Make("0 regressions", "#4c1"), Make("0 regressions, 3 undecided", "#dfb317"),
      Make("2 regressions, 1 over budget", "#e05d44"), Make("7 undecided", "#e05d44"),
      Make("128 regressions, 1024 over budget", "#e05d44")};
  std::ostringstream page;
  page << "<html><body><pre id=\"result\">pending</pre><script>const badges = [";
  for (const Badge& badge : badges) {
    std::ostringstream svg;
    RenderBadgeSvg(badge, svg);
    const long label = std::lround(BadgeTextWidth(badge.label) + 10);
    const long width = label + std::lround(BadgeTextWidth(badge.message) + 10);
    page << "{svg: '" << Base64(svg.str()) << "', width: " << width << ", label: " << label
         << ", hex: '" << badge.hex << "'},";
  }
  page << "];" << kCheckScript << "</script></body></html>\n";
  const std::string path = testing::TempDir() + "badges_" + std::to_string(getpid()) + ".html";
  std::ofstream(path) << page.str();

  const std::string command = chromium +
                              " --headless --no-sandbox --disable-gpu --virtual-time-budget=10000 "
                              "--dump-dom file://" +
                              path + " 2>/dev/null";
  std::string dom;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
      dom.append(buffer, got);
    pclose(pipe);
  }
  std::remove(path.c_str());
  const std::size_t start = dom.find("<pre id=\"result\">");
  ASSERT_NE(start, std::string::npos) << "Chromium printed no page:\n" << dom.substr(0, 400);
  const std::string result = dom.substr(start + 17, dom.find("</pre>", start) - start - 17);
  ASSERT_NE(result.find("\nend"), std::string::npos) << result;
  for (std::size_t i = 0; i < badges.size(); ++i) {
    EXPECT_NE(result.find("badge " + std::to_string(i) + ": ok"), std::string::npos)
        << badges[i].message << "\n"
        << result;
  }
}

}  // namespace
}  // namespace benchgate
