#include "gate/units.h"

#include <charconv>
#include <cmath>
#include <utility>

#include "model/trim.h"

namespace benchgate {
namespace {

struct Unit {
  std::string_view suffix;
  double scale;
};

// Splits "2.5 ms" into 2.5 and "ms"; nullopt when no finite number leads.
std::optional<std::pair<double, std::string_view>> SplitNumber(std::string_view text) {
  text = Trim(text);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || !std::isfinite(value) || value < 0) return std::nullopt;
  const auto consumed = static_cast<std::size_t>(end - text.data());
  return std::make_pair(value, Trim(text.substr(consumed)));
}

template <std::size_t N>
std::optional<double> WithUnit(std::string_view text, const Unit (&units)[N], bool unit_required) {
  const auto split = SplitNumber(text);
  if (!split) return std::nullopt;
  const auto [value, suffix] = *split;
  if (suffix.empty()) return unit_required ? std::nullopt : std::optional<double>(value);
  for (const Unit& unit : units) {
    if (suffix == unit.suffix) return value * unit.scale;
  }
  return std::nullopt;
}

constexpr Unit kDurations[] = {{"ns", 1},         {"us", 1e3}, {"\xC2\xB5s", 1e3},
                               {"\xCE\xBCs", 1e3}, {"ms", 1e6}, {"s", 1e9}};

constexpr Unit kSizes[] = {{"B", 1},
                           {"KB", 1e3},
                           {"MB", 1e6},
                           {"GB", 1e9},
                           {"KiB", 1024.0},
                           {"MiB", 1024.0 * 1024},
                           {"GiB", 1024.0 * 1024 * 1024}};

constexpr Unit kPercent[] = {{"%", 0.01}};

}  // namespace

std::optional<double> ParseDuration(std::string_view text) {
  return WithUnit(text, kDurations, /*unit_required=*/true);
}

std::optional<double> ParseBytes(std::string_view text) {
  return WithUnit(text, kSizes, /*unit_required=*/false);
}

std::optional<double> ParsePercent(std::string_view text) {
  return WithUnit(text, kPercent, /*unit_required=*/true);
}

std::optional<double> ParseCount(std::string_view text) {
  const auto split = SplitNumber(text);
  if (!split || !split->second.empty()) return std::nullopt;
  return split->first;
}

}  // namespace benchgate
