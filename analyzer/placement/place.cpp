// place(): for every availability target, the rules sorted, then either what holds on any
// cluster (no inventory) or eligible nodes, pending replicas, the worst case per key and the
// rollout check on the known nodes; finally the observed placement of a cluster dump. On a
// known cluster the answers are kept per signature: workloads that schedule alike (same
// eligibility, hard and soft rules, replicas, rollout parameters and storage pins) share them.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "spec_rollout.hpp"
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

void set_pending(WorkloadPlacement& p, const std::vector<const model::Node*>& eligible,
                 const std::vector<const model::Node*>& placeable, const Rules& rules, const std::vector<Bound>& bounds) {
  if (p.replicas == 0) return;
  if (eligible.empty()) {
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

/// What the worst case of a workload depends on beyond its eligibility, as one string.
std::string rules_signature(const WorkloadPlacement& p, const Rules& rules, const Storage& storage) {
  const model::Workload& w = *p.workload;
  const auto [surge, unavailable] = surge_and_unavailable(w, p.replicas);
  std::string out = fmt::format("{}|{}|{}|{}|{}|{}|", static_cast<int>(w.kind), w.detail->strategy_type, p.replicas, surge,
                                unavailable, storage.zone_collocation);
  for (const HardRule& r : rules.hard) {
    out += fmt::format("{}\x1f{}\x1f{}\x1f{}", r.spread, r.old_pods_count, r.key, r.text);
    if (r.tsc)
      out += fmt::format("\x1f{}\x1f{}\x1f{}\x1f{}", r.tsc->max_skew, r.tsc->min_domains.value_or(-1),
                         r.tsc->node_affinity_policy, r.tsc->node_taints_policy);
    out += '\x1e';
  }
  for (const auto& k : rules.spread_keys) out += k + '\x1e';
  for (const auto& [k, text] : rules.soft) out += k + '\x1f' + text + '\x1e';
  for (const Pin& pin : storage.replica_pins) out += pin.key + '\x1f' + pin.domain + '\x1e';
  return out;
}

/// Worst-case answers shared by the workloads of one signature.
struct Answer {
  int replicas = 0;
  std::vector<LevelPlacement> levels;
  int pending = 0;
  std::string pending_reason;
  bool rollout_deadlock = false;
  std::string rollout_reason;
};

Answer answer_on_inventory(const WorkloadPlacement& placed, const Rules& rules, const Storage& storage,
                           const inventory::Inventory& inv) {
  WorkloadPlacement p;
  p.workload = placed.workload;
  p.replicas = placed.replicas;
  const auto eligible = placed.eligible->nodes(inv);
  if (p.workload->kind == model::WorkloadKind::DaemonSet) {
    p.replicas = static_cast<int>(eligible.size());
    daemon_levels(p, inv, eligible);
  } else {
    const auto placeable = carrying(eligible, rules.spread_keys);
    const auto bounds = bounds_of(*p.workload, rules, inv, placeable, p.replicas);
    set_pending(p, eligible, placeable, rules, bounds);
    worst_case_levels(p, rules, bounds, storage, inv, placeable);
    check_rollout(p, rules, placeable);
  }
  return {p.replicas, std::move(p.levels), p.pending, std::move(p.pending_reason), p.rollout_deadlock,
          std::move(p.rollout_reason)};
}

/// Placement on a known cluster, answered once per signature.
class OnInventory {
 public:
  explicit OnInventory(const inventory::Inventory& inv) : inv_(inv), eligibility_(inv) {}

  void place(WorkloadPlacement& p, const Rules& rules, const Storage& storage) {
    const auto& elig = eligibility_.find(*p.workload, storage.filters);
    p.eligible = elig.nodes;
    p.excluded = elig.excluded;
    p.eligible_nodes = static_cast<int>(elig.nodes->size());
    const auto key = std::make_pair(elig.nodes.get(), rules_signature(p, rules, storage));
    auto it = answers_.find(key);
    if (it == answers_.end()) it = answers_.emplace(key, answer_on_inventory(p, rules, storage, inv_)).first;
    const Answer& a = it->second;
    p.replicas = a.replicas;
    p.levels = a.levels;
    p.pending = a.pending;
    p.pending_reason = a.pending_reason;
    p.rollout_deadlock = a.rollout_deadlock;
    p.rollout_reason = a.rollout_reason;
  }

 private:
  struct KeyHash {
    std::size_t operator()(const std::pair<const NodeSet*, std::string>& k) const {
      return std::hash<const void*>()(k.first) ^ std::hash<std::string>()(k.second);
    }
  };
  const inventory::Inventory& inv_;
  EligibilityIndex eligibility_;
  std::unordered_map<std::pair<const NodeSet*, std::string>, Answer, KeyHash> answers_;
};

}  // namespace

PlacementResult place(const model::Model& model, const inventory::Inventory& inventory) {
  PlacementResult result;
  std::optional<OnInventory> on_inventory;
  if (inventory.present()) on_inventory.emplace(inventory);
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
    if (on_inventory) on_inventory->place(p, rules, storage);
    else levels_anywhere(p, rules, inventory);
    // Outside the answers shared per signature: they depend on maxSurge, host ports and the partition.
    check_daemon_rollout(p, rules, on_inventory.has_value());
    check_partition(p);
    result.workloads.push_back(std::move(p));
  }
  add_observed(result, model, inventory);
  return result;
}

}  // namespace faultline::placement
