#include "io/json_text.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <iterator>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

#include "benchgate/error.h"
#include "io/run_reader.h"
#include "io/json_fast_reader.h"
#include "io/json_syntax_error.h"

namespace benchgate {
namespace {

using nlohmann::json;

// What a null literal of the cleaned text stood for in the original.
enum class NullOrigin : std::uint8_t { kNull, kNaN, kInfinity, kMinusInfinity };

struct Literal {
  std::string_view text;
  NullOrigin origin;
};

// "-NaN" is never written by Google Benchmark (a NaN compares false with 0)
// but costs nothing to accept.
constexpr Literal kLiterals[] = {{"null", NullOrigin::kNull},
                                 {"-Infinity", NullOrigin::kMinusInfinity},
                                 {"Infinity", NullOrigin::kInfinity},
                                 {"-NaN", NullOrigin::kNaN},
                                 {"NaN", NullOrigin::kNaN}};

const Literal* LiteralAt(const std::string& text, std::size_t i) {
  const char c = text[i];
  if (c != 'N' && c != 'I' && c != '-' && c != 'n') return nullptr;  // the common case, fast
  const std::string_view rest(text.data() + i, text.size() - i);
  for (const Literal& literal : kLiterals) {
    if (rest.substr(0, literal.text.size()) == literal.text) return &literal;
  }
  return nullptr;
}

// The text the strict parser sees, and how to map it back.
struct CleanText {
  const std::string* original = nullptr;
  std::string text;  // empty unless something was replaced
  // One entry per null literal of `text`, in document order. In valid JSON a
  // null literal outside strings is always a whole value, so the parser's
  // null events are these, one for one.
  std::vector<NullOrigin> nulls;
  // Every replacement, in order, to count places in the original text.
  struct Replacement {
    std::size_t clean_start, clean_end;        // the "null" in `text`
    std::size_t original_start, original_end;  // the token it replaced
  };
  std::vector<Replacement> replacements;

  // What the parser reads: the original itself when nothing changed, which
  // spares a copy of a file of hundreds of megabytes.
  const std::string& Parsed() const { return replacements.empty() ? *original : text; }

  std::size_t OriginalOffset(std::size_t offset) const {
    const auto after = std::upper_bound(
        replacements.begin(), replacements.end(), offset,
        [](std::size_t value, const Replacement& r) { return value < r.clean_start; });
    if (after == replacements.begin()) return offset;
    const Replacement& r = *std::prev(after);
    if (offset < r.clean_end) {  // inside: stay inside the original token
      return std::min(r.original_start + (offset - r.clean_start), r.original_end - 1);
    }
    return r.original_end + (offset - r.clean_end);
  }
};

// One pass outside strings: non-finite tokens become null, every null is
// recorded, and nesting deeper than kMaxJsonDepth is rejected before any
// parser or destructor can recurse over it.
CleanText Clean(const std::string& text, const std::string& source) {
  CleanText clean;
  clean.original = &text;
  // text[0, copied) is in clean.text already: unchanged stretches are copied
  // in bulk (this pass is on the path of every 50,000-benchmark file).
  std::size_t copied = 0;
  bool in_string = false;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (in_string) {
      // A plain loop: find_first_of calls memchr once per character.
      while (i < text.size() && text[i] != '"' && text[i] != '\\') ++i;
      if (i == text.size()) break;  // unterminated: the parser says where
      if (text[i] == '\\') {
        ++i;  // the escaped character, whatever it is
      } else {
        in_string = false;
      }
      continue;
    }
    const char c = text[i];
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        throw Error(source, LineColumn(text, i),
                    "expected at most " + std::to_string(kMaxJsonDepth) + " levels of nesting");
      }
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (const Literal* literal = LiteralAt(text, i)) {
      clean.nulls.push_back(literal->origin);
      if (literal->origin != NullOrigin::kNull) {
        if (clean.text.empty()) clean.text.reserve(text.size());
        clean.text.append(text, copied, i - copied);
        const std::size_t clean_start = clean.text.size();
        clean.text += "null";
        clean.replacements.push_back({clean_start, clean.text.size(), i, i + literal->text.size()});
        i += literal->text.size() - 1;
        copied = i + 1;
      }
    }
  }
  if (!clean.replacements.empty()) clean.text.append(text, copied, std::string::npos);
  return clean;
}

double ValueOf(NullOrigin origin) {
  switch (origin) {
    case NullOrigin::kInfinity:
      return std::numeric_limits<double>::infinity();
    case NullOrigin::kMinusInfinity:
      return -std::numeric_limits<double>::infinity();
    default:
      return std::numeric_limits<double>::quiet_NaN();
  }
}

// Builds the document from the parser's events (nlohmann's public SAX
// interface), turning the recorded nulls back into non-finite numbers, and
// keeps the parse error for our own message. The stack holds only open
// containers, which receive no new element until their child closes, so
// the pointers stay valid.
class DomBuilder final : public nlohmann::json_sax<json> {
 public:
  DomBuilder(const std::vector<NullOrigin>& nulls, NonFinite non_finite,
             const StreamedArray* streamed = nullptr, const std::string* source = nullptr)
      : nulls_(nulls), non_finite_(non_finite), streamed_(streamed), source_(source) {}

