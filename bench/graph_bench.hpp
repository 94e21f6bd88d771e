#pragma once
// The graph benchmark: build the system graph and run `simulate --fail any-node` on a synthetic
// cluster of 5,000 nodes and 20,000 workloads; prints absolute seconds and ratios to a baseline.

namespace faultline::bench {

/// Runs the benchmark and prints one line per measurement to stdout.
void graph_benchmark();

}  // namespace faultline::bench
