// The standard normal distribution, through Boost.Math (accurate far into
// the tails, where p-values of large suites live).
#ifndef BENCHGATE_STATS_NORMAL_H_
#define BENCHGATE_STATS_NORMAL_H_

namespace benchgate {

double NormalCdf(double z);
double NormalSf(double z);        // 1 - cdf, without cancellation
double NormalQuantile(double p);  // p in (0, 1)

}  // namespace benchgate

#endif  // BENCHGATE_STATS_NORMAL_H_
