// Questions answered with Boost.Graph algorithms over the dependency edges: blast radius
// (reverse reachability), the SPOFs a workload depends on (forward BFS), cycles (strong components).
#include <algorithm>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <fmt/format.h>

#include "faultline/graph/system_graph.hpp"

namespace faultline::graph {
namespace {

// Keeps only the edges an outage travels along.
struct DependencyEdges {
  const Graph* g = nullptr;
  bool operator()(const Edge& e) const { return is_dependency((*g)[e].kind); }
};

using DependencyGraph = boost::filtered_graph<Graph, DependencyEdges>;

// Records every vertex a search discovers and, for tree edges, its parent.
struct Recorder : boost::default_bfs_visitor {
  std::vector<Vertex>* discovered;
  std::vector<Vertex>* parent;
  template <class G>
  void discover_vertex(Vertex v, const G&) const { discovered->push_back(v); }
  template <class E, class G>
  void tree_edge(const E& e, const G& g) const {
    if (parent != nullptr) (*parent)[boost::target(e, g)] = boost::source(e, g);
  }
};

}  // namespace

// Runs breadth_first_visit from `start`; returns the discovered vertices in BFS order, with
// parents_ filled for them when asked. The colour buffer is kept between searches and only the
// visited entries are reset, so a search costs what it visits, not the size of the graph.
template <class G>
std::vector<Vertex> SystemGraph::search(const G& g, Vertex start, bool with_parents) const {
  colors_.resize(vertex_count(), boost::white_color);
  if (with_parents) parents_.resize(vertex_count());
  std::vector<Vertex> discovered;
  boost::breadth_first_visit(
      g, start,
      boost::visitor(Recorder{{}, &discovered, with_parents ? &parents_ : nullptr})
          .color_map(boost::make_iterator_property_map(colors_.begin(), boost::get(boost::vertex_index, g))));
  for (const Vertex v : discovered) colors_[v] = boost::white_color;
  return discovered;
}


std::vector<std::string> SystemGraph::blast_radius(Vertex v) const {
  const DependencyGraph deps(graph_, DependencyEdges{&graph_});
  const auto reversed = boost::make_reverse_graph(deps);
  std::vector<std::string> names;
  for (const Vertex u : search(reversed, v, false)) {
    if (u != v && graph_[u].kind == VertexKind::workload) names.push_back(graph_[u].label);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<DependencyPath> SystemGraph::spof_dependencies(Vertex v) const {
  const DependencyGraph deps(graph_, DependencyEdges{&graph_});
  std::vector<DependencyPath> paths;
  for (const Vertex u : search(deps, v, true)) {
    if (u == v || graph_[u].kind != VertexKind::workload || !graph_[u].spof.spof) continue;
    DependencyPath path;
    for (Vertex x = u; x != v; x = parents_[x]) path.vertices.push_back(x);
    path.vertices.push_back(v);
    std::reverse(path.vertices.begin(), path.vertices.end());
    paths.push_back(std::move(path));
  }
  std::sort(paths.begin(), paths.end(), [&](const DependencyPath& a, const DependencyPath& b) {
    return graph_[a.vertices.back()].label < graph_[b.vertices.back()].label;
  });
  return paths;
}

std::vector<std::vector<Vertex>> SystemGraph::dependency_cycles() const {
  const DependencyGraph deps(graph_, DependencyEdges{&graph_});
  std::vector<int> component(vertex_count());
  const int count = boost::strong_components(
      deps, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, deps)));
  std::vector<std::vector<Vertex>> members(static_cast<std::size_t>(count));
  for (const Vertex w : workloads_) members[static_cast<std::size_t>(component[w])].push_back(w);
  std::vector<std::vector<Vertex>> cycles;
  for (auto& m : members) {
    if (m.size() < 2) continue;
    std::sort(m.begin(), m.end(), [&](Vertex a, Vertex b) { return graph_[a].label < graph_[b].label; });
    cycles.push_back(std::move(m));
  }
  std::sort(cycles.begin(), cycles.end(), [&](const auto& a, const auto& b) {
    return graph_[a.front()].label < graph_[b.front()].label;
  });
  return cycles;
}

std::string SystemGraph::describe(const DependencyPath& path) const {
  std::string text;
  for (const Vertex v : path.vertices) {
    if (!text.empty()) text += " → ";
    text += graph_[v].label;
  }
  if (!path.vertices.empty()) {
    const auto& last = graph_[path.vertices.back()];
    if (last.spof.spof) text += fmt::format(" ({})", last.spof.reason);
  }
  return text;
}

}  // namespace faultline::graph
