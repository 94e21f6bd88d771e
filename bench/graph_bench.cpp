// Synthetic system: 5,000 nodes in 3 zones and 50 node pools, 20,000 workloads in 20 namespaces
// pinned to a pool by nodeSelector (100 eligible nodes each), one Service each, in tiers: a tenth
// are data stores (calling nothing), three tenths back ends (calling a data store), the rest
// front ends (calling a back end and a data store), all in their own namespace.
// The placement is built by hand (worst case: all replicas of a pool workload may share a node
// unless it has anti-affinity), so the figures are the graph stage's alone.
#include "graph_bench.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "faultline/graph/simulate.hpp"
#include "faultline/graph/system_graph.hpp"
#include "placement_bench.hpp"
#include "synthetic_cluster.hpp"

namespace faultline::bench {
namespace {

void make_tiered_workloads(Synthetic& s) {
  make_workloads(s, [&s](int i, model::Container& c) {
    const std::string name = fmt::format("svc-{:05}", i);
    // Workload k is in namespace k % 20 and tier (k / 20) % 10; callees keep the caller's namespace.
    const int ns = i % 20, block = i / 200, tier = (i / 20) % 10;
    const auto in_tier = [&](int t) { return (block * 10 + t) * 20 + ns; };
    if (tier >= 1) c.env.push_back({"DB", fmt::format("svc-{:05}.ns-{}.svc.cluster.local:5432", in_tier(0), ns), "", ""});
    if (tier >= 4) c.env.push_back({"UPSTREAM", fmt::format("http://svc-{:05}:8080/api", in_tier(1 + i % 3)), "", ""});
    c.env.push_back({"PASSWORD_KEY", name + "-password", "", ""});
    auto& svc = s.model.services.emplace_back();
    svc.meta.ref = {"v1", "Service", fmt::format("ns-{}", ns), name};
    svc.selector = model::Labels{{"app", name}};
  });
  place_by_pool(s, 2);
}

// Baseline: one linear pass reading every string the graph stage reads (env values, eligible
// node names), so the ratios say how many "reads of the input" each step costs.
double baseline(const Synthetic& s) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  for (const auto& w : s.model.workloads) {
    for (const auto& c : w.pod.containers) {
      for (const auto& e : c.env) bytes += e.value.size() + static_cast<std::size_t>(e.value.find(':') != std::string::npos);
    }
  }
  for (const auto& p : s.placement.workloads) bytes += p.eligible->size();
  const double t = seconds_since(start);
  std::printf("  (baseline read %zu bytes)\n", bytes);
  return t;
}

// Dependency rings: `workloads` Deployments in rings of kRing, each calling the next one's
// Service; one in 100 runs a single replica (a SPOF), so every ring member depends on a SPOF
// and every SPOF's blast radius is its whole ring.
constexpr int kRing = 10'000;

struct Rings {
  model::Model model;
  inventory::Inventory inv;
  placement::PlacementResult placement;
};

void make_rings(Rings& r, int workloads) {
  for (int i = 0; i < workloads; ++i) {
    const int ring = i / kRing, next = ring * kRing + (i % kRing + 1) % kRing;
    auto& w = r.model.workloads.emplace_back();
    const std::string name = fmt::format("ring-{:06}", i);
    w.meta.ref = {"apps/v1", "Deployment", fmt::format("ns-{}", ring), name};
    w.replicas = i % 100 == 0 ? 1 : 2;
    w.detail.edit().selector = model::LabelSelector{{{"app", name}}, {}};
    w.pod.labels = {{"app", name}};
    model::Container c;
    c.name = "app";
    c.image = "app:1";
    c.env.push_back({"NEXT", fmt::format("http://ring-{:06}:8080", next), "", ""});
    w.pod.containers.push_back(std::move(c));
    auto& svc = r.model.services.emplace_back();
    svc.meta.ref = {"v1", "Service", w.meta.ref.ns, name};
    svc.selector = model::Labels{{"app", name}};
  }
  r.model.build_indexes();
  r.inv.topology_keys = {inventory::kHostname, inventory::kZone, inventory::kRegion};
  for (const auto& w : r.model.workloads) {
    placement::WorkloadPlacement p;
    p.workload = &w;
    p.replicas = w.declared_replicas();
    r.placement.workloads.push_back(std::move(p));
  }
}

/// Graph build (with its dependency index), cycles, every SPOF's blast radius and every
/// workload's SPOF dependencies (what depends-on-spof reads), at growing sizes.
void ring_benchmark() {
  std::printf("dependency rings of %d workloads\n", kRing);
  double last = 0;
  int last_n = 0;
  for (const int n : {25'000, 50'000, 100'000}) {
    Rings r;
    make_rings(r, n);
    auto start = std::chrono::steady_clock::now();
    const auto g = graph::build_graph(r.model, r.inv, r.placement, {});
    const double build = seconds_since(start);
    start = std::chrono::steady_clock::now();
    const auto cycles = g.dependency_cycles();
    std::size_t radius = 0, paths = 0;
    for (const auto v : g.workloads()) {
      if (g[v].spof.spof) radius += g.blast_radius_vertices(v).size();
      else paths += g.spof_dependencies(v).nearest.size();
    }
    const double queries = seconds_since(start);
    const double total = build + queries;
    std::printf("  %6d workloads: build %.3f s (%zu edges), cycles + blast radius + SPOF paths %.3f s (%zu cycles, "
                "%zu radius names, %zu paths)", n, build, g.edge_count(), queries, cycles.size(), radius, paths);
    if (last > 0) std::printf(", growth exponent %.2f", std::log(total / last) / std::log(double(n) / last_n));
    std::printf("\n");
    std::fflush(stdout);
    last = total;
    last_n = n;
  }
}

}  // namespace

void graph_benchmark() {
  Synthetic s;
  make_nodes(s, false);
  make_tiered_workloads(s);
  std::printf("graph: %d nodes, %d workloads, %d Services\n", kNodes, kWorkloads, kWorkloads);
  const double base = baseline(s);

  auto start = std::chrono::steady_clock::now();
  const auto g = graph::build_graph(s.model, s.inv, s.placement, {});
  const double build = seconds_since(start);
  std::printf("  build: %.3f s (%zu vertices, %zu edges), %.1fx baseline\n", build, g.vertex_count(), g.edge_count(),
              build / base);

  start = std::chrono::steady_clock::now();
  std::size_t radius = 0;
  for (const auto v : g.workloads()) {
    if (g[v].spof.spof) radius += g.blast_radius_vertices(v).size();
  }
  const double blast = seconds_since(start);
  std::printf("  blast radius of every SPOF: %.3f s (%zu names), %.1fx baseline\n", blast, radius, blast / base);

  start = std::chrono::steady_clock::now();
  std::string error;
  const auto sim = graph::simulate(g, {{"node", "", true}}, error);
  const double any_node = seconds_since(start);
  std::printf("  simulate --fail any-node: %.3f s (%zu nodes tried, worst %s: %zu outages)%s, %.1fx baseline\n",
              any_node, sim.tried, sim.failed_nodes.empty() ? "-" : sim.failed_nodes.front().c_str(), sim.outages(),
              error.empty() ? "" : (" error: " + error).c_str(), any_node / base);
  std::printf("  build + any-node: %.3f s\n", build + any_node);
  std::fflush(stdout);
  ring_benchmark();
  placement_benchmark();
}

}  // namespace faultline::bench
