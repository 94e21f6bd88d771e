#include "pdb_targets.hpp"

namespace faultline::rules::templates {

std::vector<const model::Workload*> pdb_targets(const model::Model& model, const model::Pdb& pdb) {
  const std::string& ns = pdb.meta.ref.ns;
  std::vector<const model::Workload*> out;
  if (pdb.selector && !pdb.selector->empty()) {
    // The index narrows by label; selects() then applies the API version's exact meaning.
    for (const model::Workload* w : model.workloads_selected(ns, *pdb.selector))
      if (pdb.selects(ns, w->pod.labels)) out.push_back(w);
    return out;
  }
  for (const auto& w : model.workloads)
    if (w.meta.ref.ns == ns && pdb.selects(ns, w.pod.labels)) out.push_back(&w);
  return out;
}

std::string workload_names(const std::vector<const model::Workload*>& workloads) {
  std::string out;
  for (const auto* w : workloads) out += (out.empty() ? "" : ", ") + w->meta.ref.kind + "/" + w->meta.ref.name;
  return out;
}

}  // namespace faultline::rules::templates
