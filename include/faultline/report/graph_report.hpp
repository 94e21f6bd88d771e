#pragma once
/// The system graph (`faultline graph`): a Graphviz picture and a JSON document.
#include <ostream>

#include "faultline/graph/system_graph.hpp"

namespace faultline::report {

/// DOT: nodes grouped by zone in clusters, workloads coloured by verdict (SPOF red with its
/// blast radius, best effort orange, survives a node only yellow, survives green), dependency edges.
void write_graph_dot(const graph::SystemGraph& graph, std::ostream& out);

/// JSON (camelCase keys): vertices with their verdicts, edges with evidence, SPOFs by blast radius, cycles.
void write_graph_json(const graph::SystemGraph& graph, std::ostream& out);

}  // namespace faultline::report
