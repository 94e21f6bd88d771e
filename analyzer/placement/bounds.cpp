// How each hard rule bounds a workload on a known cluster: the most replicas one domain of the
// rule's key may hold, and the most that can run at all (k8s-semantics §1.2, §1.5, §2).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "faultline/placement/eligibility.hpp"
#include "steps.hpp"

namespace faultline::placement::detail {

namespace {

bool has_labels(const model::Node& node, const std::vector<std::string>& keys) {
  return std::all_of(keys.begin(), keys.end(), [&](const std::string& k) { return inventory::label_value(node, k).has_value(); });
}

std::set<std::string> values_of(const std::string& key, const std::vector<const model::Node*>& nodes) {
  std::set<std::string> out;
  for (const model::Node* n : nodes)
    if (auto v = inventory::label_value(*n, key)) out.insert(*v);
  return out;
}

/// Required anti-affinity: one replica per domain of its key, any number on nodes without the key.
Bound anti_affinity_bound(const HardRule& r, const std::vector<const model::Node*>& placeable, int replicas) {
  const int domains = static_cast<int>(values_of(r.key, placeable).size());
  const bool unlabelled = std::any_of(placeable.begin(), placeable.end(),
                                      [&](const model::Node* n) { return !inventory::label_value(*n, r.key); });
  Bound b{&r, 1, unlabelled ? replicas : std::min(replicas, domains), {}};
  b.why = fmt::format("{} allows one replica per {} and {} eligible {}{} {}", r.text, noun(r.key), domains, noun(r.key),
                      domains == 1 ? "" : "s", domains == 1 ? "exists" : "exist");
  return b;
}

/// The nodes a spread constraint counts domains over: every node carrying all hard keys,
/// filtered by nodeAffinityPolicy and nodeTaintsPolicy (cordoned and NotReady nodes included).
std::vector<const model::Node*> counted_nodes(const model::Workload& w, const model::TopologySpreadConstraint& c,
                                              const Rules& rules, const inventory::Inventory& inv) {
  std::vector<const model::Node*> out;
  const auto tolerations = effective_tolerations(w);
  for (const model::Node* n : inv.nodes) {
    if (!has_labels(*n, rules.spread_keys)) continue;
    if (c.node_affinity_policy != "Ignore" && !node_affinity_matches(w.pod, *n)) continue;
    if (c.node_taints_policy == "Honor" && !untolerated_taints(*n, tolerations).empty()) continue;
    out.push_back(n);
  }
  return out;
}

Bound spread_bound(const model::Workload& w, const HardRule& r, const Rules& rules, const inventory::Inventory& inv,
                   const std::vector<const model::Node*>& placeable, int replicas) {
  const auto& c = *r.tsc;
  const int skew = std::max(1, c.max_skew);
  const int counted = static_cast<int>(values_of(r.key, counted_nodes(w, c, rules, inv)).size());
  const int usable = static_cast<int>(values_of(r.key, placeable).size());
  const int min_domains = c.min_domains.value_or(1);
  Bound b{&r, 0, 0, {}};
  if (usable == 0) {
    b.why = fmt::format("{}: no eligible node carries the label {}", r.text, r.key);
    return b;
  }
  if (usable < counted || counted < min_domains) {
    // globalMin stays 0: every domain may hold at most maxSkew replicas (§1.5).
    b.per_domain = std::min(replicas, skew);
    b.placeable = std::min(replicas, skew * usable);
    b.why = usable < counted
                ? fmt::format("{}: {} of its {} {}s can never receive a pod, so the minimum stays 0 and each {} holds at most {}",
                              r.text, counted - usable, counted, noun(r.key), noun(r.key), b.per_domain)
                : fmt::format("{}: {} {}s are fewer than minDomains {}, so each {} holds at most {}", r.text, counted,
                              noun(r.key), min_domains, noun(r.key), b.per_domain);
    return b;
  }
  const int counted_replicas = counted_pods(w, replicas, r.old_pods_count);
  b.per_domain = std::min(replicas, max_in_one_domain(counted_replicas, skew, counted));
  b.placeable = replicas;
  b.why = fmt::format("{} over {} {}s allows at most {} per {}{}", r.text, counted, noun(r.key), b.per_domain, noun(r.key),
                      r.old_pods_count ? " (after a rolling update, old and new pods counted together)" : "");
  return b;
}

}  // namespace

std::vector<Bound> bounds_of(const model::Workload& w, const Rules& rules, const inventory::Inventory& inv,
                             const std::vector<const model::Node*>& placeable, int replicas) {
  std::vector<Bound> out;
  for (const HardRule& r : rules.hard)
    out.push_back(r.spread ? spread_bound(w, r, rules, inv, placeable, replicas) : anti_affinity_bound(r, placeable, replicas));
  return out;
}

}  // namespace faultline::placement::detail
