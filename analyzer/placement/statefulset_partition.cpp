#include <fmt/format.h>

#include "spec_rollout.hpp"

namespace faultline::placement::detail {

void check_partition(WorkloadPlacement& p) {
  const auto& w = *p.workload;
  if (w.kind != model::WorkloadKind::StatefulSet || w.detail->strategy_type != "RollingUpdate") return;
  if (p.replicas == 0 || w.detail->partition < p.replicas) return;
  // The controller deletes for update only ordinals from replicas-1 down to the partition
  // (pkg/controller/statefulset/stateful_set_control.go, updateMin); none is left here.
  p.rollout_deadlock = true;
  p.rollout_reason = fmt::format(
      "updateStrategy.rollingUpdate.partition {} is at or above its {} replicas, and the StatefulSet controller "
      "updates only the ordinals at or above the partition, so no pod ever runs a new template (only pods created "
      "on a scale-up above ordinal {} would)",
      w.detail->partition, p.replicas, w.detail->partition - 1);
}

}  // namespace faultline::placement::detail
