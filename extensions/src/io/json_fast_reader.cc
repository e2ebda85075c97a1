#include "io/json_fast_reader.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "io/run_reader.h"

namespace benchgate {
namespace {

using nlohmann::json;

// Thrown where the reader gives up; caught once, at the top. Giving up is
// rare (invalid or unusual text), so an exception costs nothing on the
// common path and keeps every step free of error plumbing.
struct GiveUp {};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

class FastReader {
 public:
  FastReader(std::string_view text, NonFinite non_finite, const StreamedArray* streamed)
      : p_(text.data()),
        end_(text.data() + text.size()),
        non_finite_(non_finite),
        streamed_(streamed) {}

  json Document() {
    SkipSpace();
    json root = Peek() == '{' ? Object(0, /*root=*/true) : Value(0);
    SkipSpace();
    if (p_ != end_) throw GiveUp{};
    return root;
  }

  std::size_t handed() const { return handed_; }
  std::exception_ptr refused() const { return refused_; }

 private:
  char Peek() const { return p_ < end_ ? *p_ : '\0'; }

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  void Expect(char c) {
    if (Peek() != c) throw GiveUp{};
    ++p_;
  }

  void ExpectWord(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      throw GiveUp{};
    }
    p_ += word.size();
  }

  // The value at p_ (not a root object); `depth` is its container's.
  json Value(int depth) {
    switch (Peek()) {
      case '{':
        return Object(depth, /*root=*/false);
      case '[':
        return Array(depth);
      case '"': {
        std::string text;
        String(text);
        return json(std::move(text));
      }
      case 't':
        ExpectWord("true");
        return true;
      case 'f':
        ExpectWord("false");
        return false;
      case 'n':
        ExpectWord("null");
        return nullptr;
      case 'N':
        ExpectWord("NaN");
        return NonFiniteValue(std::numeric_limits<double>::quiet_NaN());
      case 'I':
        ExpectWord("Infinity");
        return NonFiniteValue(std::numeric_limits<double>::infinity());
      case '-':
        if (end_ - p_ > 1 && p_[1] == 'I') {
          ExpectWord("-Infinity");
          return NonFiniteValue(-std::numeric_limits<double>::infinity());
        }
        if (end_ - p_ > 1 && p_[1] == 'N') {
          ExpectWord("-NaN");
          return NonFiniteValue(std::numeric_limits<double>::quiet_NaN());
        }
        return Number();
      default:
        if (IsDigit(Peek())) return Number();
        throw GiveUp{};  // a byte order mark, or not JSON
    }
  }

  json NonFiniteValue(double value) const {
    return non_finite_ == NonFinite::kAsNull ? json(nullptr) : json(value);
  }

  // Like nlohmann: an integer without fraction or exponent is unsigned when
  // it has no sign, signed when negative, and a double when it overflows.
  json Number() {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (Peek() == '0') {
      ++p_;
    } else if (IsDigit(Peek())) {
      while (IsDigit(Peek())) ++p_;
    } else {
      throw GiveUp{};
    }
    bool integral = true;
    if (Peek() == '.') {
      integral = false;
      ++p_;
      if (!IsDigit(Peek())) throw GiveUp{};
      while (IsDigit(Peek())) ++p_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      integral = false;
      ++p_;
      if (Peek() == '+' || Peek() == '-') ++p_;
      if (!IsDigit(Peek())) throw GiveUp{};
      while (IsDigit(Peek())) ++p_;
    }
    if (integral) {
      if (negative) {
        std::int64_t value = 0;
        if (std::from_chars(start, p_, value).ec == std::errc{}) return json(value);
      } else {
        std::uint64_t value = 0;
        if (std::from_chars(start, p_, value).ec == std::errc{}) return json(value);
      }
    }
    // Correctly rounded, as strtod; out of range (where strtod would give
    // infinity or zero with ERANGE) is left to nlohmann.
    double value = 0;
    if (std::from_chars(start, p_, value).ec != std::errc{}) throw GiveUp{};
    return json(value);
  }

  // Appends the string at p_ (its quotes excluded) to `out`, unescaped;
  // invalid UTF-8 and raw control characters are refused, as by nlohmann.
  void String(std::string& out) {
    ++p_;  // the opening quote
    for (;;) {
      const char* start = p_;
      while (p_ < end_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      out.append(start, p_);
      if (p_ == end_) throw GiveUp{};
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return;
      }
      if (c == '\\') {
        Escape(out);
      } else if (c < 0x20) {
        throw GiveUp{};
      } else {
        Utf8Sequence(out);
      }
    }
  }

  void Escape(std::string& out) {
    ++p_;  // the backslash
    if (p_ == end_) throw GiveUp{};
    const char c = *p_++;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out.push_back(c);
        return;
      case 'b':
        out.push_back('\b');
        return;
      case 'f':
        out.push_back('\f');
        return;
      case 'n':
        out.push_back('\n');
        return;
      case 'r':
        out.push_back('\r');
        return;
      case 't':
        out.push_back('\t');
        return;
      case 'u':
        break;
      default:
        throw GiveUp{};
    }
    std::uint32_t code = CodeUnit();
    if (code >= 0xDC00 && code <= 0xDFFF) throw GiveUp{};  // a low surrogate alone
    if (code >= 0xD800 && code <= 0xDBFF) {
      ExpectWord("\\u");
      const std::uint32_t low = CodeUnit();
      if (low < 0xDC00 || low > 0xDFFF) throw GiveUp{};
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(out, code);
  }

