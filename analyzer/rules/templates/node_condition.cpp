/// node-condition: a Node reports NotReady, MemoryPressure, DiskPressure or PIDPressure (the
/// conditions of a cluster dump or a --nodes file). The node lifecycle controller taints such a
/// node NoSchedule, so it takes no new pods; NotReady evicts its pods once their not-ready
/// toleration runs out (300 s by default), pressure makes the kubelet evict pods to reclaim the
/// resource. The workloads whose pods run there are listed.
#include <fmt/format.h>

#include "faultline/health/observed_health.hpp"
#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto health = health::observe(in.ctx.model, in.ctx.inventory, in.ctx.placement);
  for (const model::Node* n : in.ctx.inventory.nodes) in.in_scope(n->meta);  // examined, healthy or not
  for (const auto& problem : health.node_problems) {
    const model::Node& node = *problem.node;
    if (!in.rule.scope.contains(node.meta, in.default_kinds)) continue;
    Hit hit{&node.meta, nullptr, {}, {}, {}, {}};
    hit.vars = {{"conditions", fmt::format("{}", fmt::join(problem.conditions, ", "))}, {"pods", std::to_string(problem.pods)}};
    if (problem.conditions.front() == "NotReady") hit.variant = "not-ready";
    if (problem.pods == 0) hit.evidence.emplace_back("no pod of the input is bound to it");
    else
      hit.evidence.push_back(fmt::format("{} pod{} of {} {} on it", problem.pods, problem.pods == 1 ? "" : "s",
                                         placement::list_names(problem.workloads), problem.pods == 1 ? "runs" : "run"));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template node_condition() {
  return {"node-condition",
          "A node reports NotReady, MemoryPressure, DiskPressure or PIDPressure.",
          {},
          {"Node"},
          {"conditions", "pods"},
          evaluate};
}

}  // namespace faultline::rules::templates
