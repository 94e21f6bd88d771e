// Benchmark: runs the pipeline on generated inputs and prints ratios against a baseline
// measured in the same invocation. Filled in as stages land.
#include "graph_bench.hpp"

int main() {
  faultline::bench::graph_benchmark();
  return 0;
}
