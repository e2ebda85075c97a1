#include "io/json_checks.h"

#include <cmath>
#include <limits>

#include "benchgate/error.h"

namespace benchgate {
namespace {

using nlohmann::json;

// Longest string value quoted whole in a message.
constexpr std::size_t kMaxShownChars = 40;

std::string DescribeNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  return json(value).dump();
}

bool IsIntegral(const json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  return std::isfinite(number) && std::floor(number) == number;
}

}  // namespace

std::string PointerTo(const std::string& parent, const std::string& key) {
  std::string escaped;
  for (const char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped.push_back(c);
    }
  }
  return parent + "/" + escaped;
}

std::string PointerTo(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

std::string DescribeJson(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_number_float()) return DescribeNumber(value.get<double>());
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() <= kMaxShownChars)
      return value.dump(-1, ' ', true, json::error_handler_t::replace);
    return json(text.substr(0, kMaxShownChars))
               .dump(-1, ' ', true, json::error_handler_t::replace) +
           "...";
  }
  return value.dump();
}

const json* FindMember(const json& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

void JsonChecker::Fail(const std::string& pointer, const std::string& expected) const {
  throw Error(source_, pointer, expected);
}

const json& JsonChecker::Object(const json& value, const std::string& pointer) const {
  if (!value.is_object()) Fail(pointer, "expected an object, got " + DescribeJson(value));
  return value;
}

const json& JsonChecker::Array(const json& value, const std::string& pointer) const {
  if (!value.is_array()) Fail(pointer, "expected an array, got " + DescribeJson(value));
  return value;
}

const json& JsonChecker::Member(const json& object, const std::string& key,
                                const std::string& pointer) const {
  const json* member = FindMember(object, key);
  if (member == nullptr) Fail(pointer, "expected a member \"" + key + "\"");
  return *member;
}

std::string JsonChecker::String(const json& value, const std::string& pointer) const {
  if (!value.is_string()) Fail(pointer, "expected a string, got " + DescribeJson(value));
  return value.get<std::string>();
}

std::string JsonChecker::NonEmptyString(const json& value, const std::string& pointer) const {
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    Fail(pointer, "expected a non-empty string, got " + DescribeJson(value));
  }
  return value.get<std::string>();
}

bool JsonChecker::Bool(const json& value, const std::string& pointer) const {
  if (!value.is_boolean()) Fail(pointer, "expected true or false, got " + DescribeJson(value));
  return value.get<bool>();
}

double JsonChecker::Number(const json& value, const std::string& pointer) const {
  if (!value.is_number()) Fail(pointer, "expected a number, got " + DescribeJson(value));
  return value.get<double>();
}

double JsonChecker::NonNegative(const json& value, const std::string& pointer) const {
  const bool ok =
      value.is_number() && std::isfinite(value.get<double>()) && value.get<double>() >= 0;
  if (!ok) Fail(pointer, "expected a non-negative number, got " + DescribeJson(value));
  return value.get<double>();
}

std::int64_t JsonChecker::Integer(const json& value, const std::string& pointer) const {
  constexpr double kLimit = 9.2e18;  // inside int64_t's range, exactly representable
  const bool ok =
      IsIntegral(value) && !value.is_number_unsigned() && std::fabs(value.get<double>()) < kLimit;
  const bool small_unsigned =
      value.is_number_unsigned() &&
      value.get<std::uint64_t>() <= std::numeric_limits<std::int64_t>::max();
  if (!ok && !small_unsigned) Fail(pointer, "expected an integer, got " + DescribeJson(value));
  return value.is_number_float() ? static_cast<std::int64_t>(value.get<double>())
                                 : value.get<std::int64_t>();
}

std::uint64_t JsonChecker::Count(const json& value, const std::string& pointer) const {
  constexpr double kLimit = 1.8e19;  // below 2^64
  const bool ok = value.is_number_unsigned() ||
                  (IsIntegral(value) && value.get<double>() >= 0 && value.get<double>() < kLimit);
  if (!ok) Fail(pointer, "expected a non-negative integer, got " + DescribeJson(value));
  return value.is_number_float() ? static_cast<std::uint64_t>(value.get<double>())
                                 : value.get<std::uint64_t>();
}

}  // namespace benchgate
