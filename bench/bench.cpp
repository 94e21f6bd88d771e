// Benchmark: runs the pipeline on generated inputs and prints ratios against a baseline
// measured in the same invocation. Filled in as stages land.
#include <cstdio>

int main() {
  std::puts("no benchmarks yet");
  return 0;
}
