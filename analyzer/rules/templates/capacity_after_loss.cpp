/// capacity-after-loss: with nodes that state allocatable, the workloads whose pods, displaced by
/// the loss of one node or one zone, a per-resource bound proves cannot all be rescheduled on
/// the surviving eligible nodes. Variants: `system` (Run:ai system nodes as a group) and `gpu`.
#include <fmt/format.h>

#include "faultline/capacity/capacity.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

std::string level_name(const std::string& key) { return key == inventory::kZone ? "zone" : "node"; }

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  if (!in.ctx.inventory.present() || !in.ctx.capacity) return;
  const capacity::Capacity& cap = *in.ctx.capacity;
  if (!cap.any_allocatable()) return;
  for (const auto& p : in.ctx.placement.workloads) in.in_scope(p.workload->meta);
  for (const auto& report : capacity::unrecoverable_losses(cap)) {
    const model::Workload& w = *report.placement->workload;
    if (!in.rule.scope.contains(w.meta, in.default_kinds)) continue;
    const auto& first = report.shortfalls.front();
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    bool gpu = false;
    for (const auto& s : report.shortfalls) {
      gpu = gpu || s.gpu;
      hit.evidence.push_back(fmt::format("losing {} {}: {}", level_name(s.key), s.domain, s.why));
    }
    if (report.total > report.shortfalls.size())
      hit.evidence.push_back(fmt::format("and {} more single-domain losses", report.total - report.shortfalls.size()));
    hit.evidence.push_back(capacity::describe(cap.usage, cap.bound_pods));
    hit.vars = {{"domain", fmt::format("{} {}", level_name(first.key), first.domain)},
                {"why", first.why},
                {"losses", std::to_string(report.total)}};
    hit.variant = report.system ? "system" : gpu ? "gpu" : "";
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template capacity_after_loss() {
  return {"capacity-after-loss",
          "The pods a single node or zone loss displaces cannot all be rescheduled on the surviving eligible nodes.",
          {},
          {"long-running"},
          {"domain", "why", "losses"},
          evaluate};
}

}  // namespace faultline::rules::templates
