// Checked access to a parsed JSON document: every accessor either returns a
// value of the expected kind or throws benchgate::Error(source, pointer,
// "expected ..., got ...") naming the place by its JSON pointer (RFC 6901).
#ifndef BENCHGATE_IO_JSON_CHECKS_H_
#define BENCHGATE_IO_JSON_CHECKS_H_

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace benchgate {

// Pointer to a member or an element of the value at `parent` ("" is the root).
std::string PointerTo(const std::string& parent, const std::string& key);
std::string PointerTo(const std::string& parent, std::size_t index);

// A value as an error message shows it: 42, "abc" (shortened), NaN,
// -Infinity, true, null, an object, an array.
std::string DescribeJson(const nlohmann::json& value);

// nullptr when `object` is not an object or has no such member.
const nlohmann::json* FindMember(const nlohmann::json& object, const std::string& key);

class JsonChecker {
 public:
  explicit JsonChecker(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void Fail(const std::string& pointer, const std::string& expected) const;

  const nlohmann::json& Object(const nlohmann::json& value, const std::string& pointer) const;
  const nlohmann::json& Array(const nlohmann::json& value, const std::string& pointer) const;
  // The member `key` of the object at `pointer`; its absence is an error there.
  const nlohmann::json& Member(const nlohmann::json& object, const std::string& key,
                               const std::string& pointer) const;

  std::string String(const nlohmann::json& value, const std::string& pointer) const;
  std::string NonEmptyString(const nlohmann::json& value, const std::string& pointer) const;
  bool Bool(const nlohmann::json& value, const std::string& pointer) const;
  // Any number, NaN and infinities included.
  double Number(const nlohmann::json& value, const std::string& pointer) const;
  // A finite number >= 0 (times, rates, sizes).
  double NonNegative(const nlohmann::json& value, const std::string& pointer) const;
  std::int64_t Integer(const nlohmann::json& value, const std::string& pointer) const;
  std::uint64_t Count(const nlohmann::json& value, const std::string& pointer) const;

 private:
  std::string source_;
};

}  // namespace benchgate

#endif  // BENCHGATE_IO_JSON_CHECKS_H_
