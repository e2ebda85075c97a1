#include "stats/normal.h"

#include <boost/math/distributions/normal.hpp>

namespace benchgate {
namespace {

const boost::math::normal& Standard() {
  static const boost::math::normal normal(0.0, 1.0);
  return normal;
}

}  // namespace

double NormalCdf(double z) { return boost::math::cdf(Standard(), z); }

double NormalSf(double z) { return boost::math::cdf(boost::math::complement(Standard(), z)); }

double NormalQuantile(double p) { return boost::math::quantile(Standard(), p); }

}  // namespace benchgate
