#pragma once
/// The graph as a picture (Graphviz DOT), and the verdicts and SPOF ranking every view shows.
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/graph/system_graph.hpp"

namespace faultline::graph {

/// A workload's verdict as pictures show it: "spof", "survives-node-only", "best-effort", "survives".
std::string_view verdict_of(const VertexData& workload);

/// SPOF workload vertices, largest blast radius first, then by name, each with its radius.
std::vector<std::pair<Vertex, std::vector<std::string>>> spofs_by_blast_radius(const SystemGraph& graph);

/// DOT: nodes grouped by zone in clusters, workloads coloured by verdict (SPOF red with its
/// blast radius, best effort orange, survives a node only yellow, survives green), dependency edges.
void write_dot(const SystemGraph& graph, std::ostream& out);

}  // namespace faultline::graph
