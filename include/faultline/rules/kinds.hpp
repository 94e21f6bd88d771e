#pragma once
/// Named kind groups that rule scopes use, defined once.
#include <map>
#include <string>
#include <vector>

namespace faultline::rules {

/// "long-running" (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Pod; never
/// Job or CronJob), "replicated" (the kinds with spec.replicas), "batch" (Job, CronJob), "workloads" (all).
const std::map<std::string, std::vector<std::string>>& kind_groups();

/// Replaces every group name by its kinds; other entries are kinds and stay as they are.
std::vector<std::string> expand_kinds(const std::vector<std::string>& kinds_or_groups);

}  // namespace faultline::rules
