#pragma once
/// Which nodes a pod template may run on: node selector, required node affinity, taints.
#include <string>
#include <vector>

#include "faultline/model/model.hpp"

namespace faultline::placement {

/// Does `toleration` tolerate `taint`? (effect equal or empty; key equal, or empty with Exists;
/// value equal unless Exists).
bool tolerates(const model::Toleration& toleration, const model::Taint& taint);

/// The taints of `node` that keep new pods with `tolerations` away: NoSchedule and NoExecute
/// ones no toleration matches (with `no_execute_only`, only NoExecute: a pod with spec.nodeName
/// bypasses the scheduler, but the kubelet still rejects it). A cordoned or NotReady node counts
/// the taint the node lifecycle controller gives it.
std::vector<model::Taint> untolerated_taints(const model::Node& node, const std::vector<model::Toleration>& tolerations,
                                             bool no_execute_only = false);

/// "key=value:Effect" (or "key:Effect" without a value).
std::string describe(const model::Taint& taint);

/// Does the pod's nodeSelector and required node affinity admit `node`?
bool node_affinity_matches(const model::PodTemplate& pod, const model::Node& node);

/// The pod's tolerations plus the ones the DaemonSet controller adds to its pods.
std::vector<model::Toleration> effective_tolerations(const model::Workload& w);

}  // namespace faultline::placement
