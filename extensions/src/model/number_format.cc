#include "model/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace benchgate {
namespace {

std::string Printf(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// Three significant digits: 1.23, 12.3, 123.
std::string ThreeDigits(double value) {
  const double magnitude = std::fabs(value);
  if (magnitude >= 99.95) return Printf("%.0f", value);
  if (magnitude >= 9.995) return Printf("%.1f", value);
  return Printf("%.2f", value);
}

}  // namespace

std::string FormatDuration(double nanoseconds) {
  if (!std::isfinite(nanoseconds)) return "n/a";
  struct Unit {
    double scale;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "us"}, {1, "ns"}};
  const double magnitude = std::fabs(nanoseconds);
  for (const Unit& unit : kUnits) {
    // Rounding may carry 999.96 us up to "1000 us": switch unit first.
    if (magnitude >= unit.scale * 0.99995) {
      return ThreeDigits(nanoseconds / unit.scale) + " " + unit.name;
    }
  }
  if (magnitude == 0) return "0 ns";
  // Below 0.1 ns (an optimised-away loop) fixed decimals would print 0.000:
  // keep three significant digits instead.
  if (magnitude < 0.09995) return Printf("%.3g", nanoseconds) + " ns";
  return Printf("%.3f", nanoseconds) + " ns";
}

std::string FormatChange(double change) {
  if (!std::isfinite(change)) return "n/a";
  // A change that rounds to zero reads "+0.0%": "-0.0%" would look like a
  // decrease that is not there (an interval's tiny negative bound).
  const std::string text = Printf("%+.1f", change * 100.0);
  return (text == "-0.0" ? "+0.0" : text) + "%";
}

std::string FormatPercent(double fraction) {
  if (!std::isfinite(fraction)) return "n/a";
  return Printf("%.1f", fraction * 100.0) + "%";
}

std::string FormatPValue(double p) {
  if (!std::isfinite(p)) return "n/a";
  if (p >= 0.01) return Printf("%.2f", p);
  if (p >= 0.0001) return Printf("%.4f", p);
  return Printf("%.1e", p);
}

std::string FormatCount(double count) {
  if (!std::isfinite(count)) return "n/a";
  return Printf("%.0f", count);
}

std::string FormatQuantity(double value, double base) {
  if (!std::isfinite(value)) return "n/a";
  if (value == 0) return "0";
  static constexpr const char* kPrefixes[] = {"T", "G", "M", "k"};
  const double magnitude = std::fabs(value);
  for (int i = 0; i < 4; ++i) {
    const double scale = std::pow(base, 4 - i);
    // As for durations: 999.96k rounds to "1.00M", not "1000k".
    if (magnitude >= scale * 0.99995) return ThreeDigits(value / scale) + kPrefixes[i];
  }
  if (magnitude >= 0.99995) return ThreeDigits(value);
  return Printf("%.3g", value);
}

std::optional<double> ParseShare(std::string_view text) {
  const bool percent = !text.empty() && text.back() == '%';
  if (percent) text.remove_suffix(1);
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  const double share = percent ? value / 100.0 : value;
  if (!(share >= 0.0 && share <= 1.0)) return std::nullopt;
  return share;
}

}  // namespace benchgate
