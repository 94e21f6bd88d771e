#include "daemon_rollout.hpp"

#include <fmt/format.h>

namespace faultline::placement::detail {

void check_daemon_rollout(WorkloadPlacement& p, const Rules& rules) {
  const auto& w = *p.workload;
  if (w.kind != model::WorkloadKind::DaemonSet || w.strategy_type != "RollingUpdate" || p.replicas == 0) return;
  // The DaemonSet controller rounds maxSurge up against the nodes that should run a pod. In
  // surge mode it deletes an old pod only once the new pod on that node is available.
  const int surge = w.max_surge.value_or(model::IntOrPercent{0, false}).resolve(p.replicas, true);
  if (surge == 0) return;
  for (const HardRule& r : rules.hard) {
    if (r.spread || r.key != inventory::kHostname) continue;
    p.rollout_deadlock = true;
    p.rollout_reason = fmt::format(
        "maxSurge {} makes the DaemonSet start each new pod beside the old one on the same node, and {} forbids a "
        "second pod of it there, so the new pod stays Pending and the old one is never removed",
        w.max_surge->to_string(), r.text);
    return;
  }
}

}  // namespace faultline::placement::detail
