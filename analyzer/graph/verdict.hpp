#pragma once
// The verdict a picture shows for a workload: SPOF, survives a node but not a zone, best effort, survives.
#include <string_view>

#include "faultline/graph/system_graph.hpp"

namespace faultline::graph {

/// Colour class of a workload vertex.
enum class Shade { spof, node_only, best_effort, survives };

/// Reads the SPOF status and the placement's hostname and zone verdicts.
Shade shade_of(const VertexData& workload);
std::string_view to_string(Shade shade);  ///< "spof", "survives-node-only", "best-effort", "survives"

/// SPOF workload vertices, largest blast radius first, then by name, each with its radius.
std::vector<std::pair<Vertex, std::vector<std::string>>> spofs_by_blast_radius(const SystemGraph& graph);

}  // namespace faultline::graph
