#pragma once
// The placement benchmark: a cluster-dump-like model built in memory (Deployments with node
// selectors, tolerations, anti-affinity and spread constraints on nodes in pools and zones), run
// through inventory, placement and graph at growing sizes; prints time, growth and graph size.

namespace faultline::bench {

/// Runs the benchmark at 1,000 to 8,000 workloads (one node per 20) and prints one line per size.
void placement_benchmark();

}  // namespace faultline::bench
