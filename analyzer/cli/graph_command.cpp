// `faultline graph`: the system graph as Graphviz DOT or JSON.
#include "graph_command.hpp"

#include "faultline/graph/render.hpp"
#include "faultline/report/json_writer.hpp"

namespace faultline::cli {
namespace {

constexpr const char* kFooter = R"(Examples:
  faultline graph --nodes nodes.yaml deploy/ | dot -Tsvg -o system.svg
  faultline graph --format json deploy/

DOT groups nodes by zone and colours workloads: red = SPOF (with its blast radius: how many
workloads depend on it), orange = best effort, yellow = survives a node but not a zone,
green = survives. Blue arrows are calls found in env, args, ConfigMaps, annotations and packs.)";

void write_vertex(const graph::SystemGraph& g, graph::Vertex v, report::JsonWriter& json) {
  const auto& d = g[v];
  json.begin_object()
      .member("id", static_cast<std::size_t>(v))
      .member("kind", std::string(graph::to_string(d.kind)))
      .member("label", d.label);
  if (d.kind == graph::VertexKind::workload) {
    json.member("replicas", d.placement->replicas)
        .member("verdict", std::string(graph::verdict_of(d)))
        .member("spof", d.spof.spof);
    if (d.spof.spof) json.member("spof_reason", d.spof.reason);
    if (!d.quorum.empty()) json.member("quorum", d.quorum);
  }
  if (d.kind == graph::VertexKind::domain) json.member("key", d.domain_key).member("value", d.domain_value);
  json.end_object();
}

void write_json(const graph::SystemGraph& g, std::ostream& out) {
  const auto& graph = g.graph();
  report::JsonWriter json(out);
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
    json.key("blast_radius").strings(radius);
    json.end_object();
  }
  json.end_array();
  json.key("cycles").begin_array();
  for (const auto& cycle : g.dependency_cycles()) {
    std::vector<std::string> names;
    for (const auto v : cycle) names.push_back(g[v].label);
    json.strings(names);
  }
  json.end_array();
  json.end_object();
  out << '\n';
}

}  // namespace

void setup_graph(CLI::App& app, GraphOptions& o) {
  add_graph_input_options(app, o.input, {"dot", "json"});
  app.footer(kFooter);
}

ExitCode run_graph(const GraphOptions& o, Environment& env) {
  const auto analysis = analyze_for_graph(o.input, env);
  if (!analysis) return ExitCode::error;
  const bool written = write_result(o.input.output, env, [&](std::ostream& out) {
    if (o.input.format == "json") write_json(*analysis->graph, out);
    else graph::write_dot(*analysis->graph, out);
  });
  return written && !analysis->input_error ? ExitCode::clean : ExitCode::error;
}

}  // namespace faultline::cli
