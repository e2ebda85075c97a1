#include "report/markup_escape.h"

#include <cstddef>

namespace benchgate {
namespace {

// Length of the well-formed UTF-8 sequence at text[at], or 0 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t SequenceLength(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < lo || byte(at + 1) > hi) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Invalid UTF-8 bytes replaced by U+FFFD, for formats that must be valid
// Unicode text (XML); benchmark names are whatever the user registered.
std::string ValidUtf8(const std::string& text) {
  std::string valid;
  valid.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = SequenceLength(text, at);
    if (length == 0) {
      valid += "\xEF\xBF\xBD";
      ++at;
    } else {
      valid.append(text, at, length);
      at += length;
    }
  }
  return valid;
}

// What XML holds in place of a control character; nullptr for any other.
const char* XmlControl(char c) {
  switch (c) {
    // References keep tabs and line breaks in attributes, where a parser
    // would otherwise normalise them to spaces.
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    case '\r':
      return "&#13;";
    default:
      // XML 1.0 has no way to write other C0 controls, not even escaped.
      return static_cast<unsigned char>(c) < 0x20 ? "?" : nullptr;
  }
}

}  // namespace

std::string EscapeMarkup(const std::string& text, Markup markup) {
  const bool xml = markup == Markup::kXml;
  const std::string valid = xml ? ValidUtf8(text) : std::string();
  const std::string& source = xml ? valid : text;
  std::string escaped;
  escaped.reserve(source.size());
  for (const char c : source) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += xml ? "&apos;" : "&#39;";
        break;
      default:
        if (const char* control = xml ? XmlControl(c) : nullptr) {
          escaped += control;
        } else {
          escaped += c;
        }
    }
  }
  return escaped;
}

}  // namespace benchgate
