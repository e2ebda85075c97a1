#include "report/badge_report.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "report/junit_report.h"

namespace benchgate {
namespace {

std::string Count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Glyph widths of 11 px Verdana by class, rounded up: narrow (i l and
// punctuation), half (f j r t), space, wide (m w), capitals, the rest of
// ASCII (lowercase, digits); anything else counts as the widest glyph.
double GlyphWidth(unsigned char c) {
  const auto in = [c](std::string_view set) { return set.find(static_cast<char>(c)) != set.npos; };
  if (in("il.,:;'|!")) return 3.6;
  if (in("fjrt()[]/")) return 4.7;
  if (c == ' ') return 3.9;
  if (c == 'm' || c == 'w') return 10.7;
  if (c == 'M' || c == 'W') return 11.0;
  if (c >= 'A' && c <= 'Z') return 7.7;
  if (c >= 0x21 && c < 0x7f) return 7.0;
  if ((c & 0xC0) == 0x80) return 0;  // a UTF-8 continuation byte: its character is counted once
  return 11.0;
}

}  // namespace

double BadgeTextWidth(const std::string& text) {
  double width = 0;
  for (const char c : text) width += GlyphWidth(static_cast<unsigned char>(c));
  return width;
}

Badge BadgeOf(const SuiteAnalysis& suite, const DiffSummary& summary) {
  Badge badge;
  badge.failed = suite.gate_failed;
  if (summary.regressions > 0 || summary.budget_exceeded > 0) {
    if (summary.regressions > 0)
      badge.message = Count(summary.regressions, "regression", "regressions");
    if (summary.budget_exceeded > 0) {
      if (!badge.message.empty()) badge.message += ", ";
      badge.message += std::to_string(summary.budget_exceeded) + " over budget";
    }
  } else if (suite.too_many_undecided) {
    badge.message = std::to_string(summary.inconclusive) + " undecided";
  } else {
    badge.message = "0 regressions";
    if (summary.inconclusive > 0) {
      badge.message += ", " + std::to_string(summary.inconclusive) + " undecided";
    }
  }
  if (badge.failed) {
    badge.color = "red";
    badge.hex = "#e05d44";
  } else if (summary.inconclusive > 0) {
    badge.color = "yellow";
    badge.hex = "#dfb317";
  } else {
    badge.color = "brightgreen";
    badge.hex = "#4c1";
  }
  return badge;
}

void RenderBadgeSvg(const Badge& badge, std::ostream& out) {
  // Each half: its text and 5 px on either side, in whole pixels.
  const long left = std::lround(BadgeTextWidth(badge.label) + 10);
  const long right = std::lround(BadgeTextWidth(badge.message) + 10);
  const long width = left + right;
  const std::string label = XmlEscape(badge.label), message = XmlEscape(badge.message);
  const std::string title = label + ": " + message;
  const auto text = [&out](double x, long box, const std::string& words) {
    // A shadow one pixel down, then the text: legible on every colour. The
    // text is stretched to its box's width less the padding, so that it
    // fits whichever font the viewer has (Verdana is rare on Linux).
    const std::string attributes = " textLength=\"" + std::to_string(box - 10) + "\"";
    out << "<text x=\"" << x << "\" y=\"15\"" << attributes
        << " fill=\"#010101\" fill-opacity=\".3\">" << words << "</text><text x=\"" << x
        << "\" y=\"14\"" << attributes << ">" << words << "</text>";
  };
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
      << "\" height=\"20\" role=\"img\" aria-label=\"" << title << "\">"
      << "<title>" << title << "</title>"
      << "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" "
         "stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
      << "<clipPath id=\"r\"><rect width=\"" << width
      << "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
      << "<g clip-path=\"url(#r)\"><rect width=\"" << left
      << "\" height=\"20\" fill=\"#555\"/><rect x=\"" << left << "\" width=\"" << right
      << "\" height=\"20\" fill=\"" << badge.hex << "\"/><rect width=\"" << width
      << "\" height=\"20\" fill=\"url(#s)\"/></g>"
      << "<g fill=\"#fff\" text-anchor=\"middle\" "
         "font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">";
  text(static_cast<double>(left) / 2, left, label);
  text(static_cast<double>(left) + static_cast<double>(right) / 2, right, message);
  out << "</g></svg>\n";
}

void RenderBadgeEndpoint(const Badge& badge, std::ostream& out) {
  const nlohmann::json endpoint = {{"schemaVersion", 1},
                                   {"label", badge.label},
                                   {"message", badge.message},
                                   {"color", badge.color},
                                   {"isError", badge.failed}};
  out << endpoint.dump(2) << "\n";
}

}  // namespace benchgate
