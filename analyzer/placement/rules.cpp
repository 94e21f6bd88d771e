// Sorting a pod template's scheduling rules: hard rules that select the workload's own pods
// bound the worst case; preferred and ScheduleAnyway rules are best effort; some rules that
// look hard do nothing (k8s-semantics §1.4, §2).
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "faultline/model/int_or_percent.hpp"
#include "steps.hpp"

namespace faultline::placement::detail {

namespace {

using model::WorkloadKind;

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

/// Labels the controller adds to every pod besides the template's (matchLabelKeys may name them).
bool pod_has_label(const model::Workload& w, const std::string& key) {
  if (w.pod.labels.count(key)) return true;
  if (key == "pod-template-hash") return w.kind == WorkloadKind::Deployment || w.kind == WorkloadKind::ReplicaSet;
  if (key == "controller-revision-hash") return w.kind == WorkloadKind::StatefulSet || w.kind == WorkloadKind::DaemonSet;
  return false;
}

/// Does the term select the workload's own pods? Empty `why` with false: it plainly does not.
bool term_selects_own(const model::PodAffinityTerm& term, const model::Workload& w, std::string& why) {
  if (!term.label_selector) return false;
  const bool own_ns = (term.namespaces.empty() && !term.namespace_selector) || contains(term.namespaces, w.meta.ref.ns) ||
                      (term.namespace_selector && term.namespace_selector->empty());
  if (!own_ns) {
    if (term.namespace_selector) why = "its namespaceSelector cannot be evaluated offline";
    return false;
  }
  for (const auto& key : term.mismatch_label_keys)
    if (pod_has_label(w, key)) return false;  // key notin (own value) excludes the workload's own pods
  return term.label_selector->matches(w.pod.labels);
}

/// Does a spread constraint count the workload's own pods (selfMatch)? Sets `why` when it looks hard but is not.
bool spread_selects_own(const model::TopologySpreadConstraint& c, const model::Workload& w, std::string& why) {
  if (!c.label_selector) {
    why = "it has no labelSelector, so it counts no pods";
    return false;
  }
  const bool merged_keys = std::any_of(c.match_label_keys.begin(), c.match_label_keys.end(),
                                       [&](const std::string& k) { return pod_has_label(w, k); });
  if (c.label_selector->empty() && !merged_keys) {
    why = "its labelSelector {} counts no pods (the scheduler treats an empty selector as none)";
    return false;
  }
  if (!c.label_selector->matches(w.pod.labels)) {
    why = "its labelSelector does not select the workload's own pods";
    return false;
  }
  return true;
}

void add_anti_affinity(const model::Workload& w, Rules& out) {
  for (const auto& term : w.pod.detail->pod_anti_affinity.required) {
    std::string why;
    if (term_selects_own(term, w, why)) {
      const bool old_pods_count = w.kind == WorkloadKind::Deployment && w.detail->strategy_type != "Recreate" &&
                                  !contains(term.match_label_keys, "pod-template-hash");
      out.hard.push_back({false, term.topology_key, nullptr, old_pods_count, "required pod anti-affinity on " + term.topology_key});
    } else if (!why.empty()) {
      out.ineffective.push_back(fmt::format("required pod anti-affinity on {}: {}", term.topology_key, why));
    }
  }
  for (const auto& p : w.pod.detail->pod_anti_affinity.preferred) {
    std::string why;
    if (term_selects_own(p.term, w, why))
      out.soft.emplace_back(inventory::canonical_key(p.term.topology_key),
                            fmt::format("preferred pod anti-affinity on {} (weight {})", p.term.topology_key, p.weight));
  }
}

void add_spread(const model::Workload& w, Rules& out) {
  for (const auto& c : w.pod.detail->topology_spread) {
    std::string why;
    const bool own = spread_selects_own(c, w, why);
    if (c.when_unsatisfiable != "DoNotSchedule") {
      if (own)
        out.soft.emplace_back(inventory::canonical_key(c.topology_key),
                              fmt::format("topology spread constraint on {} with whenUnsatisfiable: {}", c.topology_key,
                                          c.when_unsatisfiable));
      continue;
    }
    if (!contains(out.spread_keys, c.topology_key)) out.spread_keys.push_back(c.topology_key);
    const std::string text = fmt::format("DoNotSchedule topology spread on {} (maxSkew {})", c.topology_key, c.max_skew);
    if (!own) {
      out.ineffective.push_back(text + ": " + why);
      continue;
    }
    const bool old_pods_count = w.kind == WorkloadKind::Deployment && w.detail->strategy_type != "Recreate" &&
                                !contains(c.match_label_keys, "pod-template-hash");
    out.hard.push_back({true, c.topology_key, &c, old_pods_count, text});
  }
}

/// The scheduler's default constraints (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway)
/// apply when the pod has no constraints and a controller or Service selects it (§1.3).
void add_default_spreading(const model::Model& model, const model::Workload& w, Rules& out) {
  if (!w.pod.detail->topology_spread.empty() || w.kind == WorkloadKind::DaemonSet) return;
  const bool owned = w.kind != WorkloadKind::Pod;
  if (!owned && model.services_for(w).empty()) return;
  out.soft.emplace_back(inventory::kHostname, "the scheduler's default spreading (kubernetes.io/hostname, maxSkew 3, ScheduleAnyway)");
  out.soft.emplace_back(inventory::kZone, "the scheduler's default spreading (topology.kubernetes.io/zone, maxSkew 5, ScheduleAnyway)");
}

}  // namespace

std::vector<std::string> Rules::soft_for(const std::string& key) const {
  std::vector<std::string> out;
  for (const auto& [k, text] : soft)
    if (k == key || nested_in(key, k)) out.push_back(text);
  return out;
}

Rules classify_rules(const model::Model& model, const model::Workload& w) {
  Rules out;
  add_anti_affinity(w, out);
  add_spread(w, out);
  add_default_spreading(model, w, out);
  return out;
}

std::pair<int, int> surge_and_unavailable(const model::Workload& w, int replicas) {
  if (w.kind != WorkloadKind::Deployment || w.detail->strategy_type == "Recreate") return {0, 1};
  const model::IntOrPercent quarter{25, true};
  const int surge = w.detail->max_surge.value_or(quarter).resolve(replicas, true);
  int unavailable = w.detail->max_unavailable.value_or(quarter).resolve(replicas, false);
  if (surge == 0 && unavailable == 0) unavailable = 1;
  return {surge, unavailable};
}

int counted_pods(const model::Workload& w, int replicas, bool old_pods_count) {
  if (!old_pods_count) return replicas;
  const long long sum = static_cast<long long>(replicas) + surge_and_unavailable(w, replicas).first;
  return static_cast<int>(std::min<long long>(sum, std::numeric_limits<int>::max()));
}

}  // namespace faultline::placement::detail
