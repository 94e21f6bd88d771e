// Placement and graph on a synthetic cluster: 20 workloads per node, nodes in 3 zones and 10
// pools (one pool tainted), workloads pinned to a pool by nodeSelector, a third with required
// hostname anti-affinity, a third with a DoNotSchedule zone spread, one in ten tolerating the
// tainted pool; each calls the Service of the next in its namespace. Only the stage entry points
// are used (place, build_graph), so the same file measures any version of them.
#include "placement_bench.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "faultline/graph/system_graph.hpp"
#include "faultline/inventory/inventory.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::bench {
namespace {

constexpr int kPools = 10, kZones = 3, kWorkloadsPerNode = 20;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

model::Model cluster(int workloads) {
  model::Model m;
  const int nodes = workloads / kWorkloadsPerNode;
  for (int i = 0; i < nodes; ++i) {
    auto& n = m.nodes.emplace_back();
    const std::string name = fmt::format("node-{:05}", i);
    n.meta.ref = {"v1", "Node", "", name};
    n.meta.labels = {{inventory::kHostname, name},
                     {inventory::kZone, fmt::format("zone-{}", i % kZones)},
                     {"pool", fmt::format("pool-{}", i % kPools)}};
    if (i % kPools == 0) n.taints.push_back({"dedicated", "gpu", "NoSchedule"});
    n.ready = true;
  }
  for (int i = 0; i < workloads; ++i) {
    auto& w = m.workloads.emplace_back();
    const std::string name = fmt::format("app-{:06}", i), ns = fmt::format("team-{}", i % 50);
    w.meta.ref = {"apps/v1", "Deployment", ns, name};
    w.replicas = 1 + i % 4;
    w.detail.edit().selector = model::LabelSelector{{{"app", name}}, {}};
    w.pod.labels = {{"app", name}};
    w.pod.detail.edit().node_selector = {{"pool", fmt::format("pool-{}", i % kPools)}};
    if (i % 10 == 0) w.pod.detail.edit().tolerations.push_back({"dedicated", "Equal", "gpu", "NoSchedule", std::nullopt});
    const model::LabelSelector own{{{"app", name}}, {}};
    if (i % 3 == 0) w.pod.detail.edit().pod_anti_affinity.required.push_back({own, {}, std::nullopt, inventory::kHostname, {}, {}});
    if (i % 3 == 1) {
      model::TopologySpreadConstraint c;
      c.topology_key = inventory::kZone;
      c.label_selector = own;
      w.pod.detail.edit().topology_spread.push_back(c);
    }
    model::Container c;
    c.name = "app";
    c.image = "app:1";
    c.env.push_back({"UPSTREAM", fmt::format("http://app-{:06}:8080", i + 50), "", ""});
    w.pod.containers.push_back(std::move(c));
    auto& svc = m.services.emplace_back();
    svc.meta.ref = {"v1", "Service", ns, name};
    svc.selector = model::Labels{{"app", name}};
  }
  m.build_indexes();
  return m;
}

}  // namespace

void placement_benchmark() {
  std::printf("placement + graph: %d workloads per node, %d pools, %d zones\n", kWorkloadsPerNode, kPools, kZones);
  double last = 0;
  int last_n = 0;
  for (const int n : {1000, 2000, 4000, 8000}) {
    const model::Model m = cluster(n);
    auto start = std::chrono::steady_clock::now();
    const auto inv = inventory::build_inventory(m, {});
    const auto placed = placement::place(m, inv);
    const double place = seconds_since(start);
    start = std::chrono::steady_clock::now();
    const auto g = graph::build_graph(m, inv, placed, {});
    const double build = seconds_since(start);
    const double total = place + build;
    std::printf("  %5d workloads, %4zu nodes: place %.3f s, graph %.3f s (%zu edges), peak RSS %.0f MB", n,
                inv.nodes.size(), place, build, g.edge_count(), peak_rss_mb());
    if (last > 0) std::printf(", growth exponent %.2f", std::log(total / last) / std::log(double(n) / last_n));
    std::printf("\n");
    std::fflush(stdout);
    last = total;
    last_n = n;
  }
}

}  // namespace faultline::bench
