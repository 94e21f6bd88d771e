/// readiness-probe: a replicated workload behind a Service, updated by a rolling update, whose
/// containers have no readiness probe. A new pod is Ready once its containers run, so the
/// controller counts it available at once and goes on replacing old pods with a broken version.
#include <fmt/format.h>

#include "rollout_impact.hpp"
#include "rollout_templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || w.detail->strategy_type != "RollingUpdate") continue;
    // An operator writes its own probes into the pods it creates; expansions do not model them.
    if (!w.meta.provenance->expanded_from.empty()) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    // A DaemonSet runs one pod per eligible node; without an inventory, on every node of a cluster.
    const bool daemon = w.kind == model::WorkloadKind::DaemonSet;
    const bool counted = !daemon || (p && p->eligible_nodes);
    const int pods = daemon ? (counted ? p->replicas : 2) : replicas;
    if (pods < 2 || w.pod.containers.empty()) continue;
    bool probed = false;
    for (const auto& c : w.pod.containers) probed = probed || c.has_readiness_probe;
    if (probed) continue;
    const auto services = in.ctx.model.services_for(w);
    if (services.empty()) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.evidence.push_back(fmt::format("no container has a readinessProbe; Service {} sends traffic to a pod as soon "
                                       "as its containers start",
                                       services.front()->meta.ref.name));
    const std::string impact = rollout_impact(in.ctx, w, hit.evidence);
    hit.vars = {{"replicas", counted ? std::to_string(pods) : std::string("one pod per node")},
                {"service", services.front()->meta.ref.name},
                {"impact", impact}};
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template readiness_probe() {
  return {"readiness-probe",
          "A replicated workload behind a Service is rolled without a readiness probe.",
          {},
          {"Deployment", "StatefulSet", "DaemonSet"},
          {"replicas", "service", "impact"},
          evaluate};
}

}  // namespace faultline::rules::templates
