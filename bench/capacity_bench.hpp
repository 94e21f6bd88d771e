#pragma once
// The capacity benchmark: `simulate --fail any-zone` with the capacity verdict, and the
// capacity-after-loss bounds for every node and zone, and the headroom per domain loss of the
// coverage report, on 5,000 nodes and 20,000 workloads.

namespace faultline::bench {

/// Runs the benchmark and prints one line per measurement to stdout.
void capacity_benchmark();

}  // namespace faultline::bench
