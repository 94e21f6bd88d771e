#pragma once
// The DaemonSet half of rollout-deadlock: a surge that can never be placed.
#include "steps.hpp"

namespace faultline::placement::detail {

/// A DaemonSet that surges (maxSurge > 0) starts each new pod on the node of the old one; a
/// required hostname anti-affinity on its own pods keeps that pod Pending for ever.
void check_daemon_rollout(WorkloadPlacement& p, const Rules& rules);

}  // namespace faultline::placement::detail
