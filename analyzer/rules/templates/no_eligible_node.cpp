/// no-eligible-node: with a node inventory, a workload (not a DaemonSet, which simply runs on no
/// node) that no node can take. The evidence names each group of nodes and the nodeSelector,
/// node affinity, taint, readiness or volume that excludes it.
#include <fmt/format.h>

#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || !in.ctx.inventory.present()) continue;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    if (!p || w.kind == model::WorkloadKind::DaemonSet || p->replicas == 0 || p->eligible_nodes.value_or(1) > 0) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    const auto groups = placement::describe_exclusions(*p);
    std::string first;
    if (!p->exclusions().empty()) first = p->exclusions().front().reason;
    hit.vars = {{"replicas", std::to_string(p->replicas)}, {"nodes", std::to_string(in.ctx.inventory.nodes.size())},
                {"reason", first}};
    hit.evidence = groups;
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template no_eligible_node() {
  return {"no-eligible-node",
          "With a node inventory, no node can take the workload's pods.",
          {},
          {"long-running"},
          {"replicas", "nodes", "reason"},
          evaluate};
}

}  // namespace faultline::rules::templates
