/// rollout-deadlock: a rolling update that can never finish. With a node inventory, a Deployment
/// whose required anti-affinity matches old and new pods while every eligible domain already holds
/// an old pod and maxUnavailable resolves to 0 (the default 25% does below 4 replicas). On any
/// cluster, a DaemonSet that surges onto nodes where a hostPort or its own anti-affinity forbids a
/// second pod, and (variant `partition`) a StatefulSet whose partition leaves no ordinal to update.
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    if (!p || !p->rollout_deadlock) continue;
    const std::string variant = w.kind == model::WorkloadKind::StatefulSet ? "partition" : "";
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, variant};
    hit.vars = {{"replicas", std::to_string(p->replicas)}, {"reason", p->rollout_reason}};
    hit.evidence.push_back(p->rollout_reason);
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template rollout_deadlock() {
  return {"rollout-deadlock",
          "A rolling update can never make progress (a Deployment's with a node inventory; a DaemonSet's or a "
          "StatefulSet's on any cluster).",
          {},
          {"Deployment", "StatefulSet", "DaemonSet"},
          {"replicas", "reason"},
          evaluate};
}

}  // namespace faultline::rules::templates
