#pragma once
// Rolling updates that cannot progress whatever the nodes: what the workload's own spec decides.
// Checked for every workload, with or without an inventory, after its placement.
#include "steps.hpp"

namespace faultline::placement::detail {

/// A DaemonSet that surges (maxSurge > 0) starts each new pod on the node of the old one and
/// removes the old pod only once the new one is available. A hostPort the old pod holds, or a
/// required hostname anti-affinity on its own pods, keeps the new pod Pending for ever.
void check_daemon_rollout(WorkloadPlacement& p, const Rules& rules, bool on_inventory);

/// A StatefulSet whose partition is at or above its replicas: the controller updates only the
/// ordinals at or above the partition, so no pod ever runs a new template.
void check_partition(WorkloadPlacement& p);

}  // namespace faultline::placement::detail
