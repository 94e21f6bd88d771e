// The SPOF definition (see spof.hpp) applied to one workload's placement.
#include <fmt/format.h>

#include "faultline/graph/spof.hpp"
#include "faultline/health/observed_health.hpp"

namespace faultline::graph {

SpofStatus spof_status(const placement::WorkloadPlacement& p, bool inventory_present, const health::WorkloadHealth* observed) {
  if (p.workload == nullptr || p.replicas <= 0) return {};
  if (observed != nullptr && observed->wanted > 1 && observed->ready <= 1) {
    if (observed->ready == 0) return {true, fmt::format("none of its {} replicas is Ready in the cluster dump", observed->wanted)};
    return {true, fmt::format("1 of {} replicas Ready in the cluster dump", observed->wanted)};
  }
  const bool daemon = p.workload->kind == model::WorkloadKind::DaemonSet;
  if (daemon && !p.eligible_nodes) return {};  // one pod per node of a cluster we do not know
  const int runnable = p.replicas - p.pending;
  if (runnable <= 0) return {true, fmt::format("none of its {} replicas can be scheduled", p.replicas)};
  if (runnable == 1) {
    if (daemon) return {true, "1 eligible node"};
    return {true, p.pending > 0 ? fmt::format("1 of {} replicas can be scheduled", p.replicas) : "1 replica"};
  }
  if (!inventory_present) return {};
  const auto* host = p.level(inventory::kHostname);
  if (host != nullptr && host->domains > 0 && host->survivors_after_worst_loss <= 0) {
    const std::string where = host->worst_domains.empty() ? "one node" : "node " + host->worst_domains.front();
    return {true, fmt::format("all {} replicas can share {}", runnable, where)};
  }
  return {};
}

}  // namespace faultline::graph
