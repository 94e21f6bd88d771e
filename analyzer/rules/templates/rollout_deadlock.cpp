/// rollout-deadlock: with a node inventory, a Deployment whose rolling update can never finish:
/// required anti-affinity matching old and new pods, every eligible domain already holding an
/// old pod, and maxUnavailable resolving to 0 (the default 25% does below 4 replicas); or a
/// DaemonSet that surges onto nodes where a hostPort or its own anti-affinity forbids a second pod.
/// StatefulSets never surge (an old pod goes before its replacement comes), so none deadlocks here.
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || !in.ctx.inventory.present()) continue;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    if (!p || !p->rollout_deadlock) continue;
    Hit hit{&w.meta, &w.pod.annotations, {}, {}, {}, {}};
    hit.vars = {{"replicas", std::to_string(p->replicas)}, {"reason", p->rollout_reason}};
    hit.evidence.push_back(p->rollout_reason);
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template rollout_deadlock() {
  return {"rollout-deadlock",
          "With a node inventory, a Deployment's or DaemonSet's rolling update can never make progress.",
          {},
          {"Deployment", "DaemonSet"},
          {"replicas", "reason"},
          evaluate};
}

}  // namespace faultline::rules::templates
