/// replicas-placeable: fewer effective replicas than `min`, or (variant `pending`) enough replicas
/// on paper but some can never be scheduled, e.g. a required hostname anti-affinity with fewer
/// eligible nodes than replicas, as the placement stage computes it.
#include <fmt/format.h>

#include "faultline/placement/describe.hpp"
#include "replica_source.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    const int pending = p ? p->pending : 0;
    if (replicas >= min && pending == 0) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    const std::string source = replica_source(in.ctx.model, w);
    const std::string eligible = p && p->eligible_nodes ? std::to_string(*p->eligible_nodes) : "unknown";
    hit.vars = {{"replicas", std::to_string(replicas)}, {"min", std::to_string(min)}, {"source", source},
                {"pending", std::to_string(pending)}, {"eligible", eligible},
                {"reason", p ? p->pending_reason : std::string{}}, {"pending_pods", pending_pods(w, replicas, pending)}};
    if (pending > 0) {
      if (p->eligible)
        hit.evidence.push_back(
            fmt::format("eligible nodes: {}", placement::list_names(p->eligible->names(in.ctx.inventory))));
      if (replicas >= min) hit.variant = "pending";
    }
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template replicas_placeable() {
  return {"replicas-placeable",
          "Fewer effective replicas than `min`, or replicas that no eligible node can take.",
          {{"min", "int", "2", "fewest effective replicas that pass", false}},
          {"replicated"},
          {"min", "replicas", "source", "pending", "eligible", "reason", "pending_pods"},
          evaluate};
}

}  // namespace faultline::rules::templates
