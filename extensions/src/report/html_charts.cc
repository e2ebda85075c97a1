#include "report/html_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "report/diff_common.h"

namespace benchgate::report_detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kWidth = 440;
constexpr double kLeft = 78;  // room for the row labels
constexpr double kRight = 430;

std::string Px(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// A linear map from the values' range to [kLeft, kRight] (or to a vertical
// pixel range); a range of one value is widened so it maps to the middle.
class Scale {
 public:
  Scale(double lo, double hi, double from, double to) : from_(from), to_(to) {
    if (!(hi > lo)) {
      const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.01;
      lo -= pad;
      hi += pad;
    }
    lo_ = lo;
    hi_ = hi;
  }
  double operator()(double value) const {
    return from_ + (value - lo_) / (hi_ - lo_) * (to_ - from_);
  }
  [[nodiscard]] double lo() const { return lo_; }
  [[nodiscard]] double hi() const { return hi_; }

 private:
  double lo_ = 0, hi_ = 1, from_, to_;
};

void Extend(double value, double& lo, double& hi) {
  if (!std::isfinite(value)) return;
  lo = std::min(lo, value);
  hi = std::max(hi, value);
}

void Extend(const std::vector<double>* values, double& lo, double& hi) {
  if (values == nullptr) return;
  for (const double v : *values) Extend(v, lo, hi);
}

void Dots(std::ostringstream& svg, const std::vector<double>* values, const Scale& x, double y,
          const std::string& color) {
  if (values == nullptr) return;
  svg << "<g fill=\"" << color << "\" fill-opacity=\"0.55\">";
  for (std::size_t i = 0; i < values->size(); ++i) {
    const double v = (*values)[i];
    if (!std::isfinite(v)) continue;
    // Fixed jitter (-4..4 px) by position, so equal values stay visible.
    const double jitter = static_cast<double>((i * 7) % 9) - 4.0;
    svg << "<circle cx=\"" << Px(x(v)) << "\" cy=\"" << Px(y + jitter) << "\" r=\"3\"/>";
  }
  svg << "</g>";
}

void MedianBar(std::ostringstream& svg, double median, const Scale& x, double y, const char* side,
               const RenderOptions& options) {
  const std::string cx = Px(x(median));
  svg << "<line x1=\"" << cx << "\" x2=\"" << cx << "\" y1=\"" << Px(y - 9) << "\" y2=\""
      << Px(y + 9) << "\" stroke=\"#111\" stroke-width=\"2\"><title>" << side << " median "
      << HtmlEscape(FormatValue(median, options)) << "</title></line>";
}

void Label(std::ostringstream& svg, double x, double y, const char* anchor,
           const std::string& text) {
  svg << "<text x=\"" << Px(x) << "\" y=\"" << Px(y) << "\" text-anchor=\"" << anchor << "\">"
      << HtmlEscape(text) << "</text>";
}

std::string Open(double height, const std::string& label) {
  return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Px(kWidth) +
         "\" height=\"" + Px(height) + "\" viewBox=\"0 0 " + Px(kWidth) + " " + Px(height) +
         "\" role=\"img\" aria-label=\"" + label + "\">";
}

// The interval of a series point, or the median alone when the interval is
// missing or does not contain it.
double Lo(const SeriesPoint& p) {
  return p.lo_ns > 0 && p.lo_ns <= p.median_ns ? p.lo_ns : p.median_ns;
}
double Hi(const SeriesPoint& p) { return p.hi_ns >= p.median_ns ? p.hi_ns : p.median_ns; }

}  // namespace

