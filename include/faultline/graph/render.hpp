#pragma once
/// The graph as a picture (Graphviz DOT) and as data (JSON), byte-for-byte deterministic.
#include <ostream>

#include "faultline/graph/system_graph.hpp"

namespace faultline::graph {

/// DOT: nodes grouped by zone in clusters, workloads coloured by verdict (SPOF red with its
/// blast radius, best effort orange, survives green), dependency and placement edges.
void write_dot(const SystemGraph& graph, std::ostream& out);

/// JSON: {"vertices": [...], "edges": [...], "spofs": [...], "cycles": [...]}.
void write_json(const SystemGraph& graph, std::ostream& out);

}  // namespace faultline::graph
