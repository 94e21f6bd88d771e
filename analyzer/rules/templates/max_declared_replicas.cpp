/// max-declared-replicas: spec.replicas set directly above `max` on a workload that must not be
/// scaled that way (its chart scales it through an autoscaler, or it cannot run replicas safely).
/// A workload an HPA targets is left alone: its replicas come from the autoscaler.
#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int max = in.params.get_int("max");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    if (!w.replicas || *w.replicas <= max || in.ctx.model.hpa_for(w)) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"replicas", std::to_string(*w.replicas)}, {"max", std::to_string(max)}};
    hit.evidence.push_back(fmt::format("spec.replicas {} and no HorizontalPodAutoscaler targets it", *w.replicas));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template max_declared_replicas() {
  return {"max-declared-replicas",
          "spec.replicas is set above `max` directly, without an autoscaler.",
          {{"max", "int", "1", "largest spec.replicas allowed without an HPA", false}},
          {"replicated"},
          {"replicas", "max"},
          evaluate};
}

}  // namespace faultline::rules::templates
