/// pdb-missing: a workload with `min_replicas` or more effective replicas whose pods no
/// PodDisruptionBudget selects, so a node drain may evict every replica at once.
#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min_replicas");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    if (replicas < min || !in.ctx.model.pdbs_for(w).empty()) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    hit.vars = {{"replicas", std::to_string(replicas)}};
    hit.evidence.push_back(fmt::format("no PodDisruptionBudget in namespace {} selects its pod labels", w.meta.ref.ns));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template pdb_missing() {
  return {"pdb-missing",
          "A replicated workload whose pods no PodDisruptionBudget selects.",
          {{"min_replicas", "int", "2", "workloads with fewer effective replicas are not examined", false}},
          {"replicated"},
          {"replicas"},
          evaluate};
}

}  // namespace faultline::rules::templates
