#pragma once
/// When a workload is a single point of failure.
///
/// A workload is a SPOF when losing one pod or one node can take away every replica that runs:
///  - it runs at most one replica (effective replicas ≤ 1, HPA minReplicas included), or
///  - none of its replicas can be scheduled (all Pending: the workload is down already), or
///  - with a node inventory, the worst-case placement lets every schedulable replica share one
///    node (hostname level: no replica is guaranteed to survive the loss of a node).
///  - in a cluster dump whose Pods carry a status, the spec asks for more than one replica but
///    at most one of its pods is Ready: the replicas that serve are the Ready ones.
/// A DaemonSet is a SPOF only when at most one node is eligible for it. A workload scaled to
/// zero on purpose is not a SPOF.
#include <string>

#include "faultline/placement/placement.hpp"

namespace faultline::health {
struct WorkloadHealth;
}

namespace faultline::graph {

/// Whether a workload is a SPOF, and why ("1 replica", "all 3 replicas can share node sys-1").
struct SpofStatus {
  bool spof = false;
  std::string reason;
};

/// Applies the definition above to one workload's placement; `observed` is its pods' health in a
/// cluster dump with status, null otherwise (the spec alone decides).
SpofStatus spof_status(const placement::WorkloadPlacement& placement, bool inventory_present,
                       const health::WorkloadHealth* observed = nullptr);

}  // namespace faultline::graph
