// What holds on any cluster, without a node inventory: a hard rule on a key bounds every domain
// of that key and of every key nested in it (a node lies in one zone); nothing bounds a coarser
// key, because its domains may hold any number of nodes.
#include <algorithm>

#include <fmt/format.h>

#include "steps.hpp"

namespace faultline::placement::detail {

namespace {

/// The most replicas one domain of `key` may hold on any cluster, and the rule that says so.
std::pair<int, const HardRule*> cap_anywhere(const model::Workload& w, int replicas, const Rules& rules,
                                             const std::string& key) {
  int cap = replicas;
  const HardRule* by = nullptr;
  for (const HardRule& r : rules.hard) {
    if (!nested_in(key, r.key)) continue;
    int c = 1;
    if (r.spread) {
      // With D ≥ minDomains the share is M(R,S,D) ≤ M(R,S,minDomains); with fewer, at most maxSkew.
      const int counted = counted_pods(w, replicas, r.old_pods_count);
      c = std::min(replicas, max_in_one_domain(counted, std::max(1, r.tsc->max_skew), r.tsc->min_domains.value_or(1)));
    }
    if (c < cap) cap = c, by = &r;
  }
  return {cap, by};
}

}  // namespace

void levels_anywhere(WorkloadPlacement& p, const Rules& rules, const inventory::Inventory& inv) {
  const auto& w = *p.workload;
  for (const std::string& key : inv.topology_keys) {
    LevelPlacement level;
    level.key = key;
    if (w.kind == model::WorkloadKind::DaemonSet || p.replicas == 0) {
      level.reason = w.kind == model::WorkloadKind::DaemonSet ? "one pod per eligible node; the nodes are not known"
                                                               : "scaled to 0 replicas";
      p.levels.push_back(std::move(level));
      continue;
    }
    const auto [cap, by] = cap_anywhere(w, p.replicas, rules, key);
    level.max_in_one_domain = cap;
    level.survivors_after_worst_loss = p.replicas - cap;
    level.hard = by != nullptr;
    const auto soft = rules.soft_for(key);
    level.verdict = verdict_for(p.replicas, level.survivors_after_worst_loss, !soft.empty());
    level.reason = by ? fmt::format("{}: at most {} per {} on any cluster", by->text, cap, noun(key))
                      : fmt::format("nothing keeps the replicas in more than one {}", noun(key));
    if (level.verdict == Verdict::best_effort) level.reason += fmt::format("; only best effort: {}", fmt::join(soft, "; "));
    p.levels.push_back(std::move(level));
  }
}

std::vector<std::string> guarantees(const model::Workload& w, int replicas, const Rules& rules,
                                    const inventory::Inventory& inv) {
  std::vector<std::string> out;
  if (replicas < 2 || w.kind == model::WorkloadKind::DaemonSet) return out;
  for (const std::string& key : inv.topology_keys) {
    const auto [cap, by] = cap_anywhere(w, replicas, rules, key);
    if (!by) {
      out.push_back(fmt::format("nothing guarantees more than one {}", noun(key)));
      continue;
    }
    const int distinct = replicas / cap + (replicas % cap != 0 ? 1 : 0);  // rounded up without overflowing
    out.push_back(cap == 1 ? fmt::format("{} guarantees {} distinct {}s", by->text, distinct, noun(key))
                           : fmt::format("{} guarantees at least {} distinct {}s (at most {} per {})", by->text, distinct,
                                         noun(key), cap, noun(key)));
  }
  return out;
}

}  // namespace faultline::placement::detail
