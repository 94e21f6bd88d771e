/// depends-on-spof: a workload that is not itself a SPOF but calls, directly or through other
/// workloads, one that is. Its replicas survive, its function does not. Reads the system graph.
/// One finding per workload: the nearest SPOF in the message, the others listed, and the paths
/// to the nearest few as evidence, so the report grows with the workloads, not with their pairs.
#include <fmt/format.h>

#include "faultline/graph/system_graph.hpp"
#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

/// Paths shown as evidence, nearest first.
constexpr std::size_t kPathsShown = 3;

// The evidence of the first call on the path: why the graph says the workload calls it.
std::string first_call_evidence(const graph::SystemGraph& g, const graph::DependencyPath& path) {
  if (path.vertices.size() < 2) return {};
  const auto [e, found] = boost::edge(path.vertices[0], path.vertices[1], g.graph());
  if (!found || g.graph()[e].evidence.empty()) return {};
  std::string text;
  for (const auto& item : g.graph()[e].evidence) text += (text.empty() ? "" : "; ") + item;
  return text;
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto* g = in.ctx.graph;
  if (g == nullptr) return;
  for (const graph::Vertex v : g->workloads()) {
    const auto& data = (*g)[v];
    if (!in.in_scope(*data.meta) || data.spof.spof) continue;
    const auto deps = g->spof_dependencies(v);
    if (deps.nearest.empty()) continue;
    std::vector<std::string> names;
    for (const auto& path : deps.nearest) names.push_back((*g)[path.vertices.back()].label);
    const auto& nearest = (*g)[deps.nearest.front().vertices.back()];
    const std::string count = deps.more ? fmt::format("more than {}", names.size()) : std::to_string(names.size());
    std::string all = placement::list_names(names, names.size());
    if (deps.more) all += " and more";
    Hit hit{data.meta, &data.workload->pod.detail->annotations, {}, {}, nearest.label, {}};
    hit.vars = {{"spof", nearest.label},
                {"reason", nearest.spof.reason},
                {"path", g->describe(deps.nearest.front())},
                {"count", count},
                {"spofs", all}};
    hit.evidence.push_back(g->describe(deps.nearest.front()));
    if (auto why = first_call_evidence(*g, deps.nearest.front()); !why.empty()) hit.evidence.push_back("calls it because of " + why);
    for (std::size_t i = 1; i < deps.nearest.size() && i < kPathsShown; ++i) hit.evidence.push_back(g->describe(deps.nearest[i]));
    if (names.size() > 1 || deps.more) hit.evidence.push_back(fmt::format("SPOFs it depends on ({}), nearest first: {}", count, all));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template depends_on_spof() {
  return {"depends-on-spof",
          "A workload that is not a SPOF depends, directly or transitively, on one or more that are.",
          {},
          {"long-running"},
          {"spof", "reason", "path", "count", "spofs"},
          evaluate};
}

}  // namespace faultline::rules::templates
