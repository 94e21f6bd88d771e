// Verdict shades and the SPOF ranking shared by the DOT and JSON writers.
#include <algorithm>

#include "faultline/graph/verdicts.hpp"

namespace faultline::graph {

Shade shade_of(const VertexData& w) {
  if (w.spof.spof) return Shade::spof;
  const auto* p = w.placement;
  const auto* host = p ? p->level(inventory::kHostname) : nullptr;
  const auto* zone = p ? p->level(inventory::kZone) : nullptr;
  if (host == nullptr || host->verdict != placement::Verdict::survives) return Shade::best_effort;
  if (zone != nullptr && zone->domains > 1 && zone->verdict != placement::Verdict::survives) return Shade::node_only;
  return Shade::survives;
}

std::string_view verdict_of(const VertexData& workload) {
  switch (shade_of(workload)) {
    case Shade::spof: return "spof";
    case Shade::node_only: return "survives-node-only";
    case Shade::best_effort: return "best-effort";
    case Shade::survives: return "survives";
  }
  return "unknown";
}

std::vector<std::pair<Vertex, std::vector<std::string>>> spofs_by_blast_radius(const SystemGraph& g) {
  std::vector<std::pair<Vertex, std::vector<std::string>>> out;
  for (const Vertex v : g.workloads()) {
    if (g[v].spof.spof) out.emplace_back(v, g.blast_radius(v));
  }
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    if (a.second.size() != b.second.size()) return a.second.size() > b.second.size();
    return g[a.first].label < g[b.first].label;
  });
  return out;
}

}  // namespace faultline::graph
