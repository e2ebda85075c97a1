// Compiled with -std=c++17: every public header must be usable by a C++17
// consumer. The checks at run time make sure the code is not compiled away.
#include <benchgate/benchgate.h>

#include <cstdio>
#include <vector>

#if __cplusplus != 201703L
#error "this test must be compiled as C++17"
#endif

int main() {
  const std::vector<double> values = {3.0, 1.0, 2.0};
  const benchgate::SampleView view = values;
  if (view.size() != 3 || benchgate::Median(view) != 2.0) {
    std::fputs("public headers: unexpected result\n", stderr);
    return 1;
  }
  return 0;
}
