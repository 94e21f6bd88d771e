/// observed-ready: in a cluster dump with Pod status, a workload whose spec asks for more than
/// `max_ready` replicas has at most `max_ready` Ready: a single point of failure now, whatever
/// the spec says. The pods that are not Ready are listed with their reasons.
#include <fmt/format.h>

#include "faultline/health/observed_health.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

constexpr std::size_t kListedPods = 10;

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int max_ready = in.params.get_int("max_ready");
  const auto health = health::observe(in.ctx.model, in.ctx.inventory, in.ctx.placement);
  for (const auto& p : in.ctx.placement.workloads) in.in_scope(p.workload->meta);  // examined, with or without status
  for (const auto& h : health.workloads) {
    const model::Workload& w = *h.placement->workload;
    if (!in.rule.scope.contains(w.meta, in.default_kinds) || h.wanted <= max_ready || h.ready > max_ready) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"ready", std::to_string(h.ready)}, {"wanted", std::to_string(h.wanted)}, {"pods", std::to_string(h.pods)}};
    for (std::size_t i = 0; i < h.unhealthy.size() && i < kListedPods; ++i)
      hit.evidence.push_back(fmt::format("pod {}: {}", h.unhealthy[i].name, h.unhealthy[i].reason));
    if (h.unhealthy.size() > kListedPods) hit.evidence.push_back(fmt::format("and {} more pods not Ready", h.unhealthy.size() - kListedPods));
    if (h.pods < h.wanted) hit.evidence.push_back(fmt::format("{} of {} wanted pods exist in the dump", h.pods, h.wanted));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template observed_ready() {
  return {"observed-ready",
          "In a cluster dump, a workload that asks for several replicas has at most a few Ready.",
          {{"max_ready", "int", "1", "workloads with more Ready pods than this pass", false}},
          {"long-running"},
          {"ready", "wanted", "pods"},
          evaluate};
}

}  // namespace faultline::rules::templates
