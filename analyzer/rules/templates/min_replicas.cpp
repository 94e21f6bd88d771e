/// min-replicas: a long-running workload whose effective replicas (HPA minReplicas when an HPA
/// targets it) is below `min`. One pod is one restart, eviction or node failure from an outage.
#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    if (replicas >= min) continue;
    Hit hit{&w.meta, &w.pod.annotations, {}, {}, {}, {}};
    const model::Hpa* hpa = in.ctx.model.hpa_for(w);
    const std::string source = hpa ? fmt::format("HorizontalPodAutoscaler {} minReplicas", hpa->meta.ref.name)
                                   : (w.replicas ? "spec.replicas" : "spec.replicas (not set; the API default is 1)");
    hit.vars = {{"replicas", std::to_string(replicas)}, {"min", std::to_string(min)}, {"source", source}};
    hit.evidence.push_back(fmt::format("effective replicas {} from {}", replicas, source));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template min_replicas() {
  return {"min-replicas",
          "A long-running workload runs fewer replicas than `min`.",
          {{"min", "int", "", "fewest effective replicas that pass", true}},
          {"replicated", "Pod"},
          {"min", "replicas", "source"},
          evaluate};
}

}  // namespace faultline::rules::templates
