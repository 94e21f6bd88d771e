/// dependency-cycle: workloads that call each other in a cycle (strong components of the
/// dependency graph), reported once per cycle on its first member by name.
#include <set>

#include "faultline/graph/system_graph.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto* g = in.ctx.graph;
  if (g == nullptr) return;
  std::set<graph::Vertex> in_scope;
  for (const graph::Vertex v : g->workloads()) {
    if (in.in_scope(*(*g)[v].meta)) in_scope.insert(v);
  }
  for (const auto& cycle : g->dependency_cycles()) {
    const auto& first = (*g)[cycle.front()];
    if (!in_scope.count(cycle.front())) continue;
    std::string members, others;
    for (const graph::Vertex v : cycle) {
      members += (members.empty() ? "" : ", ") + (*g)[v].label;
      if (v != cycle.front()) others += (others.empty() ? "" : ", ") + (*g)[v].label;
    }
    Hit hit{first.meta, &first.workload->pod.detail->annotations, {}, {}, members, {}};
    hit.vars = {{"others", others}, {"members", members}, {"count", std::to_string(cycle.size())}};
    hit.evidence.push_back("cycle members: " + members);
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template dependency_cycle() {
  return {"dependency-cycle", "Workloads that depend on each other in a cycle.", {}, {"long-running"},
          {"others", "members", "count"}, evaluate};
}

}  // namespace faultline::rules::templates
