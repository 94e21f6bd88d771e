// The worst case per topology key on a known cluster: for every domain, the most replicas the
// hard rules let it hold (a rule on a finer key counts once per finer domain inside it), pins
// that force replicas together, and the verdict for losing that domain.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "faultline/placement/eligibility.hpp"
#include "steps.hpp"

namespace faultline::placement::detail {

namespace {

/// The most replicas of one domain, and which rule or fact sets it.
struct DomainCap {
  int cap = 0;
  std::string why;
  bool hard = false;
};

DomainCap domain_cap(const std::string& key, const std::string& domain, const std::vector<const model::Node*>& nodes,
                     int runnable, const std::vector<Bound>& bounds, const Storage& storage,
                     const inventory::Inventory& inv) {
  DomainCap out{runnable, {}, false};
  for (const Bound& b : bounds) {
    const std::string& rule_key = b.rule->key;
    std::set<std::string> values;
    bool unlabelled = false;
    for (const model::Node* n : nodes) {
      if (auto v = inventory::label_value(*n, rule_key)) values.insert(*v);
      else unlabelled = true;
    }
    if (unlabelled) continue;  // nodes without the key take any number of replicas
    const int cap = static_cast<int>(values.size()) * b.per_domain;
    if (cap >= out.cap) continue;
    out = {cap, b.why, true};
    if (values.size() > 1 || inventory::canonical_key(rule_key) != inventory::canonical_key(key))
      out.why += fmt::format("; {} {} has {} of them", noun(key), domain, values.size());
  }
  int pinned = 0;
  for (const Pin& pin : storage.replica_pins) {
    const model::Node* node = pin.key == inventory::kHostname ? inv.find(pin.domain) : nullptr;
    const auto where = node ? inv.domain_of(*node, key)
                            : (inventory::canonical_key(key) == pin.key ? std::optional<std::string>(pin.domain) : std::nullopt);
    if (where && *where == domain) ++pinned;
  }
  if (pinned > out.cap) out = {std::min(pinned, runnable), fmt::format("storage pins {} replicas to {} {}", pinned, noun(key), domain), false};
  if (!storage.zone_collocation.empty() && inventory::canonical_key(key) == inventory::kZone && out.cap < runnable)
    out = {runnable, storage.zone_collocation, false};
  return out;
}

LevelPlacement level_for(const WorkloadPlacement& p, const std::string& key, const Rules& rules,
                         const std::vector<Bound>& bounds, const Storage& storage, const inventory::Inventory& inv,
                         const std::vector<const model::Node*>& placeable) {
  LevelPlacement level;
  level.key = key;
  const auto domains = inv.domains(key, placeable);
  level.domains = static_cast<int>(domains.size());
  const int runnable = p.runnable();
  if (p.replicas == 0) {
    level.reason = "scaled to 0 replicas";
    return level;
  }
  if (runnable <= 0) {
    level.verdict = Verdict::does_not_survive;
    level.reason = "no replica can run";
    return level;
  }
  if (domains.empty()) {
    level.survivors_after_worst_loss = runnable;
    level.reason = "no eligible node carries the label " + key;
    return level;
  }
  std::string why;
  std::vector<std::string> worst;
  for (const auto& [domain, nodes] : domains) {
    const DomainCap c = domain_cap(key, domain, nodes, runnable, bounds, storage, inv);
    if (c.cap > level.max_in_one_domain) {
      level.max_in_one_domain = c.cap;
      worst.clear();
      why = c.why;
      level.hard = c.hard;
    }
    if (c.cap == level.max_in_one_domain) worst.push_back(domain);
  }
  level.worst_domains = std::move(worst);
  level.survivors_after_worst_loss = std::max(0, runnable - level.max_in_one_domain);
  const auto soft = rules.soft_for(key);
  level.verdict = verdict_for(runnable, level.survivors_after_worst_loss, !soft.empty() && domains.size() >= 2);
  if (level.survivors_after_worst_loss > 0 || !why.empty()) level.reason = why;
  else if (domains.size() == 1) level.reason = fmt::format("every eligible node is in {} {}", noun(key), domains.begin()->first);
  else level.reason = fmt::format("no hard rule keeps the replicas apart: all {} may share one {}", runnable, noun(key));
  if (level.verdict == Verdict::best_effort) level.reason += fmt::format("; only best effort: {}", fmt::join(soft, "; "));
  return level;
}

// A DaemonSet whose node selector or required node affinity admits no node of the inventory.
bool opts_in_nowhere(const model::Workload& w, const inventory::Inventory& inv) {
  const auto& pod = w.pod;
  if (pod.detail->node_selector.empty() && pod.detail->node_affinity.required.empty()) return false;
  return std::none_of(inv.nodes.begin(), inv.nodes.end(),
                      [&](const model::Node* n) { return node_affinity_matches(pod, *n); });
}

}  // namespace

void worst_case_levels(WorkloadPlacement& p, const Rules& rules, const std::vector<Bound>& bounds, const Storage& storage,
                       const inventory::Inventory& inv, const std::vector<const model::Node*>& placeable) {
  for (const std::string& key : inv.topology_keys) p.levels.push_back(level_for(p, key, rules, bounds, storage, inv, placeable));
}

void daemon_levels(WorkloadPlacement& p, const inventory::Inventory& inv, const std::vector<const model::Node*>& nodes) {
  for (const std::string& key : inv.topology_keys) {
    LevelPlacement level;
    level.key = key;
    const auto domains = inv.domains(key, nodes);
    level.domains = static_cast<int>(domains.size());
    std::vector<std::string> worst;
    for (const auto& [domain, members] : domains) {
      const int count = static_cast<int>(members.size());
      if (count > level.max_in_one_domain) worst.clear(), level.max_in_one_domain = count;
      if (count == level.max_in_one_domain) worst.push_back(domain);
    }
    level.worst_domains = std::move(worst);
    level.survivors_after_worst_loss = std::max(0, p.replicas - level.max_in_one_domain);
    level.hard = true;
    if (domains.empty()) {
      level.reason = nodes.empty() ? "no eligible node" : "no eligible node carries the label " + key;
      // A node selector no node matches is an opt-in (nodes get the label to run it): nothing fails.
      if (nodes.empty() && opts_in_nowhere(*p.workload, inv)) level.reason = "no node opts in to its node selector";
      else if (nodes.empty()) level.verdict = Verdict::does_not_survive;
    } else {
      level.verdict = verdict_for(p.replicas, level.survivors_after_worst_loss, false);
      level.reason = fmt::format("one pod per eligible node; {} {} has {} of the {} eligible nodes", noun(key),
                                 level.worst_domains.front(), level.max_in_one_domain, p.replicas);
    }
    p.levels.push_back(std::move(level));
  }
}

}  // namespace faultline::placement::detail