  std::uint32_t CodeUnit() {
    if (end_ - p_ < 4) throw GiveUp{};
    std::uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = HexValue(*p_++);
      if (digit < 0) throw GiveUp{};
      code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    return code;
  }

  // One well-formed UTF-8 sequence (RFC 3629, table 3-7 of Unicode), the
  // ranges nlohmann's lexer accepts: no overlong forms, no surrogates.
  void Utf8Sequence(std::string& out) {
    const auto lead = static_cast<unsigned char>(*p_);
    int length = 0;
    unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      throw GiveUp{};
    }
    if (end_ - p_ < length) throw GiveUp{};
    for (int i = 1; i < length; ++i) {
      const auto c = static_cast<unsigned char>(p_[i]);
      const unsigned char lo = i == 1 ? low : 0x80, hi = i == 1 ? high : 0xBF;
      if (c < lo || c > hi) throw GiveUp{};
    }
    out.append(p_, static_cast<std::size_t>(length));
    p_ += length;
  }

  // After an element or member: true for ',', false for `close`.
  bool NextOrClose(char close) {
    SkipSpace();
    if (Peek() == ',') {
      ++p_;
      SkipSpace();
      return true;
    }
    Expect(close);
    return false;
  }

  static void Deeper(int& depth) {
    if (++depth > kMaxJsonDepth) throw GiveUp{};
  }

  json Object(int depth, bool root) {
    Deeper(depth);
    ++p_;  // '{'
    json object = json::object();
    auto& members = object.get_ref<json::object_t&>();
    SkipSpace();
    if (Peek() == '}') {
      ++p_;
      return object;
    }
    do {
      if (Peek() != '"') throw GiveUp{};
      std::string key;
      String(key);
      SkipSpace();
      Expect(':');
      SkipSpace();
      // A repeated key keeps its last value, as in nlohmann's own trees.
      json& slot = members[key];
      if (root && streamed_ != nullptr && Peek() == '[' && key == streamed_->member) {
        if (streamed_once_) throw GiveUp{};  // nlohmann's parse names the error
        streamed_once_ = true;
        slot = json::array();  // the document keeps the member, empty
        Stream(depth);
      } else {
        slot = Value(depth);
      }
    } while (NextOrClose('}'));
    return object;
  }

  json Array(int depth) {
    Deeper(depth);
    ++p_;  // '['
    json array = json::array();
    SkipSpace();
    if (Peek() == ']') {
      ++p_;
      return array;
    }
    do {
      array.push_back(Value(depth));
    } while (NextOrClose(']'));
    return array;
  }

  // The streamed array's elements, each handed over and dropped.
  void Stream(int depth) {
    Deeper(depth);
    ++p_;  // '['
    SkipSpace();
    if (Peek() == ']') {
      ++p_;
      return;
    }
    do {
      if (Peek() == '{' && streamed_->take_object) {
        const std::size_t count = FlatObject(depth);
        Hand([&] { streamed_->take_object({members_.data(), count}, handed_); });
      } else {
        const json element = Value(depth);
        Hand([&] { streamed_->take(element, handed_); });
      }
    } while (NextOrClose(']'));
  }

  // The object at p_ as members_[0, count): the entries and their strings'
  // storage are reused from element to element.
  std::size_t FlatObject(int depth) {
    Deeper(depth);
    ++p_;  // '{'
    std::size_t count = 0;
    SkipSpace();
    if (Peek() == '}') {
      ++p_;
      return 0;
    }
    do {
      if (Peek() != '"') throw GiveUp{};
      if (count == members_.size()) members_.emplace_back();
      JsonMember& member = members_[count++];
      member.key.clear();
      String(member.key);
      SkipSpace();
      Expect(':');
      SkipSpace();
      member.value = Value(depth);
    } while (NextOrClose('}'));
    return count;
  }

  // The first element refused is kept for after the whole text has read,
  // so that a syntax error anywhere is still what the user hears first.
  template <class Take>
  void Hand(const Take& take) {
    if (refused_ == nullptr) {
      try {
        take();
      } catch (...) {
        refused_ = std::current_exception();
      }
    }
    ++handed_;
  }

  const char* p_;
  const char* end_;
  NonFinite non_finite_;
  const StreamedArray* streamed_;
  bool streamed_once_ = false;
  std::vector<JsonMember> members_;
  std::size_t handed_ = 0;
  std::exception_ptr refused_;
};

}  // namespace

FastReadResult FastReadJson(std::string_view text, NonFinite non_finite,
                            const StreamedArray* streamed) {
  FastReader reader(text, non_finite, streamed);
  FastReadResult result;
  try {
    result.root = reader.Document();
    result.complete = true;
  } catch (const GiveUp&) {
    result.complete = false;
  }
  result.handed = reader.handed();
  result.refused = reader.refused();
  return result;
}

}  // namespace benchgate
