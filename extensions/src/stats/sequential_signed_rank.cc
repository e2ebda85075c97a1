#include "stats/sequential_signed_rank.h"

#include <algorithm>
#include <cstddef>

#include "stats/burst_rounds.h"
#include "stats/signed_rank.h"

namespace benchgate {

double SequentialSignedRankP(SampleView differences, const RepeatedNormalLooks& looks,
                             double burst_factor) {
  const std::size_t seen =
      std::min(differences.size(), static_cast<std::size_t>(std::max(looks.last(), 0)));
  double smallest = 1;
  for (std::size_t n = static_cast<std::size_t>(std::max(looks.first(), 1)); n <= seen; ++n) {
    const SampleView look = differences.subspan(0, n);
    const double p = burst_factor > 0 ? SignedRankTest(WithoutBursts(look, burst_factor)).p_value
                                      : SignedRankTest(look).p_value;
    smallest = std::min(smallest, p);
  }
  return smallest >= 1 ? 1 : looks.RepeatedP(smallest);
}

}  // namespace benchgate
