#include "io/json_positions.h"

#include <nlohmann/json.hpp>
#include <string>

namespace benchgate {

// A recursive descent over text nlohmann_json has already accepted: it only
// records where things start, so it checks nothing beyond staying in bounds.
class JsonPositionScanner {
 public:
  JsonPositionScanner(std::string_view text, JsonPositions& out) : text_(text), out_(out) {
    // nlohmann skips a UTF-8 byte order mark; so do we (it is no column).
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") offset_ = 3;
  }

  void Run() {
    SkipSpace();
    if (!AtEnd()) Value("");
  }

 private:
  bool AtEnd() const { return offset_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[offset_]; }

  void Advance() {
    if (AtEnd()) return;
    const auto byte = static_cast<unsigned char>(text_[offset_++]);
    if (byte == '\n') {
      ++position_.line;
      position_.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++position_.column;
    }
  }

  void SkipSpace() {
    while (!AtEnd()) {
      const char c = Peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        Advance();
      } else if (c == '/' && text_.substr(offset_, 2) == "//") {
        while (!AtEnd() && Peek() != '\n') Advance();
      } else if (c == '/' && text_.substr(offset_, 2) == "/*") {
        Advance();
        Advance();
        while (!AtEnd() && text_.substr(offset_, 2) != "*/") Advance();
        Advance();
        Advance();
      } else {
        return;
      }
    }
  }

  // Returns the raw token including its quotes.
  std::string_view String() {
    const std::size_t start = offset_;
    Advance();  // opening quote
    while (!AtEnd() && Peek() != '"') {
      if (Peek() == '\\') Advance();
      Advance();
    }
    Advance();  // closing quote
    return text_.substr(start, offset_ - start);
  }

  void Value(const std::string& pointer) {
    out_.values_.emplace(pointer, position_);
    // Deeper than any threshold file goes: stop, rather than recurse until
    // the stack runs out on a hostile file. Deeper values get the position
    // of the nearest enclosing one.
    if (++depth_ > kMaxDepth) {
      offset_ = text_.size();
      return;
    }
    switch (Peek()) {
      case '{':
        Object(pointer);
        break;
      case '[':
        Array(pointer);
        break;
      case '"':
        String();
        break;
      default:  // number, true, false, null
        while (!AtEnd() && std::string_view(",]} \t\r\n/").find(Peek()) == std::string_view::npos) {
          Advance();
        }
    }
    --depth_;
  }

  void Object(const std::string& pointer) {
    Advance();  // '{'
    SkipSpace();
    while (!AtEnd() && Peek() == '"') {
      const TextPosition key_position = position_;
      const std::string raw(String());
      const auto decoded = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
      const std::string key = decoded.is_string() ? decoded.get<std::string>() : raw;
      const std::string child = pointer + "/" + JsonPositions::Escape(key);
      if (!out_.keys_.emplace(child, key_position).second && !out_.first_duplicate_) {
        out_.first_duplicate_ = JsonPositions::Duplicate{key, child, key_position};
      }
      SkipSpace();
      Advance();  // ':'
      SkipSpace();
      Value(child);
      SkipSpace();
      if (Peek() != ',') break;
      Advance();
      SkipSpace();
    }
    Advance();  // '}'
  }

  void Array(const std::string& pointer) {
    Advance();  // '['
    SkipSpace();
    for (std::size_t index = 0; !AtEnd() && Peek() != ']'; ++index) {
      Value(pointer + "/" + std::to_string(index));
      SkipSpace();
      if (Peek() != ',') break;
      Advance();
      SkipSpace();
    }
    Advance();  // ']'
  }

  std::string_view text_;
  JsonPositions& out_;
  static constexpr int kMaxDepth = 64;
  std::size_t offset_ = 0;
  int depth_ = 0;
  TextPosition position_;
};

std::string TextPosition::ToString() const {
  return std::to_string(line) + ":" + std::to_string(column);
}

TextPosition PositionOfOffset(std::string_view text, std::size_t offset) {
  TextPosition position;
  const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // byte order mark
  for (std::size_t i = start; i < offset && i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++position.column;
    }
  }
  return position;
}

JsonPositions JsonPositions::Scan(std::string_view text) {
  JsonPositions out;
  JsonPositionScanner(text, out).Run();
  return out;
}

TextPosition JsonPositions::Value(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (const auto it = values_.find(p); it != values_.end()) return it->second;
    const auto slash = p.rfind('/');
    if (p.empty() || slash == std::string::npos) return TextPosition{};
    p.erase(slash);
  }
}

TextPosition JsonPositions::Key(const std::string& pointer) const {
  if (const auto it = keys_.find(pointer); it != keys_.end()) return it->second;
  return Value(pointer);
}

std::string JsonPositions::Escape(std::string_view token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace benchgate
