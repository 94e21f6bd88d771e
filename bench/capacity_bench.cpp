// Synthetic cluster with allocatable: 5,000 nodes (16 CPU, 64Gi, 110 pods; one pool in ten has
// 8 GPUs per node) in 3 zones and 50 pools, 20,000 workloads pinned to a pool (100 eligible nodes
// each) with requests from 100m to 2 CPUs, some with GPUs; the 3-replica ones have one pod per
// node. The placement is built by hand, so the figures are the capacity stage's and the graph's.
#include "capacity_bench.hpp"

#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "faultline/capacity/capacity.hpp"
#include "faultline/capacity/headroom.hpp"
#include "faultline/graph/simulate.hpp"
#include "faultline/graph/system_graph.hpp"
#include "synthetic_cluster.hpp"

namespace faultline::bench {
namespace {

void make_workloads_with_requests(Synthetic& s) {
  make_workloads(s, [](int i, model::Container& c) {
    c.requests = {{"cpu", 100 + 100 * (i % 20)}, {"memory", std::int64_t{256} << (20 + i % 5)}};
    if (gpu_pool(i % kPools) && i % 7 == 0) c.requests["nvidia.com/gpu"] = 1;
  });
  place_by_pool(s, 1);
}

// Baseline: one pass over what capacity reads (every eligible node and request).
double baseline(const Synthetic& s) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  for (const auto& p : s.placement.workloads) {
    for (const std::uint32_t n : p.eligible->members()) bytes += n & 1U;
    for (const auto& c : p.workload->pod.containers) bytes += c.requests.size();
  }
  const double t = seconds_since(start);
  std::printf("  (baseline read %zu bytes)\n", bytes);
  return t;
}

}  // namespace

void capacity_benchmark() {
  Synthetic s;
  make_nodes(s, true);
  make_workloads_with_requests(s);
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

  start = std::chrono::steady_clock::now();
  const auto room = capacity::headroom(cap, s.inv, s.inv.topology_keys);
  const double headroom = seconds_since(start);
  std::printf("  headroom per domain loss (node, zone, region): %.3f s, %.1fx baseline\n", headroom, headroom / base);
  if (room && !room->losses.empty())
    for (const auto& r : room->losses.back().resources)
      std::printf("    worst %s loss, %s: %lld (%s)\n", room->losses.back().key.c_str(), r.resource.c_str(),
                  static_cast<long long>(r.amount), r.worst_domain.c_str());
}

}  // namespace faultline::bench
