/// observed-images: in a cluster dump, the live pods of one workload run different images (a
/// rollout stuck half way, or a pod left from an old version); the counts per image are listed.
#include <fmt/format.h>

#include "faultline/health/observed_health.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto health = health::observe(in.ctx.model, in.ctx.inventory, in.ctx.placement);
  for (const auto& p : in.ctx.placement.workloads) in.in_scope(p.workload->meta);  // examined, with or without status
  for (const auto& h : health.workloads) {
    const model::Workload& w = *h.placement->workload;
    if (!in.rule.scope.contains(w.meta, in.default_kinds) || h.images.size() < 2) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"versions", std::to_string(h.images.size())}, {"pods", std::to_string(h.pods)}};
    for (const auto& [images, count] : h.images) hit.evidence.push_back(fmt::format("{} pod(s) run {}", count, images));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template observed_images() {
  return {"observed-images",
          "In a cluster dump, the pods of one workload run different images.",
          {},
          {"long-running"},
          {"versions", "pods"},
          evaluate};
}

}  // namespace faultline::rules::templates
