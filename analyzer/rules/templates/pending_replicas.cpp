/// pending-replicas: with a node inventory, some replicas can never be placed although some node
/// is eligible: required anti-affinity with more replicas than domains, a DoNotSchedule spread
/// whose key no eligible node carries, minDomains above the domain count, ...
#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || !in.ctx.inventory.present()) continue;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    if (!p || p->pending == 0 || p->eligible_nodes.value_or(0) == 0) continue;
    Hit hit{&w.meta, &w.pod.annotations, {}, {}, {}, {}};
    hit.vars = {{"pending", std::to_string(p->pending)}, {"replicas", std::to_string(p->replicas)},
                {"reason", p->pending_reason}, {"eligible", std::to_string(*p->eligible_nodes)}};
    hit.evidence.push_back(fmt::format("{} of {} replicas can run on {} eligible node(s)", p->runnable(), p->replicas,
                                       *p->eligible_nodes));
    hit.evidence.push_back(p->pending_reason);
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template pending_replicas() {
  return {"pending-replicas",
          "With a node inventory, hard scheduling rules leave some replicas Pending for ever.",
          {},
          {"long-running"},
          {"pending", "replicas", "reason", "eligible"},
          evaluate};
}

}  // namespace faultline::rules::templates
