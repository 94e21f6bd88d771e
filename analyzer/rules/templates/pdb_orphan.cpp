/// pdb-orphan: a PodDisruptionBudget that selects no workload of the input (a stale or mistyped
/// selector protects nothing).
#include "pdb_targets.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& pdb : in.ctx.model.pdbs) {
    if (!in.in_scope(pdb.meta) || !pdb_targets(in.ctx.model, pdb).empty()) continue;
    Hit hit{&pdb.meta, nullptr, {}, {}, {}, {}};
    std::string reason = "its selector matches the pod labels of no workload in namespace " + pdb.meta.ref.ns;
    if (!pdb.selector) reason = "it has no selector";
    else if (pdb.selector->empty() && !pdb.selects_all_when_empty) reason = "an empty selector in policy/v1beta1 selects no pods";
    hit.vars = {{"reason", reason}};
    hit.evidence.push_back(reason);
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template pdb_orphan() {
  return {"pdb-orphan", "A PodDisruptionBudget that selects no workload.", {}, {"PodDisruptionBudget"}, {"reason"}, evaluate};
}

}  // namespace faultline::rules::templates
