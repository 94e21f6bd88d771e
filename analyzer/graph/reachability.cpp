// Questions about the dependency edges, answered from one index built with the graph: strong
// components (cycles), the nearest SPOFs of every vertex from a single multi-source
// breadth-first search, so the whole index costs O(kNearestSpofs × (V + E)), and blast radius
// by a cascade per asked vertex that touches only what goes down. Both follow the Service
// semantics of `simulate`: a Service is down only when every workload it selects is.
#include <algorithm>
#include <deque>
#include <unordered_map>

#include <boost/graph/filtered_graph.hpp>
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

// A vertex keeps one label more than it reports, so `more` is known, plus one for itself.
constexpr std::size_t kLabels = kNearestSpofs + 2;

}  // namespace

void SystemGraph::index_dependencies() {
  const Graph& g = *graph_;
  const std::size_t n = vertex_count();
  const boost::filtered_graph<Graph, DependencyEdges> deps(g, DependencyEdges{&g});
  component_.assign(n, 0);
  const auto count = static_cast<std::size_t>(boost::strong_components(
      deps, boost::make_iterator_property_map(component_.begin(), boost::get(boost::vertex_index, deps))));
  component_workloads_.assign(count, {});
  for (const Vertex w : workloads_) component_workloads_[component_[w]].push_back(w);
  backends_.assign(n, 0);
  for (const Vertex s : services_)
    for (const auto e : boost::make_iterator_range(boost::out_edges(s, g)))
      if (g[e].kind == EdgeKind::selects) ++backends_[s];
  down_backends_.assign(n, 0);
  std::vector<Vertex> by_label(n);
  for (std::size_t i = 0; i < n; ++i) by_label[i] = static_cast<Vertex>(i);
  std::sort(by_label.begin(), by_label.end(), [&](Vertex a, Vertex b) { return g[a].label < g[b].label; });
  label_rank_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) label_rank_[by_label[i]] = static_cast<std::uint32_t>(i);

  // Breadth-first from every SPOF at once along reversed dependency edges: a vertex accepts a
  // SPOF the first time it is reached from it (the fewest hops) until it holds kLabels. A label
  // is passed on only when accepted, so each vertex on a label's path holds that label too.
  // A Service accepts a SPOF only once every backend has passed it on (then every backend goes
  // down with it); a backend that holds no room for it keeps the Service from it, so a full
  // label list can hide a dependency but never invent one.
  struct Item {
    Vertex at, spof, via;
    std::uint32_t hops;
  };
  std::vector<Vertex> spofs;
  for (const Vertex w : workloads_)
    if (g[w].spof.spof) spofs.push_back(w);
  for (const Vertex s : services_)
    if (g[s].spof.spof) spofs.push_back(s);
  std::sort(spofs.begin(), spofs.end(), [&](Vertex a, Vertex b) { return g[a].label < g[b].label; });
  std::deque<Item> queue;
  for (const Vertex s : spofs) queue.push_back({s, s, s, 0});
  nearest_.assign(n, {});
  std::unordered_map<std::uint64_t, std::size_t> arrivals;  // Service × SPOF → backends holding it
  while (!queue.empty()) {
    const Item item = queue.front();
    queue.pop_front();
    if (g[item.at].kind == VertexKind::service && item.spof != item.at &&
        ++arrivals[static_cast<std::uint64_t>(item.at) * n + item.spof] < backends_[item.at])
      continue;
    auto& labels = nearest_[item.at];
    if (labels.size() >= kLabels) continue;
    if (std::any_of(labels.begin(), labels.end(), [&](const SpofLabel& l) { return l.spof == item.spof; })) continue;
    labels.push_back({item.spof, item.via, item.hops});
    for (const auto e : boost::make_iterator_range(boost::in_edges(item.at, deps)))
      queue.push_back({boost::source(e, g), item.spof, item.at, item.hops + 1});
  }
}

std::vector<Vertex> SystemGraph::blast_radius_vertices(Vertex v) const {
  const Graph& g = *graph_;
  std::vector<Vertex> radius;
  // down_backends_ counts, per Service, its backends down so far; any other vertex reached is
  // marked 1. Only touched entries are reset, so a cascade costs what it reaches.
  std::vector<Vertex> work{v}, touched{v};
  down_backends_[v] = 1;
  while (!work.empty()) {
    const Vertex x = work.back();
    work.pop_back();
    if (x != v && g[x].kind == VertexKind::workload) radius.push_back(x);
    for (const auto e : boost::make_iterator_range(boost::in_edges(x, g))) {
      if (!is_dependency(g[e].kind)) continue;
      const Vertex from = boost::source(e, g);
      if (g[from].kind == VertexKind::service) {
        if (down_backends_[from]++ == 0) touched.push_back(from);
        if (down_backends_[from] == backends_[from]) work.push_back(from);
      } else if (down_backends_[from] == 0) {
        down_backends_[from] = 1;
        touched.push_back(from);
        work.push_back(from);
      }
    }
  }
  for (const Vertex x : touched) down_backends_[x] = 0;
  std::sort(radius.begin(), radius.end(), [&](Vertex a, Vertex b) { return label_rank_[a] < label_rank_[b]; });
  return radius;
}

std::vector<std::string> SystemGraph::blast_radius(Vertex v) const {
  const Graph& g = *graph_;
  std::vector<std::string> names;
  for (const Vertex x : blast_radius_vertices(v)) names.push_back(g[x].label);
  return names;
}

SpofDependencies SystemGraph::spof_dependencies(Vertex v) const {
  const Graph& g = *graph_;
  std::vector<SpofLabel> labels;
  for (const SpofLabel& l : nearest_[v])
    if (l.spof != v) labels.push_back(l);
  std::sort(labels.begin(), labels.end(), [&](const SpofLabel& a, const SpofLabel& b) {
    if (a.hops != b.hops) return a.hops < b.hops;
    return g[a.spof].label < g[b.spof].label;
  });
  SpofDependencies out;
  out.more = labels.size() > kNearestSpofs;
  if (out.more) labels.resize(kNearestSpofs);
  for (const SpofLabel& l : labels) {
    DependencyPath path{{v}};
    for (Vertex x = v; x != l.spof;) {
      const auto& at = nearest_[x];
      x = std::find_if(at.begin(), at.end(), [&](const SpofLabel& y) { return y.spof == l.spof; })->via;
      path.vertices.push_back(x);
    }
    out.nearest.push_back(std::move(path));
  }
  return out;
}

std::vector<std::vector<Vertex>> SystemGraph::dependency_cycles() const {
  const Graph& g = *graph_;
  std::vector<std::vector<Vertex>> cycles;
  for (const auto& members : component_workloads_) {
    if (members.size() < 2) continue;
    auto& m = cycles.emplace_back(members);
    std::sort(m.begin(), m.end(), [&](Vertex a, Vertex b) { return g[a].label < g[b].label; });
  }
  std::sort(cycles.begin(), cycles.end(), [&](const auto& a, const auto& b) {
    return g[a.front()].label < g[b.front()].label;
  });
  return cycles;
}

std::string SystemGraph::describe(const DependencyPath& path) const {
  std::string text;
  for (const Vertex v : path.vertices) {
    if (!text.empty()) text += " → ";
    text += (*graph_)[v].label;
  }
  if (!path.vertices.empty()) {
    const auto& last = (*graph_)[path.vertices.back()];
    if (last.spof.spof) text += fmt::format(" ({})", last.spof.reason);
  }
  return text;
}

}  // namespace faultline::graph
