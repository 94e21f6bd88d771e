// The graph as JSON: vertices, edges with evidence, SPOFs by blast radius, cycles.
#include <fmt/format.h>

#include "faultline/graph/render.hpp"
#include "json_text.hpp"
#include "verdict.hpp"

namespace faultline::graph {
namespace {

std::string str(const std::string& text) { return json_string(text); }

std::string list(const std::vector<std::string>& items) { return json_list(items); }

void write_vertex(const SystemGraph& g, Vertex v, std::ostream& out) {
  const auto& d = g[v];
  out << fmt::format("    {{\"id\": {}, \"kind\": {}, \"label\": {}", v, str(std::string(to_string(d.kind))), str(d.label));
  if (d.kind == VertexKind::workload) {
    out << fmt::format(", \"replicas\": {}, \"verdict\": {}, \"spof\": {}", d.placement->replicas,
                       str(std::string(to_string(shade_of(d)))), d.spof.spof ? "true" : "false");
    if (d.spof.spof) out << ", \"spof_reason\": " << str(d.spof.reason);
    if (!d.quorum.empty()) out << ", \"quorum\": " << str(d.quorum);
  }
  if (d.kind == VertexKind::domain) out << ", \"key\": " << str(d.domain_key) << ", \"value\": " << str(d.domain_value);
  out << "}";
}

}  // namespace

void write_json(const SystemGraph& g, std::ostream& out) {
  const auto& graph = g.graph();
  out << "{\n  \"vertices\": [\n";
  bool first = true;
  for (const auto v : boost::make_iterator_range(boost::vertices(graph))) {
    out << (first ? "" : ",\n");
    first = false;
    write_vertex(g, v, out);
  }
  out << "\n  ],\n  \"edges\": [\n";
  first = true;
  for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
    out << (first ? "" : ",\n");
    first = false;
    out << fmt::format("    {{\"from\": {}, \"to\": {}, \"kind\": {}, \"evidence\": {}}}", boost::source(e, graph),
                       boost::target(e, graph), str(std::string(to_string(graph[e].kind))), list(graph[e].evidence));
  }
  out << "\n  ],\n  \"spofs\": [\n";
  first = true;
  for (const auto& [v, radius] : spofs_by_blast_radius(g)) {
    out << (first ? "" : ",\n");
    first = false;
    out << fmt::format("    {{\"workload\": {}, \"reason\": {}, \"blast_radius\": {}}}", str(g[v].label),
                       str(g[v].spof.reason), list(radius));
  }
  out << "\n  ],\n  \"cycles\": [\n";
  first = true;
  for (const auto& cycle : g.dependency_cycles()) {
    std::vector<std::string> names;
    for (const Vertex v : cycle) names.push_back(g[v].label);
    out << (first ? "" : ",\n") << "    " << list(names);
    first = false;
  }
  out << "\n  ]\n}\n";
}

}  // namespace faultline::graph
