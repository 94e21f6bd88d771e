// Names of vertex and edge kinds, as the JSON and DOT writers print them.
#include "faultline/graph/system_graph.hpp"

namespace faultline::graph {

std::string_view to_string(VertexKind kind) {
  switch (kind) {
    case VertexKind::workload: return "workload";
    case VertexKind::service: return "service";
    case VertexKind::node: return "node";
    case VertexKind::domain: return "domain";
    case VertexKind::pdb: return "pdb";
    case VertexKind::hpa: return "hpa";
    case VertexKind::webhook: return "webhook";
    case VertexKind::custom_resource: return "custom-resource";
  }
  return "unknown";
}

std::string_view to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::selects: return "selects";
    case EdgeKind::in_domain: return "in-domain";
    case EdgeKind::calls: return "calls";
    case EdgeKind::backed_by: return "backed-by";
    case EdgeKind::governs: return "governs";
    case EdgeKind::expands_to: return "expands-to";
  }
  return "unknown";
}

bool is_dependency(EdgeKind kind) {
  return kind == EdgeKind::calls || kind == EdgeKind::selects || kind == EdgeKind::backed_by;
}

}  // namespace faultline::graph
