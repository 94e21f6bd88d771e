#pragma once
// The synthetic cluster the graph and capacity benchmarks share: 5,000 nodes in 3 zones and 50
// node pools, 20,000 Deployments in 20 namespaces pinned to a pool by nodeSelector (100 eligible
// nodes each), with a placement built by hand so the figures are those of the stages measured.
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::bench {

constexpr int kNodes = 5000, kPools = 50, kZones = 3, kWorkloads = 20000;

struct Synthetic {
  model::Model model;
  inventory::Inventory inv;
  placement::PlacementResult placement;
  std::vector<std::shared_ptr<const placement::NodeSet>> pools;  // one eligible set per pool
};

double seconds_since(std::chrono::steady_clock::time_point start);

/// One node pool in ten has GPUs (when nodes state their allocatable).
bool gpu_pool(int pool);

/// Nodes with hostname, zone and pool labels, node i in pool i % kPools and zone i % kZones;
/// with `allocatable`, 16 CPUs, 64Gi, 110 pods each and 8 GPUs in a GPU pool.
void make_nodes(Synthetic& s, bool allocatable);

/// Deployment i: namespace ns-(i % 20), 1 + i % 3 replicas, label app=<name>, pool i % kPools,
/// one container "app"; `finish` completes the container (and may add objects to the model).
void make_workloads(Synthetic& s, const std::function<void(int i, model::Container& c)>& finish);

/// Places every workload on its pool: the 3-replica ones one per node (required hostname
/// anti-affinity) and at most `spread_in_one_zone` in a zone, the others possibly all on one node.
void place_by_pool(Synthetic& s, int spread_in_one_zone);

}  // namespace faultline::bench
