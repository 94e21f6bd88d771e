#include <string>

#include <fmt/format.h>

#include "spec_rollout.hpp"

namespace faultline::placement::detail {

namespace {

/// "9100/TCP, 53/UDP": the host ports of the regular containers, the ones the scheduler's
/// NodePorts filter compares (init containers are not counted).
std::string held_host_ports(const model::Workload& w) {
  std::string out;
  for (const auto& c : w.pod.containers) {
    if (c.init) continue;
    for (const auto& port : c.host_ports) out += (out.empty() ? "" : ", ") + port;
  }
  return out;
}

}  // namespace

void check_daemon_rollout(WorkloadPlacement& p, const Rules& rules, bool on_inventory) {
  const auto& w = *p.workload;
  if (w.kind != model::WorkloadKind::DaemonSet || w.detail->strategy_type != "RollingUpdate") return;
  if (on_inventory && p.replicas == 0) return;
  // The controller rounds maxSurge up against the nodes that should run a pod, so any value above
  // 0 surges on every cluster. A surge pod that stays Pending counts against maxSurge, and the old
  // pod on its node goes only when it is available: nothing moves until someone deletes old pods.
  if (!w.detail->max_surge || w.detail->max_surge->value == 0) return;
  if (const std::string ports = held_host_ports(w); !ports.empty()) {
    p.rollout_deadlock = true;
    p.rollout_reason = fmt::format(
        "maxSurge {} makes the DaemonSet start each new pod beside the old one on the same node, and the old pod keeps "
        "host port {} until the new one is available; the scheduler places no second pod with that port on a node "
        "(\"didn't have free ports for the requested pod ports\"), so the new pod stays Pending and the old one is "
        "never removed",
        w.detail->max_surge->to_string(), ports);
    return;
  }
  for (const HardRule& r : rules.hard) {
    if (r.spread || r.key != inventory::kHostname) continue;
    p.rollout_deadlock = true;
    p.rollout_reason = fmt::format(
        "maxSurge {} makes the DaemonSet start each new pod beside the old one on the same node, and {} forbids a "
        "second pod of it there, so the new pod stays Pending and the old one is never removed",
        w.detail->max_surge->to_string(), r.text);
    return;
  }
}

}  // namespace faultline::placement::detail
