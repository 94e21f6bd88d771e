// Object identity and workload kinds.
#include <array>
#include <utility>

#include "faultline/model/object.hpp"
#include "faultline/model/workload.hpp"

namespace faultline::model {
namespace {

constexpr std::array<std::pair<WorkloadKind, std::string_view>, 8> kKinds{{
    {WorkloadKind::Deployment, "Deployment"},
    {WorkloadKind::StatefulSet, "StatefulSet"},
    {WorkloadKind::DaemonSet, "DaemonSet"},
    {WorkloadKind::ReplicaSet, "ReplicaSet"},
    {WorkloadKind::ReplicationController, "ReplicationController"},
    {WorkloadKind::Pod, "Pod"},
    {WorkloadKind::Job, "Job"},
    {WorkloadKind::CronJob, "CronJob"},
}};

}  // namespace

std::string ObjectRef::display() const {
  if (name.empty()) return kind;
  return ns.empty() ? kind + "/" + name : kind + "/" + ns + "/" + name;
}

std::string_view to_string(WorkloadKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "Workload";
}

std::optional<WorkloadKind> parse_workload_kind(std::string_view kind) {
  for (const auto& [k, name] : kKinds)
    if (name == kind) return k;
  return std::nullopt;
}

bool Workload::is_availability_target() const {
  if (kind == WorkloadKind::Job || kind == WorkloadKind::CronJob) return false;
  for (const OwnerRef& owner : meta.owners) {
    // A bare Pod is a target only when nothing owns it; other kinds only when no workload controls them.
    if (kind == WorkloadKind::Pod) return false;
    if (owner.controller && parse_workload_kind(owner.kind)) return false;
  }
  return true;
}

}  // namespace faultline::model
