// Small shared pieces: verdict names, lookups, the worst-case formula of k8s-semantics §1.5.
#include <algorithm>

#include "steps.hpp"

namespace faultline::placement {

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::survives: return "survives";
    case Verdict::does_not_survive: return "does not survive";
    case Verdict::best_effort: return "best effort";
    case Verdict::unknown: break;
  }
  return "unknown";
}

const LevelPlacement* WorkloadPlacement::level(const std::string& key) const {
  const auto it = std::find_if(levels.begin(), levels.end(), [&](const LevelPlacement& l) { return l.key == key; });
  return it == levels.end() ? nullptr : &*it;
}

const std::vector<Exclusion>& WorkloadPlacement::exclusions() const {
  static const std::vector<Exclusion> none;
  return excluded ? excluded->get() : none;
}

const WorkloadPlacement* PlacementResult::find(const model::Workload& w) const {
  if (index_.size() != workloads.size()) {
    index_.clear();
    for (std::size_t i = 0; i < workloads.size(); ++i) index_.emplace(workloads[i].workload, i);
  }
  const auto it = index_.find(&w);
  return it == index_.end() ? nullptr : &workloads[it->second];
}

int max_in_one_domain(int replicas, int max_skew, int domains) {
  if (replicas <= max_skew || domains <= 1) return replicas;
  return max_skew + (replicas - max_skew) / domains;
}

namespace detail {

std::string noun(const std::string& key) {
  const std::string k = inventory::canonical_key(key);
  if (k == inventory::kHostname) return "node";
  if (k == inventory::kZone) return "zone";
  if (k == inventory::kRegion) return "region";
  return k + " domain";
}

bool nested_in(const std::string& inner, const std::string& outer) {
  const std::string i = inventory::canonical_key(inner);
  const std::string o = inventory::canonical_key(outer);
  return i == o || i == inventory::kHostname || (i == inventory::kZone && o == inventory::kRegion);
}

Verdict verdict_for(int runnable, int survivors, bool soft_may_spread) {
  if (survivors > 0) return Verdict::survives;
  if (runnable >= 2 && soft_may_spread) return Verdict::best_effort;
  return Verdict::does_not_survive;
}

}  // namespace detail
}  // namespace faultline::placement
