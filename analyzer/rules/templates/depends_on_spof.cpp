/// depends-on-spof: a workload that is not itself a SPOF but calls, directly or through other
/// workloads, one that is. Its replicas survive, its function does not. Reads the system graph.
#include <fmt/format.h>

#include "faultline/graph/system_graph.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

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
    for (const auto& path : g->spof_dependencies(v)) {
      const auto& spof = (*g)[path.vertices.back()];
      Hit hit{data.meta, &data.workload->pod.annotations, {}, {}, spof.label, {}};
      hit.vars = {{"spof", spof.label}, {"reason", spof.spof.reason}, {"path", g->describe(path)}};
      hit.evidence.push_back(g->describe(path));
      if (auto why = first_call_evidence(*g, path); !why.empty()) hit.evidence.push_back("calls it because of " + why);
      hits.push_back(std::move(hit));
    }
  }
}

}  // namespace

Template depends_on_spof() {
  return {"depends-on-spof",
          "A workload that is not a SPOF depends, directly or transitively, on one that is.",
          {},
          {"long-running"},
          {"spof", "reason", "path"},
          evaluate};
}

}  // namespace faultline::rules::templates
