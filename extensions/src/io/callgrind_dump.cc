#include "io/callgrind_dump.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>

#include "benchgate/error.h"
#include "io/files.h"
#include "model/trim.h"

namespace benchgate {
namespace {

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  while (true) {
    text = Trim(text);
    if (text.empty()) return words;
    const std::size_t end = std::min(text.find_first_of(" \t"), text.size());
    words.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
}

std::optional<std::uint64_t> Whole(std::string_view text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// Quoted for a message, at most 40 bytes of it, control bytes as '?'.
std::string Quoted(std::string_view text) {
  std::string out(text.substr(0, 40));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return "'" + out + (text.size() > 40 ? "...'" : "'");
}

}  // namespace

CallgrindDump ParseCallgrindDump(std::string_view text, const std::string& source) {
  CallgrindDump dump;
  std::optional<std::size_t> ir_index;
  std::size_t events = 0;
  bool version = false;
  std::size_t line_number = 0;
  const auto fail = [&](const std::string& what) {
    throw Error(source, "line " + std::to_string(line_number), what);
  };
  if (text.empty()) {
    line_number = 1;
    fail("expected '# callgrind format' (a callgrind output file), got an empty file");
  }
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    ++line_number;
    if (line_number == 1 && line != "# callgrind format") {
      fail("expected '# callgrind format' (a callgrind output file), got " + Quoted(line));
    }
    if (line.empty() || line.front() == '#') continue;
    const std::size_t colon = line.find(':');
    const std::string_view key = line.substr(0, colon == std::string_view::npos ? 0 : colon);
    const bool header = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    });
    if (!header) fail("expected the header's 'summary:' line before the costs");
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "version") {
      if (value != "1") fail("expected callgrind format version 1, got " + Quoted(value));
      version = true;
    } else if (key == "part") {
      const auto part = Whole(value);
      if (!part || *part == 0 || *part > 1000000000) {
        fail("expected a part number from 1, got " + Quoted(value));
      }
      dump.part = static_cast<int>(*part);
    } else if (key == "desc") {
      constexpr std::string_view kTrigger = "Trigger:";
      if (value.substr(0, kTrigger.size()) == kTrigger) {
        dump.trigger = std::string(Trim(value.substr(kTrigger.size())));
      }
    } else if (key == "events") {
      const std::vector<std::string_view> names = Words(value);
      const auto ir = std::find(names.begin(), names.end(), "Ir");
      if (ir == names.end()) fail("expected the event 'Ir' (instructions), got " + Quoted(value));
      ir_index = static_cast<std::size_t>(ir - names.begin());
      events = names.size();
    } else if (key == "summary") {
      if (!version) fail("expected a 'version: 1' line before the summary");
      if (!ir_index) fail("expected an 'events:' line before the summary");
      const std::vector<std::string_view> numbers = Words(value);
      // Callgrind leaves out trailing zero costs.
      if (numbers.empty() || numbers.size() > events) {
        fail("expected 1 to " + std::to_string(events) + " costs, got " + Quoted(value));
      }
      std::uint64_t ir = 0;
      for (std::size_t i = 0; i < numbers.size(); ++i) {
        const auto cost = Whole(numbers[i]);
        if (!cost) fail("expected whole numbers, got " + Quoted(numbers[i]));
        if (i == *ir_index) ir = *cost;
      }
      dump.instructions = ir;
      return dump;
    }
  }
  ++line_number;
  fail("expected a 'summary:' line, got the end of the file");
  return dump;  // not reached
}

std::vector<CallgrindDump> ReadCallgrindDumps(const std::string& dir,
                                              const std::string& name_prefix) {
  namespace fs = std::filesystem;
  std::map<std::uint64_t, std::string> parts;  // "<prefix><pid>.<part>" by part
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(name_prefix, 0) != 0) continue;
    const std::size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot < name_prefix.size()) continue;  // the dump at exit
    const auto part = Whole(std::string_view(name).substr(dot + 1));
    if (part) parts.emplace(*part, entry.path().string());
  }
  if (error) throw Error(dir, "", "cannot list callgrind's output (" + error.message() + ")");
  std::vector<CallgrindDump> dumps;
  dumps.reserve(parts.size());
  for (const auto& [part, path] : parts) {
    dumps.push_back(ParseCallgrindDump(ReadWholeFile(path), path));
    if (dumps.back().part != static_cast<int>(part)) {
      throw Error(path, "",
                  "expected part " + std::to_string(part) + " as its name says, got " +
                      std::to_string(dumps.back().part));
    }
  }
  return dumps;
}

}  // namespace benchgate
