#include "synthetic_cluster.hpp"

#include <string>

#include <fmt/format.h>

namespace faultline::bench {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool gpu_pool(int pool) { return pool % 10 == 0; }

void make_nodes(Synthetic& s, bool allocatable) {
  std::vector<placement::NodeSet> pools(kPools, placement::NodeSet(kNodes));
  for (int i = 0; i < kNodes; ++i) {
    auto& n = s.model.nodes.emplace_back();
    const std::string name = fmt::format("node-{:04}", i);
    n.meta.ref = {"v1", "Node", "", name};
    n.meta.labels = {{inventory::kHostname, name},
                     {inventory::kZone, fmt::format("zone-{}", i % kZones)},
                     {"pool", fmt::format("pool-{}", i % kPools)}};
    n.ready = true;
    if (allocatable) {
      n.allocatable_amounts = {{"cpu", 16'000}, {"memory", std::int64_t{64} << 30}, {"pods", 110}};
      if (gpu_pool(i % kPools)) n.allocatable_amounts["nvidia.com/gpu"] = 8;
    }
    pools[static_cast<std::size_t>(i % kPools)].add(static_cast<std::size_t>(i));
  }
  for (auto& pool : pools) s.pools.push_back(std::make_shared<const placement::NodeSet>(std::move(pool)));
  for (const auto& n : s.model.nodes) s.inv.nodes.push_back(&n);
  s.inv.topology_keys = {inventory::kHostname, inventory::kZone, inventory::kRegion};
}

void make_workloads(Synthetic& s, const std::function<void(int i, model::Container& c)>& finish) {
  for (int i = 0; i < kWorkloads; ++i) {
    auto& w = s.model.workloads.emplace_back();
    const std::string name = fmt::format("svc-{:05}", i);
    w.meta.ref = {"apps/v1", "Deployment", fmt::format("ns-{}", i % 20), name};
    w.replicas = 1 + i % 3;
    w.detail.edit().selector = model::LabelSelector{{{"app", name}}, {}};
    w.pod.labels = {{"app", name}};
    w.pod.detail.edit().node_selector = {{"pool", fmt::format("pool-{}", i % kPools)}};
    model::Container c;
    c.name = "app";
    c.image = "app:1";
    finish(i, c);
    w.pod.containers.push_back(std::move(c));
  }
  s.model.build_indexes();
}

void place_by_pool(Synthetic& s, int spread_in_one_zone) {
  for (const auto& w : s.model.workloads) {
    placement::WorkloadPlacement p;
    p.workload = &w;
    p.replicas = w.declared_replicas();
    p.eligible = s.pools[std::stoul(w.pod.detail->node_selector.at("pool").substr(5))];
    p.eligible_nodes = static_cast<int>(p.eligible->size());
    const bool spread = p.replicas == 3;
    const auto verdict = spread ? placement::Verdict::survives : placement::Verdict::does_not_survive;
    p.levels.push_back({inventory::kHostname, p.eligible_nodes.value(), spread ? 1 : p.replicas, spread ? 2 : 0, verdict, {}, "", spread});
    p.levels.push_back({inventory::kZone, kZones, spread ? spread_in_one_zone : p.replicas, spread ? 3 - spread_in_one_zone : 0,
                        verdict, {}, "", false});
    s.placement.workloads.push_back(std::move(p));
  }
}

}  // namespace faultline::bench
