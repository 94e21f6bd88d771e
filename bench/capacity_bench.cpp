// Synthetic cluster with allocatable: 5,000 nodes (16 CPU, 64Gi, 110 pods; one pool in ten has
// 8 GPUs per node) in 3 zones and 50 pools, 20,000 workloads pinned to a pool (100 eligible nodes
// each) with requests from 100m to 2 CPUs, some with GPUs; the 3-replica ones have one pod per
// node. The placement is built by hand, so the figures are the capacity stage's and the graph's.
#include "capacity_bench.hpp"

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "faultline/capacity/capacity.hpp"
#include "faultline/graph/simulate.hpp"
#include "faultline/graph/system_graph.hpp"

namespace faultline::bench {
namespace {

constexpr int kNodes = 5000, kPools = 50, kZones = 3, kWorkloads = 20000;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Synthetic {
  model::Model model;
  inventory::Inventory inv;
  placement::PlacementResult placement;
  std::vector<std::vector<std::string>> pools;
  std::vector<std::shared_ptr<const placement::NodeSet>> pool_sets;  ///< one shared set per pool, as placement shares them
};

bool gpu_pool(int pool) { return pool % 10 == 0; }

void make_nodes(Synthetic& s) {
  s.pools.resize(kPools);
  for (int i = 0; i < kNodes; ++i) {
    auto& n = s.model.nodes.emplace_back();
    const std::string name = fmt::format("node-{:04}", i);
    n.meta.ref = {"v1", "Node", "", name};
    n.meta.labels = {{inventory::kHostname, name},
                     {inventory::kZone, fmt::format("zone-{}", i % kZones)},
                     {"pool", fmt::format("pool-{}", i % kPools)}};
    n.ready = true;
    n.allocatable_amounts = {{"cpu", 16'000}, {"memory", std::int64_t{64} << 30}, {"pods", 110}};
    if (gpu_pool(i % kPools)) n.allocatable_amounts["nvidia.com/gpu"] = 8;
    s.pools[static_cast<std::size_t>(i % kPools)].push_back(name);
  }
  for (const auto& n : s.model.nodes) s.inv.nodes.push_back(&n);
  s.inv.topology_keys = {inventory::kHostname, inventory::kZone, inventory::kRegion};
}

void make_workloads(Synthetic& s) {
  for (int i = 0; i < kWorkloads; ++i) {
    auto& w = s.model.workloads.emplace_back();
    const std::string name = fmt::format("svc-{:05}", i);
    const int pool = i % kPools;
    w.meta.ref = {"apps/v1", "Deployment", fmt::format("ns-{}", i % 20), name};
    w.replicas = 1 + i % 3;
    w.selector = model::LabelSelector{{{"app", name}}, {}};
    w.pod.labels = {{"app", name}};
    w.pod.node_selector = {{"pool", fmt::format("pool-{}", pool)}};
    model::Container c;
    c.name = "app";
    c.image = "app:1";
    c.requests = {{"cpu", 100 + 100 * (i % 20)}, {"memory", std::int64_t{256} << (20 + i % 5)}};
    if (gpu_pool(pool) && i % 7 == 0) c.requests["nvidia.com/gpu"] = 1;
    w.pod.containers.push_back(std::move(c));
  }
  s.model.build_indexes();
  for (const auto& names : s.pools)
    s.pool_sets.push_back(std::make_shared<const placement::NodeSet>(placement::NodeSet::of(s.inv, names)));
  for (const auto& w : s.model.workloads) {
    placement::WorkloadPlacement p;
    p.workload = &w;
    p.replicas = w.declared_replicas();
    p.eligible = s.pool_sets[std::stoul(w.pod.node_selector.at("pool").substr(5))];
    p.eligible_nodes = static_cast<int>(p.eligible->size());
    const bool spread = p.replicas == 3;
    p.levels.push_back({inventory::kHostname, p.eligible_nodes.value(), spread ? 1 : p.replicas, spread ? 2 : 0,
                        spread ? placement::Verdict::survives : placement::Verdict::does_not_survive, {}, "", spread});
    p.levels.push_back({inventory::kZone, kZones, spread ? 1 : p.replicas, spread ? 2 : 0,
                        spread ? placement::Verdict::survives : placement::Verdict::does_not_survive, {}, "", false});
    s.placement.workloads.push_back(std::move(p));
  }
}

// Baseline: one pass over what capacity reads (every eligible node name and request).
double baseline(const Synthetic& s) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  for (const auto& p : s.placement.workloads) {
    for (const std::uint32_t n : p.eligible->members()) bytes += s.inv.nodes[n]->meta.ref.name.size();
    for (const auto& c : p.workload->pod.containers) bytes += c.requests.size();
  }
  const double t = seconds_since(start);
  std::printf("  (baseline read %zu bytes)\n", bytes);
  return t;
}

}  // namespace

void capacity_benchmark() {
  Synthetic s;
  make_nodes(s);
  make_workloads(s);
  std::printf("capacity: %d nodes (allocatable stated), %d workloads with requests\n", kNodes, kWorkloads);
  const double base = baseline(s);
  const auto g = graph::build_graph(s.model, s.inv, s.placement, {});

  auto start = std::chrono::steady_clock::now();
  const auto cap = capacity::build_capacity(s.inv, s.placement);
  const double build = seconds_since(start);
  std::printf("  build capacity: %.3f s (%zu resources, %zu eligible classes), %.1fx baseline\n", build, cap.resources.size(),
              cap.classes.size(), build / base);

  start = std::chrono::steady_clock::now();
  std::string error;
  const auto sim = graph::simulate(g, {{"zone", "", true}}, error);
  std::vector<std::pair<const placement::WorkloadPlacement*, int>> lost;
  for (const auto& o : sim.outcomes) lost.emplace_back(g[o.workload].placement, o.lost);
  const auto fit = capacity::check_failure(cap, sim.failed_nodes, lost);
  const double any_zone = seconds_since(start);
  std::printf("  simulate --fail any-zone + capacity: %.3f s (%zu zones tried, worst %s: %s, %d pods to move, %d placed)%s, "
              "%.1fx baseline\n",
              any_zone, sim.tried, sim.failed.empty() ? "-" : sim.failed.front().c_str(),
              std::string(capacity::to_string(fit.verdict)).c_str(), fit.pods_to_move, fit.pods_placed,
              error.empty() ? "" : (" error: " + error).c_str(), any_zone / base);

  if (!fit.shortages.empty())
    std::printf("    first shortage: %s %lld > %lld on %s\n", fit.shortages[0].resource.c_str(),
                static_cast<long long>(fit.shortages[0].needed), static_cast<long long>(fit.shortages[0].available),
                fit.shortages[0].scope.c_str());

  start = std::chrono::steady_clock::now();
  const auto losses = capacity::unrecoverable_losses(cap);
  const double every = seconds_since(start);
  std::printf("  capacity-after-loss bounds, every node and zone: %.3f s (%zu workloads short), %.1fx baseline\n", every,
              losses.size(), every / base);
  if (!losses.empty() && !losses[0].shortfalls.empty())
    std::printf("    first: %s, losing %s: %s\n", losses[0].placement->workload->meta.ref.display().c_str(),
                losses[0].shortfalls[0].domain.c_str(), losses[0].shortfalls[0].why.c_str());
}

}  // namespace faultline::bench