  bool null() override {
    const NullOrigin origin = next_null_ < nulls_.size() ? nulls_[next_null_++] : NullOrigin::kNull;
    if (origin == NullOrigin::kNull || non_finite_ == NonFinite::kAsNull) return Put(nullptr);
    return Put(ValueOf(origin));
  }
  bool boolean(bool value) override { return Put(value); }
  bool number_integer(number_integer_t value) override { return Put(value); }
  bool number_unsigned(number_unsigned_t value) override { return Put(value); }
  bool number_float(number_float_t value, const string_t& /*text*/) override { return Put(value); }
  bool string(string_t& value) override { return Put(std::move(value)); }
  bool binary(binary_t& value) override { return Put(json::binary(std::move(value))); }
  bool key(string_t& value) override {
    key_ = std::move(value);
    return true;
  }
  bool start_object(std::size_t /*elements*/) override { return Open(json::object()); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t /*elements*/) override { return Open(json::array()); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const json::exception& error) override {
    error_position_ = position;
    error_what_ = error.what();
    return false;
  }

  json TakeRoot() {
    if (refused_ != nullptr) std::rethrow_exception(refused_);
    return std::move(root_);
  }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_what() const { return error_what_; }

 private:
  json* Insert(json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    // A repeated key keeps its last value, as operator[] would; the key is
    // moved in, not copied (a million keys in a large run).
    auto& members = parent.get_ref<json::object_t&>();
    json& slot = members.try_emplace(std::move(key_)).first->second;
    slot = std::move(value);
    return &slot;
  }
  bool Put(json value) {
    Insert(std::move(value));
    if (open_.size() == 2 && streaming_) Hand();  // a scalar element
    return true;
  }
  bool Open(json container) {
    if (streamed_ != nullptr && open_.size() == 1 && container.is_array() &&
        open_.front()->is_object() && key_ == streamed_->member) {
      if (streamed_once_) {
        throw Error(*source_, "/" + key_, "expected one \"" + key_ + "\" member, got two");
      }
      streaming_ = streamed_once_ = true;
    }
    open_.push_back(Insert(std::move(container)));
    return true;
  }
  bool Close() {
    open_.pop_back();
    if (open_.size() == 2 && streaming_) Hand();  // a container element
    if (open_.size() == 1) streaming_ = false;
    return true;
  }
  // The streamed array's last element is complete: hand it over, drop it.
  // The first element refused is kept for after the parse, so that a
  // syntax error anywhere in the file is still what the user hears first.
  void Hand() {
    json& array = *open_[1];
    if (refused_ == nullptr) {
      try {
        streamed_->take(array.back(), handed_);
      } catch (...) {
        refused_ = std::current_exception();
      }
    }
    ++handed_;
    array.erase(array.size() - 1);
  }

  const std::vector<NullOrigin>& nulls_;
  NonFinite non_finite_;
  const StreamedArray* streamed_;
  const std::string* source_;
  bool streaming_ = false, streamed_once_ = false;
  std::size_t handed_ = 0;
  std::exception_ptr refused_;
  std::size_t next_null_ = 0;
  json root_;
  std::vector<json*> open_;
  std::string key_;
  std::size_t error_position_ = 0;
  std::string error_what_;
};

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// nlohmann's position counts the bytes read: the last one read is one before.
std::size_t LastRead(const CleanText& clean, std::size_t position) {
  return std::min(position > 0 ? position - 1 : 0, clean.Parsed().size());
}

}  // namespace

std::string LineColumn(const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

namespace {

json Parse(const std::string& text, const std::string& source, NonFinite non_finite,
           const StreamedArray* streamed) {
  if (IsBlank(text)) throw Error(source, "", "expected a JSON object, got an empty file");
  FastReadResult fast = FastReadJson(text, non_finite, streamed);
  if (fast.complete) {
    if (fast.refused != nullptr) std::rethrow_exception(fast.refused);
    return std::move(fast.root);
  }
  // The text is invalid or unusual: nlohmann's parse finds the error and
  // its place, or reads what the fast reader left to it.
  if (fast.handed > 0 && streamed->restart) streamed->restart();
  const CleanText clean = Clean(text, source);
  DomBuilder builder(clean.nulls, non_finite, streamed, &source);
  if (json::sax_parse(clean.Parsed(), &builder)) return builder.TakeRoot();
  const std::size_t last_read = clean.OriginalOffset(LastRead(clean, builder.error_position()));
  const SyntaxErrorText error = DescribeSyntaxError(text, last_read, builder.error_what());
  throw Error(source, LineColumn(text, error.offset), error.expected);
}

}  // namespace

json ParseJson(const std::string& text, const std::string& source, NonFinite non_finite) {
  return Parse(text, source, non_finite, nullptr);
}

json ParseJson(const std::string& text, const std::string& source, NonFinite non_finite,
               const StreamedArray& streamed) {
  return Parse(text, source, non_finite, &streamed);
}

json ParseJsonText(const std::string& text, const std::string& source) {
  FastReadResult fast = FastReadJson(text, NonFinite::kAsNull, nullptr);
  if (fast.complete) return std::move(fast.root);
  const CleanText clean = Clean(text, source);
  if (IsBlank(clean.Parsed()))
    throw Error(source, "1:1", "expected a JSON object, found an empty file");
  DomBuilder builder(clean.nulls, NonFinite::kAsNull);
  if (json::sax_parse(clean.Parsed(), &builder)) return builder.TakeRoot();
  std::string what = builder.error_what();
  // Keep the tail of "[json.exception.parse_error.101] parse error at line 1,
  // column 2: syntax error while parsing value - ...".
  const auto detail = what.find("syntax error while parsing");
  if (detail != std::string::npos) what = what.substr(detail);
  throw Error(source, LineColumn(clean.Parsed(), LastRead(clean, builder.error_position())),
              "expected valid JSON (" + what + ")");
}

}  // namespace benchgate
