// The rolling-update deadlock of k8s-semantics §6: required anti-affinity matching old and new
// pods, every usable domain already holding an old pod, and maxUnavailable resolving to 0. The
// surge pod stays Pending and no old pod may go first.
#include <set>

#include <fmt/format.h>

#include "steps.hpp"

namespace faultline::placement::detail {

void check_rollout(WorkloadPlacement& p, const Rules& rules, const std::vector<const model::Node*>& placeable) {
  const auto& w = *p.workload;
  if (w.kind != model::WorkloadKind::Deployment || w.detail->strategy_type == "Recreate" || p.replicas == 0) return;
  const auto [surge, unavailable] = surge_and_unavailable(w, p.replicas);
  if (unavailable > 0) return;
  for (const HardRule& r : rules.hard) {
    if (r.spread || !r.old_pods_count) continue;
    std::set<std::string> domains;
    bool unlabelled = false;
    for (const model::Node* n : placeable) {
      if (auto v = inventory::label_value(*n, r.key)) domains.insert(*v);
      else unlabelled = true;
    }
    const int d = static_cast<int>(domains.size());
    if (unlabelled || d == 0 || p.replicas < d) continue;
    p.rollout_deadlock = true;
    p.rollout_reason = fmt::format(
        "{}: {} replicas fill all {} eligible {}s, and the rolling update adds {} pod(s) (maxSurge) while "
        "maxUnavailable resolves to 0, so the new pod stays Pending and no old pod may be removed first",
        r.text, p.replicas, d, noun(r.key), surge);
    return;
  }
}

}  // namespace faultline::placement::detail
