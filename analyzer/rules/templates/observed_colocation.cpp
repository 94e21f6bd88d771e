/// observed-colocation: in a cluster dump, every running pod of a workload with at least
/// `min_running` of them is on one node, or (variant `zone`, on a cluster with two or more zones)
/// in one zone. That is where the replicas are today, whatever the rules allow.
#include <fmt/format.h>

#include "faultline/inventory/inventory.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min_running");
  const bool multi_zone = in.ctx.inventory.domains(inventory::kZone).size() >= 2;
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    if (!p || !p->observed || p->observed->running < min) continue;
    const auto& o = *p->observed;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    std::string where;
    if (o.per_node.size() == 1) {
      where = "node " + o.per_node.begin()->first;
    } else if (multi_zone && o.per_zone.size() == 1 && o.per_zone.begin()->second == o.running) {
      where = "zone " + o.per_zone.begin()->first;
      hit.variant = "zone";
    } else {
      continue;
    }
    hit.vars = {{"running", std::to_string(o.running)}, {"where", where}};
    for (const auto& [node, count] : o.per_node) hit.evidence.push_back(fmt::format("{} running pod(s) on node {}", count, node));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template observed_colocation() {
  return {"observed-colocation",
          "In a cluster dump, every running pod of a workload is on one node or in one zone.",
          {{"min_running", "int", "2", "workloads with fewer running pods are not examined", false}},
          {"long-running"},
          {"running", "where"},
          evaluate};
}

}  // namespace faultline::rules::templates
