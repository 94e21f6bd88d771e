// Graphviz DOT: nodes in one cluster per zone, workloads coloured by verdict, dependency edges.
#include <map>
#include <vector>

#include <fmt/format.h>

#include "faultline/graph/verdicts.hpp"
#include "faultline/report/graph_report.hpp"
#include "faultline/report/terminal_text.hpp"

namespace faultline::report {

using namespace faultline::graph;

namespace {

// Pinned workloads (few eligible nodes) get their placement edges drawn; others would only clutter.
constexpr std::size_t kMaxDrawnPlacementEdges = 3;

/// A DOT string of label lines: each line's input text has its control characters escaped
/// first, so only the lines written here break a label.
std::string quote(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\\n";
    for (const char c : terminal_text(lines[i])) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out + "\"";
}

std::string quote(const std::string& text) { return quote(std::vector<std::string>{text}); }

std::string id(Vertex v) { return fmt::format("v{}", v); }

struct Style {
  const char* fill;
  const char* border;
};

Style style_of(Shade shade) {
  switch (shade) {
    case Shade::spof: return {"#f4cccc", "#cc0000"};
    case Shade::node_only: return {"#fff2cc", "#bf9000"};
    case Shade::best_effort: return {"#fce5cd", "#e69138"};
    case Shade::survives: return {"#d9ead3", "#38761d"};
  }
  return {"white", "black"};
}

std::vector<std::string> workload_label(const SystemGraph& g, Vertex v, const std::map<Vertex, std::size_t>& radius) {
  const auto& w = g[v];
  std::vector<std::string> label = {w.label};
  if (w.placement != nullptr)
    label.push_back(fmt::format("{} replica{}{}", w.placement->replicas, w.placement->replicas == 1 ? "" : "s",
                                w.ready >= 0 ? fmt::format(", {} Ready", w.ready) : ""));
  if (w.spof.spof) {
    label.push_back("SPOF: " + w.spof.reason);
    label.push_back(fmt::format("blast radius {}", radius.at(v)));
  } else {
    label.emplace_back(verdict_of(w));
  }
  if (!w.quorum.empty()) label.emplace_back("needs a majority");
  return label;
}

void write_vertex(const SystemGraph& g, Vertex v, const std::map<Vertex, std::size_t>& radius, std::ostream& out,
                  const char* indent) {
  const auto& d = g[v];
  switch (d.kind) {
    case VertexKind::workload: {
      const Style s = style_of(shade_of(d));
      out << fmt::format("{}{} [shape=box, style=\"filled,rounded\", fillcolor=\"{}\", color=\"{}\", penwidth={}, label={}];\n",
                         indent, id(v), s.fill, s.border, d.spof.spof ? 2 : 1, quote(workload_label(g, v, radius)));
      break;
    }
    case VertexKind::service:
      out << fmt::format("{}{} [shape=ellipse, label={}];\n", indent, id(v), quote(d.label));
      break;
    case VertexKind::node:
      out << fmt::format("{}{} [shape=box3d, fontsize=9, label={}];\n", indent, id(v), quote(d.domain_value));
      break;
    case VertexKind::webhook:
      out << fmt::format("{}{} [shape=hexagon, label={}];\n", indent, id(v), quote(d.label));
      break;
    case VertexKind::pdb:
    case VertexKind::hpa:
      out << fmt::format("{}{} [shape=note, fontsize=9, label={}];\n", indent, id(v), quote(d.label));
      break;
    case VertexKind::custom_resource:
      out << fmt::format("{}{} [shape=component, label={}];\n", indent, id(v), quote(d.label));
      break;
    case VertexKind::domain:
      break;  // drawn as clusters
  }
}

// Zone of each node ("" when it has none), so nodes can be grouped in clusters.
std::map<std::string, std::vector<Vertex>> nodes_by_zone(const SystemGraph& g) {
  std::map<std::string, std::vector<Vertex>> zones;
  for (const Vertex n : g.nodes()) {
    zones[g.inventory().domain_of(*g[n].node, inventory::kZone).value_or("")].push_back(n);
  }
  return zones;
}

const char* edge_style(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::calls: return "color=\"#1c4587\", penwidth=1.5";
    case EdgeKind::selects: return "style=dashed, color=\"#666666\"";
    case EdgeKind::backed_by: return "color=\"#1c4587\", style=bold";
    case EdgeKind::governs: return "style=dotted, arrowhead=odot, color=\"#999999\"";
    case EdgeKind::expands_to: return "style=dashed, arrowhead=onormal, color=\"#999999\"";
    case EdgeKind::in_domain: return "";
  }
  return "";
}

// Dotted arrows from a pinned workload to its few eligible nodes (from the placement, not edges).
void write_placement_edges(const SystemGraph& g, Vertex v, std::ostream& out) {
  const auto* p = g[v].placement;
  if (p == nullptr || !p->eligible || p->eligible->size() > kMaxDrawnPlacementEdges ||
      p->eligible->size() >= g.nodes().size())
    return;
  for (const auto i : p->eligible->members())
    out << fmt::format("  {} -> {} [style=dotted, color=\"#999999\"];\n", id(v), id(g.nodes()[i]));
}

}  // namespace

void write_graph_dot(const SystemGraph& g, std::ostream& out) {
  std::map<Vertex, std::size_t> radius;
  for (const auto& [v, names] : spofs_by_blast_radius(g)) radius[v] = names.size();
  out << "digraph faultline {\n"
         "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, nodesep=0.25, ranksep=0.6];\n"
         "  node [fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  std::size_t cluster = 0;
  for (const auto& [zone, nodes] : nodes_by_zone(g)) {
    const char* indent = zone.empty() ? "  " : "    ";
    if (!zone.empty()) {
      out << fmt::format("  subgraph cluster_{} {{\n    label={};\n    style=\"rounded,filled\";\n    fillcolor=\"#f3f3f3\";\n",
                         cluster++, quote("zone " + zone));
    }
    for (const Vertex n : nodes) write_vertex(g, n, radius, out, indent);
    if (!zone.empty()) out << "  }\n";
  }
  for (const auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    if (g[v].kind != VertexKind::node) write_vertex(g, v, radius, out, "  ");
  }
  for (const Vertex v : g.workloads()) write_placement_edges(g, v, out);
  const auto& graph = g.graph();
  for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
    if (graph[e].kind == EdgeKind::in_domain) continue;
    out << fmt::format("  {} -> {} [{}];\n", id(boost::source(e, graph)), id(boost::target(e, graph)),
                       edge_style(graph[e].kind));
  }
  out << "}\n";
}

}  // namespace faultline::report
