// A read-only view of contiguous doubles: the input type of every statistic.
//
// std::span is C++20 and the public headers must compile as C++17, so this is
// the minimal subset benchgate needs. It converts implicitly from any
// contiguous container of doubles (std::vector, std::array, std::span, C arrays).
#ifndef BENCHGATE_SAMPLE_VIEW_H_
#define BENCHGATE_SAMPLE_VIEW_H_

#include <cstddef>
#include <type_traits>
#include <utility>

namespace benchgate {

class SampleView {
 public:
  constexpr SampleView() noexcept = default;
  constexpr SampleView(const double* data, std::size_t size) noexcept
      : data_(data), size_(size) {}
  template <std::size_t N>
  constexpr SampleView(const double (&values)[N]) noexcept  // NOLINT: implicit by design
      : data_(values), size_(N) {}
  template <typename Container,
            typename = std::enable_if_t<
                !std::is_same_v<std::decay_t<Container>, SampleView> &&
                std::is_convertible_v<decltype(std::declval<const Container&>().data()),
                                      const double*>>>
  constexpr SampleView(const Container& container) noexcept  // NOLINT: implicit by design
      : data_(container.data()), size_(container.size()) {}

  constexpr const double* data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const double* begin() const noexcept { return data_; }
  constexpr const double* end() const noexcept { return data_ + size_; }
  constexpr double operator[](std::size_t i) const noexcept { return data_[i]; }
  // count values from offset; the caller keeps offset + count <= size().
  constexpr SampleView subspan(std::size_t offset, std::size_t count) const noexcept {
    return SampleView(data_ + offset, count);
  }

 private:
  const double* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace benchgate

#endif  // BENCHGATE_SAMPLE_VIEW_H_
