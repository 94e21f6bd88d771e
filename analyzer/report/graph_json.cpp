// The system graph as JSON: vertex ids are the graph's own, so edges refer to them directly.
#include "faultline/graph/verdicts.hpp"
#include "faultline/report/graph_report.hpp"
#include "faultline/report/json_writer.hpp"

namespace faultline::report {
namespace {

void write_vertex(const graph::SystemGraph& g, graph::Vertex v, JsonWriter& json) {
  const auto& d = g[v];
  json.begin_object()
      .member("id", static_cast<std::size_t>(v))
      .member("kind", std::string(graph::to_string(d.kind)))
      .member("label", d.label);
  if (d.kind == graph::VertexKind::workload) {
    json.member("replicas", d.placement->replicas);
    if (d.ready >= 0) json.member("readyReplicas", d.ready);
    json.member("verdict", std::string(graph::verdict_of(d)))
        .member("spof", d.spof.spof);
    if (d.spof.spof) json.member("spofReason", d.spof.reason);
    if (!d.quorum.empty()) json.member("quorum", d.quorum);
  }
  if (d.kind == graph::VertexKind::domain) json.member("key", d.domain_key).member("value", d.domain_value);
  json.end_object();
}

}  // namespace

void write_graph_json(const graph::SystemGraph& g, std::ostream& out) {
  const auto& graph = g.graph();
  JsonWriter json(out);
  json.begin_object();
  json.key("vertices").begin_array();
  for (const auto v : boost::make_iterator_range(boost::vertices(graph))) write_vertex(g, v, json);
  json.end_array();
  json.key("edges").begin_array();
  for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
    json.begin_object()
        .member("from", static_cast<std::size_t>(boost::source(e, graph)))
        .member("to", static_cast<std::size_t>(boost::target(e, graph)))
        .member("kind", std::string(graph::to_string(graph[e].kind)));
    json.key("evidence").strings(graph[e].evidence);
    json.end_object();
  }
  json.end_array();
  json.key("spofs").begin_array();
  for (const auto& [v, radius] : graph::spofs_by_blast_radius(g)) {
    json.begin_object().member("workload", g[v].label).member("reason", g[v].spof.reason);
    json.key("blastRadius").strings(radius);
    json.end_object();
  }
  json.end_array();
  json.key("cycles").begin_array();
  for (const auto& cycle : g.dependency_cycles()) {
    std::vector<std::string> names;
    names.reserve(cycle.size());
    for (const auto v : cycle) names.push_back(g[v].label);
    json.strings(names);
  }
  json.end_array();
  json.end_object();
  out << '\n';
}

}  // namespace faultline::report
