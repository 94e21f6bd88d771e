/// pending-replicas: with a node inventory, some replicas can never be placed although some node
/// is eligible: required anti-affinity with more replicas than domains, a DoNotSchedule spread
/// whose key no eligible node carries, minDomains above the domain count, ...
#include <fmt/format.h>

#include "faultline/placement/describe.hpp"
#include "replica_source.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || !in.ctx.inventory.present()) continue;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    if (!p || p->pending == 0 || p->eligible_nodes.value_or(0) == 0) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"pending", std::to_string(p->pending)}, {"replicas", std::to_string(p->replicas)},
                {"reason", p->pending_reason}, {"eligible", std::to_string(*p->eligible_nodes)},
                {"pending_pods", pending_pods(w, p->replicas, p->pending)}};
    hit.evidence.push_back(fmt::format("{} of {} replicas can run on the {} eligible node(s): {}", p->runnable(), p->replicas,
                                       *p->eligible_nodes, placement::list_names(p->eligible->names(in.ctx.inventory))));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template pending_replicas() {
  return {"pending-replicas",
          "With a node inventory, hard scheduling rules leave some replicas Pending for ever.",
          {},
          {"long-running"},
          {"pending", "replicas", "reason", "eligible", "pending_pods"},
          evaluate};
}

}  // namespace faultline::rules::templates
