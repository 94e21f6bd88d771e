/// hpa-bounds: a workload that should be scaled by a HorizontalPodAutoscaler with exactly these
/// minReplicas and maxReplicas; no HPA gives the `no-hpa` variant.
#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min");
  const int max = in.params.get_int("max");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const model::Hpa* hpa = in.ctx.model.hpa_for(w);
    if (hpa && hpa->min_replicas == min && hpa->max_replicas == max) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"min", std::to_string(min)},
                {"max", std::to_string(max)},
                {"replicas", std::to_string(in.ctx.model.effective_replicas(w))},
                {"hpa_min", hpa ? std::to_string(hpa->min_replicas) : "-"},
                {"hpa_max", hpa ? std::to_string(hpa->max_replicas) : "-"}};
    if (hpa) {
      hit.evidence.push_back(fmt::format("HorizontalPodAutoscaler {}: minReplicas {}, maxReplicas {}",
                                         hpa->meta.ref.name, hpa->min_replicas, hpa->max_replicas));
    } else {
      hit.variant = "no-hpa";
      hit.evidence.push_back(fmt::format("no HorizontalPodAutoscaler targets it; {} replica(s)",
                                         in.ctx.model.effective_replicas(w)));
    }
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template hpa_bounds() {
  return {"hpa-bounds",
          "A workload is not autoscaled with the given minReplicas and maxReplicas.",
          {{"min", "int", "", "required HPA minReplicas", true}, {"max", "int", "", "required HPA maxReplicas", true}},
          {"replicated"},
          {"min", "max", "replicas", "hpa_min", "hpa_max"},
          evaluate};
}

}  // namespace faultline::rules::templates
