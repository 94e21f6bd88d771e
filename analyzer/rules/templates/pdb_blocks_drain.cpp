/// pdb-blocks-drain: a PodDisruptionBudget that, at the effective replicas of the workloads it
/// selects, allows zero voluntary disruptions, computed as the disruption controller does:
/// maxUnavailable and percentages round up; integer minAvailable counts pods, the rest count
/// the controllers' replicas; a budget with neither field allows nothing.
#include <fmt/format.h>

#include "pdb_targets.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

struct Budget {
  int allowed = 0;
  std::string spec;    ///< "minAvailable: 50%"
  std::string reason;  ///< why it allows what it allows
};

Budget allowed_disruptions(const model::Pdb& pdb, int controlled, int bare) {
  const int healthy = controlled + bare;
  if (pdb.max_unavailable) {
    const int desired = std::max(0, controlled - pdb.max_unavailable->resolve(controlled, true));
    const int allowed = controlled == 0 ? 0 : healthy - desired;
    return {allowed, "maxUnavailable: " + pdb.max_unavailable->to_string(),
            fmt::format("{} of {} pods must stay available", desired, healthy)};
  }
  if (pdb.min_available) {
    const auto& ma = *pdb.min_available;
    // Integer minAvailable compares with the pods that exist; a percentage with the controllers' scale.
    const int expected = ma.percent ? controlled : healthy;
    const int desired = ma.resolve(expected, true);
    const int allowed = expected == 0 ? 0 : healthy - desired;
    return {allowed, "minAvailable: " + ma.to_string(), fmt::format("{} of {} pods must stay available", desired, healthy)};
  }
  return {0, "neither minAvailable nor maxUnavailable", "a budget with neither field allows no eviction"};
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto& model = in.ctx.model;
  for (const auto& pdb : model.pdbs) {
    if (!in.in_scope(pdb.meta)) continue;
    int controlled = 0, bare = 0;
    std::vector<const model::Workload*> targets;
    for (const model::Workload* w : pdb_targets(model, pdb)) {
      // Drains skip DaemonSet pods, and Jobs are not availability targets.
      if (!w->is_availability_target() || w->kind == model::WorkloadKind::DaemonSet) continue;
      (w->kind == model::WorkloadKind::Pod ? bare : controlled) += model.effective_replicas(*w);
      targets.push_back(w);
    }
    if (targets.empty()) continue;
    const Budget budget = allowed_disruptions(pdb, controlled, bare);
    if (budget.allowed > 0) continue;
    Hit hit{&pdb.meta, nullptr, {}, {}, {}, {}};
    hit.vars = {{"budget", budget.spec},
                {"replicas", std::to_string(controlled + bare)},
                {"workloads", workload_names(targets)},
                {"reason", budget.reason}};
    hit.evidence.push_back(fmt::format("{} at {} replicas of {}: {}; 0 disruptions allowed", budget.spec,
                                       controlled + bare, workload_names(targets), budget.reason));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template pdb_blocks_drain() {
  return {"pdb-blocks-drain",
          "A PodDisruptionBudget that allows no voluntary disruption at the workloads' replicas.",
          {},
          {"PodDisruptionBudget"},
          {"budget", "replicas", "workloads", "reason"},
          evaluate};
}

}  // namespace faultline::rules::templates
