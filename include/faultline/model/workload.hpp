#pragma once
/// Workloads: the objects that run pods and are availability targets (or, for Job/CronJob, are not).
#include <optional>
#include <string>
#include <vector>

#include "faultline/model/int_or_percent.hpp"
#include "faultline/model/object.hpp"
#include "faultline/model/pod_template.hpp"

namespace faultline::model {

enum class WorkloadKind { Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Pod, Job, CronJob };

/// A PersistentVolumeClaim template of a StatefulSet, or a standalone claim's spec.
struct ClaimSpec {
  std::string name;
  std::optional<std::string> storage_class;  ///< nullopt: cluster default; "" = no class
  std::vector<std::string> access_modes;
  std::string volume_name;  ///< spec.volumeName (pre-bound PV)
};

/// Why a pod is not running as it should: only the failing pods of a dump have any of it.
struct PodTrouble {
  /// "container: CrashLoopBackOff" for each container waiting (or terminated) with a reason.
  std::vector<std::string> waiting;
  std::string unschedulable;     ///< PodScheduled=False: "Unschedulable: 0/3 nodes are available: ..."
};

/// What a cluster dump's Pod status says about one pod (bare Pods only).
struct PodStatus {
  bool present = false;          ///< the Pod had a status with phase or conditions
  std::optional<bool> ready;     ///< conditions[type=Ready]
  int restarts = 0;              ///< sum of containerStatuses[].restartCount
  /// Behind a pointer: with it inline a Workload took more than 512 bytes, one deque node of its
  /// own in tcmalloc's 576-byte class, for each of a dump's tens of thousands of Pods.
  OnHeap<PodTrouble> trouble;
};

/// A workload's selector and rollout fields: no Pod has them and no stage reads an owned
/// ReplicaSet's, so those leave this part unallocated.
struct WorkloadDetail {
  std::optional<LabelSelector> selector;
  std::vector<ClaimSpec> volume_claim_templates;  ///< StatefulSet only
  /// Rolling update parameters (Deployment, DaemonSet; a StatefulSet has no maxSurge).
  std::string strategy_type;  ///< "RollingUpdate" (default), "Recreate", "OnDelete"
  std::optional<IntOrPercent> max_unavailable;  ///< StatefulSet: as written (the controller's default is 1)
  std::optional<IntOrPercent> max_surge;
  int partition = 0;  ///< StatefulSet rollingUpdate.partition: ordinals below it are never updated
  std::string pod_management_policy;  ///< StatefulSet
};

/// A Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, bare Pod, Job or CronJob.
struct Workload {
  ObjectMeta meta;
  WorkloadKind kind = WorkloadKind::Deployment;
  std::optional<int> replicas;  ///< spec.replicas as written; nullopt = API default 1
  PodTemplate pod;
  OnHeap<WorkloadDetail> detail;
  std::string phase;                  ///< Pod status.phase, for observed placement
  PodStatus status;                   ///< Pod only: status beyond the phase, for observed health

  /// Long-running and an availability target: not Job/CronJob, not owned by another workload.
  bool is_availability_target() const;
  /// spec.replicas with the API default applied (not HPA-adjusted; see Model::effective_replicas).
  int declared_replicas() const { return replicas.value_or(1); }
};

std::string_view to_string(WorkloadKind kind);
std::optional<WorkloadKind> parse_workload_kind(std::string_view kind);

}  // namespace faultline::model
