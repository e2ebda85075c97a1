// Turning JSON text as Google Benchmark writes it into a parsed document.
//
// Valid text is read by the fast reader (io/json_fast_reader.h). Text it
// gives up on, invalid text above all, is parsed again as follows, so that
// every error message names the place as nlohmann's parser finds it.
//
// Google Benchmark writes non-finite doubles as bare NaN, Infinity and
// -Infinity, which strict JSON (and nlohmann's parser) rejects. A pass over
// the text outside strings replaces them by null and remembers, for every
// null of the cleaned text in document order, what it was; the parser then
// turns each back into the double it stood for (or leaves null, on request).
// The same pass bounds the nesting depth (kMaxJsonDepth), so no later
// recursive walk over the document can exhaust the stack.
#ifndef BENCHGATE_IO_JSON_TEXT_H_
#define BENCHGATE_IO_JSON_TEXT_H_

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

namespace benchgate {

// What a bare NaN / Infinity / -Infinity token becomes in the document.
enum class NonFinite {
  kAsDouble,  // a number holding NaN, +inf or -inf
  kAsNull,    // null, like a JSON serializer would have written it
};

// Parses `text`. Syntax errors throw benchgate::Error(source, "line:column",
// "expected ',' or '}' after an object member, got \"b\""): the place is the
// start of the offending token (or the offending character inside a string),
// in the original text, columns counted in bytes from 1.
nlohmann::json ParseJson(const std::string& text, const std::string& source, NonFinite non_finite);

// One member of an object, as StreamedArray::take_object receives it.
struct JsonMember {
  std::string key;
  nlohmann::json value;
};

// The elements of the top-level array `member` (e.g. "benchmarks"), each
// handed to `take` as soon as it is parsed and then dropped: the document
// keeps that member as an empty array. A whole document tree costs about
// 40 times its text; streamed, a million-row file costs its text alone.
struct StreamedArray {
  std::string member;
  std::function<void(const nlohmann::json& element, std::size_t index)> take;
  // When set, elements that are objects may come here instead, as their
  // members in document order (a repeated key appears twice; the last one
  // counts, as in the tree), which spares building a tree per element.
  std::function<void(std::span<const JsonMember> members, std::size_t index)> take_object;
  // When set, called before the elements are handed over again from the
  // first: the fast reader gave up midway and nlohmann's parser reads the
  // text once more. Without it, `take` must tolerate seeing them twice.
  std::function<void()> restart;
};

// ParseJson, streaming `streamed`. The first exception thrown by `take`
// reaches the caller once the whole text has parsed (a syntax error wins);
// later elements are then dropped untaken. A second top-level `member` is
// an error.
nlohmann::json ParseJson(const std::string& text, const std::string& source, NonFinite non_finite,
                         const StreamedArray& streamed);

// The history file's parse: non-finite tokens become null and syntax errors
// keep nlohmann's own wording, "expected valid JSON (syntax error while
// parsing ...)", which run_runner_e2e_test pins. New readers use ParseJson.
nlohmann::json ParseJsonText(const std::string& text, const std::string& source);

// "line:column" (1-based, columns in bytes) of a byte offset in text.
std::string LineColumn(const std::string& text, std::size_t offset);

}  // namespace benchgate

#endif  // BENCHGATE_IO_JSON_TEXT_H_