std::string StripPlotSvg(const StripInput& input, const RenderOptions& options) {
  double lo = kInfinity, hi = -kInfinity;
  Extend(input.baseline, lo, hi);
  Extend(input.candidate, lo, hi);
  if (input.has_baseline_median) Extend(input.baseline_median, lo, hi);
  if (input.has_candidate_median) Extend(input.candidate_median, lo, hi);
  if (!(lo <= hi)) return "";
  const Scale x(lo, hi, kLeft, kRight);
  constexpr double kBaseY = 16, kCandY = 42, kHeight = 70;
  std::ostringstream svg;
  svg << Open(kHeight, "samples of both sides");
  svg << "<line x1=\"" << Px(kLeft) << "\" x2=\"" << Px(kRight) << "\" y1=\"58\" y2=\"58\" "
      << "stroke=\"#bbb\"/>";
  Label(svg, 4, kBaseY + 4, "start", "baseline");
  Label(svg, 4, kCandY + 4, "start", "candidate");
  Dots(svg, input.baseline, x, kBaseY, "#777");
  Dots(svg, input.candidate, x, kCandY, input.candidate_color);
  if (input.has_baseline_median)
    MedianBar(svg, input.baseline_median, x, kBaseY, "baseline", options);
  if (input.has_candidate_median) {
    MedianBar(svg, input.candidate_median, x, kCandY, "candidate", options);
  }
  Label(svg, kLeft, 68, "start", FormatValue(x.lo(), options));
  Label(svg, kRight, 68, "end", FormatValue(x.hi(), options));
  svg << "</svg>";
  return svg.str();
}

std::string SeriesSvg(const std::vector<SeriesPoint>& series, const RenderOptions& options) {
  if (series.empty()) return "";
  double lo = kInfinity, hi = -kInfinity;
  for (const SeriesPoint& p : series) {
    lo = std::min(lo, Lo(p));
    hi = std::max(hi, Hi(p));
  }
  constexpr double kTop = 8, kBottom = 100, kHeight = 128;
  const Scale y(lo, hi, kBottom, kTop);
  const double step =
      series.size() > 1 ? (kRight - kLeft) / static_cast<double>(series.size() - 1) : 0;
  const auto x = [&](std::size_t i) {
    return series.size() > 1 ? kLeft + step * static_cast<double>(i) : (kLeft + kRight) / 2;
  };
  std::ostringstream svg;
  svg << Open(kHeight, "median over runs");
  svg << "<polygon fill=\"#4a78c2\" fill-opacity=\"0.18\" points=\"";
  for (std::size_t i = 0; i < series.size(); ++i)
    svg << Px(x(i)) << "," << Px(y(Hi(series[i]))) << " ";
  for (std::size_t i = series.size(); i-- > 0;)
    svg << Px(x(i)) << "," << Px(y(Lo(series[i]))) << " ";
  svg << "\"/><polyline fill=\"none\" stroke=\"#4a78c2\" stroke-width=\"1.5\" points=\"";
  for (std::size_t i = 0; i < series.size(); ++i)
    svg << Px(x(i)) << "," << Px(y(series[i].median_ns)) << " ";
  svg << "\"/>";
  for (std::size_t i = 0; i < series.size(); ++i) {
    const SeriesPoint& p = series[i];
    const std::string cx = Px(x(i)), cy = Px(y(p.median_ns));
    const std::string title = "<title>" + HtmlEscape(p.run) + ": " +
                              HtmlEscape(FormatValue(p.median_ns, options)) +
                              (p.change_point ? " (change point)" : "") + "</title>";
    if (p.change_point) {
      svg << "<line x1=\"" << cx << "\" x2=\"" << cx << "\" y1=\"" << Px(kTop) << "\" y2=\""
          << Px(kBottom) << "\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>"
          << "<circle class=\"change-point\" cx=\"" << cx << "\" cy=\"" << cy
          << "\" r=\"5.5\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\">" << title
          << "</circle>";
    }
    svg << "<circle cx=\"" << cx << "\" cy=\"" << cy << "\" r=\"2.5\" fill=\"#4a78c2\">" << title
        << "</circle>";
  }
  Label(svg, 4, (kTop + kBottom) / 2 + 4, "start", "history");
  Label(svg, kLeft - 4, kTop + 8, "end", FormatValue(y.hi(), options));
  Label(svg, kLeft - 4, kBottom, "end", FormatValue(y.lo(), options));
  Label(svg, kLeft, kHeight - 8, "start", series.front().run);
  if (series.size() > 1) Label(svg, kRight, kHeight - 8, "end", series.back().run);
  svg << "</svg>";
  return svg.str();
}

}  // namespace benchgate::report_detail
