// Blast radius on findings: one reverse-reachability search per SPOF that has a finding.
#include <map>
#include <unordered_map>

#include "blast_radius.hpp"

namespace faultline::pipeline {

void attach_blast_radius(const graph::SystemGraph& g, rules::Findings& findings) {
  std::unordered_map<std::string, graph::Vertex> spofs;
  for (const graph::Vertex v : g.workloads()) {
    if (g[v].spof.spof) spofs.emplace(g[v].label, v);
  }
  std::map<graph::Vertex, std::vector<std::string>> cache;
  for (auto& f : findings) {
    const auto it = spofs.find(f.object.display());
    if (it == spofs.end()) continue;
    auto [entry, added] = cache.try_emplace(it->second);
    if (added) entry->second = g.blast_radius(it->second);
    f.blast_radius = entry->second;
  }
}

}  // namespace faultline::pipeline
