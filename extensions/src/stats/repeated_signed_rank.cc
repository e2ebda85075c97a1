#include "stats/repeated_signed_rank.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "stats/random.h"
#include "stats/signed_rank.h"

namespace benchgate {
namespace {

// p-values computed two ways (the table below, SignedRankTest's sums) may
// differ in the last bits: comparisons allow for that.
constexpr double kRelativeSlack = 1e-9;

// The exact two-sided p of every rank sum at n (SciPy's: twice the smaller
// tail, 1 at the centre), as SignedRankTest computes it.
std::vector<double> TwoSidedPValues(std::size_t n) {
  const std::vector<double> pmf = SignedRankPmf(n);
  const std::size_t total = pmf.size() - 1;
  std::vector<double> below(pmf.size());  // P(W+ <= w)
  double sum = 0;
  for (std::size_t w = 0; w <= total; ++w) below[w] = sum += pmf[w];
  std::vector<double> p(pmf.size());
  for (std::size_t w = 0; w <= total; ++w) {
    // P(W+ >= w) = P(W+ <= total - w): the distribution is symmetric.
    const double tail = std::min(below[w], below[total - w]);
    p[w] = w == total / 2 ? 1.0 : std::min(1.0, 2 * tail);
  }
  return p;
}

}  // namespace

RepeatedSignedRank::RepeatedSignedRank(std::size_t first, std::size_t last)
    : first_(first), last_(last) {
  std::vector<std::vector<double>> p_of(last + 1);
  for (std::size_t n = first; n <= last; ++n) {
    p_of[n] = TwoSidedPValues(n);
    attainable_.insert(attainable_.end(), p_of[n].begin(), p_of[n].end());
  }
  std::sort(attainable_.begin(), attainable_.end());
  attainable_.erase(std::unique(attainable_.begin(), attainable_.end()), attainable_.end());

  // One path: the n-th difference takes a uniform rank among the first n
  // and a fair sign; positive[i] is the sign of the magnitude of rank i + 1.
  Xoshiro256 random(kSeed);
  std::vector<unsigned char> positive(last);
  minimum_p_.reserve(kPaths);
  for (std::size_t path = 0; path < kPaths; ++path) {
    std::size_t rank_sum = 0;  // W+ of the differences so far
    double minimum = 1;
    for (std::size_t n = 1; n <= last; ++n) {
      const auto at = static_cast<std::size_t>(random.Below(n));  // rank at + 1
      const unsigned char sign = static_cast<unsigned char>(random.Next() >> 63);
      // Every earlier magnitude at or above the new rank moves up by one.
      for (std::size_t i = at; i + 1 < n; ++i) rank_sum += positive[i];
      std::memmove(&positive[at + 1], &positive[at], n - 1 - at);
      positive[at] = sign;
      rank_sum += sign * (at + 1);
      if (n >= first) minimum = std::min(minimum, p_of[n][rank_sum]);
    }
    minimum_p_.push_back(minimum);
  }
  std::sort(minimum_p_.begin(), minimum_p_.end());
}

const RepeatedSignedRank& RepeatedSignedRank::For(std::size_t first, std::size_t last) {
  static std::mutex mutex;
  static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<RepeatedSignedRank>> made;
  first = std::clamp<std::size_t>(first, 1, kMaxLooks);
  last = std::clamp(last, first, kMaxLooks);
  const std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<RepeatedSignedRank>& slot = made[{first, last}];
  if (!slot) slot.reset(new RepeatedSignedRank(first, last));
  return *slot;
}

double RepeatedSignedRank::MinimumCdf(double p) const {
  const auto end = std::upper_bound(minimum_p_.begin(), minimum_p_.end(), p * (1 + kRelativeSlack));
  return static_cast<double>(end - minimum_p_.begin()) / static_cast<double>(minimum_p_.size());
}

double RepeatedSignedRank::NominalLevel(double alpha) const {
  for (auto a = attainable_.rbegin(); a != attainable_.rend(); ++a) {
    if (*a <= alpha && MinimumCdf(*a) <= alpha) return *a;
  }
  return 0;
}

double RepeatedSignedRank::RepeatedP(SampleView differences) const {
  const std::size_t looks = std::min(differences.size(), last_);
  if (looks < first_) return 1;
  double minimum = 1;
  for (std::size_t n = first_; n <= looks; ++n) {
    const SignedRankResult test = SignedRankTest(differences.subspan(0, n));
    if (test.status == StatStatus::kOk) minimum = std::min(minimum, test.p_value);
  }
  return MinimumCdf(minimum);
}

}  // namespace benchgate
