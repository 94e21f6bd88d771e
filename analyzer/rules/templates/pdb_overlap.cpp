/// pdb-overlap: a PodDisruptionBudget whose pods another budget also selects. The eviction API
/// refuses to evict a pod matched by more than one budget, so drains stall on it.
#include <map>
#include <set>

#include "pdb_targets.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto& model = in.ctx.model;
  for (const auto& pdb : model.pdbs) {
    if (!in.in_scope(pdb.meta)) continue;
    std::set<std::string> others;
    std::vector<const model::Workload*> shared;
    for (const model::Workload* w : pdb_targets(model, pdb)) {
      bool overlapped = false;
      for (const model::Pdb* other : model.pdbs_for(*w))
        if (other != &pdb) overlapped = others.insert(other->meta.ref.name).second || true;
      if (overlapped) shared.push_back(w);
    }
    if (others.empty()) continue;
    std::string names;
    for (const auto& o : others) names += (names.empty() ? "" : ", ") + o;
    Hit hit{&pdb.meta, nullptr, {}, {}, names, {}};
    hit.vars = {{"others", names}, {"workloads", workload_names(shared)}};
    hit.evidence.push_back("also selected by PodDisruptionBudget " + names + ": " + workload_names(shared));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template pdb_overlap() {
  return {"pdb-overlap",
          "Pods that more than one PodDisruptionBudget selects.",
          {},
          {"PodDisruptionBudget"},
          {"others", "workloads"},
          evaluate};
}

}  // namespace faultline::rules::templates
