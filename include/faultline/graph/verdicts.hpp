#pragma once
/// The verdicts and the SPOF ranking every view of the graph shows (DOT, JSON, text).
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/graph/system_graph.hpp"

namespace faultline::graph {

/// Colour class of a workload vertex: from its SPOF status and its placement's hostname and zone verdicts.
enum class Shade { spof, node_only, best_effort, survives };
Shade shade_of(const VertexData& workload);

/// A workload's verdict as pictures show it: "spof", "survives-node-only", "best-effort", "survives".
std::string_view verdict_of(const VertexData& workload);

/// SPOF workload vertices, largest blast radius first, then by name, each with its radius.
std::vector<std::pair<Vertex, std::vector<std::string>>> spofs_by_blast_radius(const SystemGraph& graph);

}  // namespace faultline::graph
