// Observed placement in a cluster dump: Pods with spec.nodeName, grouped by the workload that
// owns them (a ReplicaSet's Pods belong to its Deployment). When the ReplicaSet object is
// missing, the pod-template-hash label names it: "<deployment>-<hash>".
#include <map>

#include "steps.hpp"

namespace faultline::placement::detail {

namespace {

const model::OwnerRef* controller_of(const model::ObjectMeta& meta) {
  for (const auto& o : meta.owners)
    if (o.controller) return &o;
  return meta.owners.empty() ? nullptr : &meta.owners.front();
}

/// The Deployment a ReplicaSet named `rs` belongs to, from the object or from the naming convention.
const model::Workload* deployment_of_replica_set(const model::Model& model, const model::Workload& pod, const std::string& rs) {
  const std::string& ns = pod.meta.ref.ns;
  if (const model::Workload* set = model.find_workload("ReplicaSet", ns, rs)) {
    const model::OwnerRef* owner = controller_of(set->meta);
    if (!owner) return set;
    return model.find_workload(owner->kind, ns, owner->name);
  }
  const auto hash = pod.meta.labels.find("pod-template-hash");
  if (hash != pod.meta.labels.end() && rs.size() > hash->second.size() + 1 && rs.ends_with("-" + hash->second))
    return model.find_workload("Deployment", ns, rs.substr(0, rs.size() - hash->second.size() - 1));
  return nullptr;
}

const model::Workload* owner_of(const model::Model& model, const model::Workload& pod) {
  const model::OwnerRef* owner = controller_of(pod.meta);
  if (!owner) return &pod;
  if (owner->kind == "ReplicaSet") return deployment_of_replica_set(model, pod, owner->name);
  return model.find_workload(owner->kind, pod.meta.ref.ns, owner->name);
}

bool live(const model::Workload& pod) {
  return pod.kind == model::WorkloadKind::Pod && pod.phase != "Succeeded" && pod.phase != "Failed";
}

}  // namespace

void add_observed(PlacementResult& result, const model::Model& model, const inventory::Inventory& inv) {
  std::map<const model::Workload*, Observed> by_owner;
  for (const model::Workload& pod : model.workloads) {
    if (!live(pod)) continue;
    const model::Workload* owner = owner_of(model, pod);
    if (!owner) continue;
    Observed& o = by_owner[owner];
    o.pods.push_back(&pod);
    if (pod.pod.node_name.empty()) continue;
    ++o.running;
    ++o.per_node[pod.pod.node_name];
    if (const model::Node* node = inv.find(pod.pod.node_name))
      if (auto zone = inv.domain_of(*node, inventory::kZone)) ++o.per_zone[*zone];
  }
  for (auto& p : result.workloads)
    if (const auto it = by_owner.find(p.workload); it != by_owner.end()) p.observed = it->second;
}

}  // namespace faultline::placement::detail
