// The one escaping of text for markup: HTML (benchgate-diff --format html,
// its charts) and XML (JUnit, the SVG badge) differ only in the apostrophe's
// reference and in what XML 1.0 cannot hold at all.
#ifndef BENCHGATE_REPORT_MARKUP_ESCAPE_H_
#define BENCHGATE_REPORT_MARKUP_ESCAPE_H_

#include <string>

namespace benchgate {

enum class Markup {
  kHtml,  // & < > " ' escaped (' as &#39;)
  // & < > " ' escaped (' as &apos;), tab and line breaks as character
  // references, other control characters and invalid UTF-8 (not allowed in
  // XML 1.0 at all, not even escaped) replaced.
  kXml,
};

// Text safe inside elements and quoted attributes of `markup`.
std::string EscapeMarkup(const std::string& text, Markup markup);

inline std::string HtmlEscape(const std::string& text) { return EscapeMarkup(text, Markup::kHtml); }
inline std::string XmlEscape(const std::string& text) { return EscapeMarkup(text, Markup::kXml); }

}  // namespace benchgate

#endif  // BENCHGATE_REPORT_MARKUP_ESCAPE_H_
