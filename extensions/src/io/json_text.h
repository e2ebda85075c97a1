// Turning JSON text as Google Benchmark writes it into a parsed document:
// bare NaN / Infinity tokens (not strict JSON) become null, nesting is
// bounded, syntax errors become benchgate::Error with line:column.
#ifndef BENCHGATE_IO_JSON_TEXT_H_
#define BENCHGATE_IO_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace benchgate {

nlohmann::json ParseJsonText(const std::string& text, const std::string& source);

// "line:column" (1-based) of a byte offset in text.
std::string LineColumn(const std::string& text, std::size_t offset);

}  // namespace benchgate

#endif  // BENCHGATE_IO_JSON_TEXT_H_
