#include "stats/sequential_signed_rank.h"

#include <algorithm>
#include <cstddef>

#include "stats/signed_rank.h"

namespace benchgate {

double SequentialSignedRankP(SampleView differences, const RepeatedNormalLooks& looks) {
  const std::size_t seen =
      std::min(differences.size(), static_cast<std::size_t>(std::max(looks.last(), 0)));
  double smallest = 1;
  for (std::size_t n = static_cast<std::size_t>(std::max(looks.first(), 1)); n <= seen; ++n) {
    smallest = std::min(smallest, SignedRankTest(differences.subspan(0, n)).p_value);
  }
  return smallest >= 1 ? 1 : looks.RepeatedP(smallest);
}

}  // namespace benchgate
