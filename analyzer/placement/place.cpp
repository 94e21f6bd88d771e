// place(): for every availability target, the rules sorted, then either what holds on any
// cluster (no inventory) or eligible nodes, pending replicas, the worst case per key and the
// rollout check on the known nodes; finally the observed placement of a cluster dump.
#include <algorithm>

#include <fmt/format.h>

#include "daemon_rollout.hpp"
#include "steps.hpp"

namespace faultline::placement {

namespace {

using namespace detail;

bool hard_hostname(const Rules& rules) {
  return std::any_of(rules.hard.begin(), rules.hard.end(), [](const HardRule& r) {
    return !r.spread || inventory::canonical_key(r.key) == inventory::kHostname;
  });
}

std::vector<const model::Node*> carrying(const std::vector<const model::Node*>& nodes, const std::vector<std::string>& keys) {
  std::vector<const model::Node*> out;
  for (const model::Node* n : nodes)
    if (std::all_of(keys.begin(), keys.end(), [&](const std::string& k) { return inventory::label_value(*n, k).has_value(); }))
      out.push_back(n);
  return out;
}

void set_pending(WorkloadPlacement& p, const Eligibility& elig, const std::vector<const model::Node*>& placeable,
                 const Rules& rules, const std::vector<Bound>& bounds) {
  if (p.replicas == 0) return;
  if (elig.nodes.empty()) {
    p.pending = p.replicas;
    p.pending_reason = "no eligible node";
  } else if (placeable.empty()) {
    p.pending = p.replicas;
    p.pending_reason = fmt::format("no eligible node carries every label that DoNotSchedule topology spread constraints "
                                   "require ({})", fmt::join(rules.spread_keys, ", "));
  } else {
    for (const Bound& b : bounds) {
      if (p.replicas - b.placeable <= p.pending) continue;
      p.pending = p.replicas - b.placeable;
      p.pending_reason = b.why;
    }
  }
}

void place_on_inventory(WorkloadPlacement& p, const Rules& rules, const Storage& storage, const inventory::Inventory& inv) {
  const model::Workload& w = *p.workload;
  const Eligibility elig = find_eligible(w, inv, storage.filters);
  p.eligible_nodes = static_cast<int>(elig.nodes.size());
  for (const model::Node* n : elig.nodes) p.eligible.push_back(n->meta.ref.name);
  p.excluded = elig.excluded;
  if (w.kind == model::WorkloadKind::DaemonSet) {
    p.replicas = *p.eligible_nodes;
    daemon_levels(p, inv, elig.nodes);
    check_daemon_rollout(p, rules);
    return;
  }
  const auto placeable = carrying(elig.nodes, rules.spread_keys);
  const auto bounds = bounds_of(w, rules, inv, placeable, p.replicas);
  set_pending(p, elig, placeable, rules, bounds);
  worst_case_levels(p, rules, bounds, storage, inv, placeable);
  check_rollout(p, rules, placeable);
}

}  // namespace

PlacementResult place(const model::Model& model, const inventory::Inventory& inventory) {
  PlacementResult result;
  for (const model::Workload& w : model.workloads) {
    if (!w.is_availability_target()) continue;
    WorkloadPlacement p;
    p.workload = &w;
    p.replicas = model.effective_replicas(w);
    const Rules rules = classify_rules(model, w);
    p.hard_hostname_spread = hard_hostname(rules);
    p.ineffective_rules = rules.ineffective;
    for (const auto& [key, text] : rules.soft)
      if (std::find(p.best_effort.begin(), p.best_effort.end(), text) == p.best_effort.end()) p.best_effort.push_back(text);
    p.guarantees = guarantees(w, p.replicas, rules, inventory);
    const Storage storage = storage_of(model, w, p.replicas, inventory);
    p.pins = storage.pins;
    if (inventory.present()) place_on_inventory(p, rules, storage, inventory);
    else levels_anywhere(p, rules, inventory);
    result.workloads.push_back(std::move(p));
  }
  add_observed(result, model, inventory);
  return result;
}

}  // namespace faultline::placement
