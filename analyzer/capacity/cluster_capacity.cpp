// build_capacity(): the resources in play, each node's allocatable and (in a dump) what its
// bound pods request, and each workload's pod request and eligible class. Workloads with the
// same eligible nodes share one class, so later sums run per class, not per workload.
#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "faultline/capacity/capacity.hpp"

namespace faultline::capacity {
namespace {

Amounts dense(const std::vector<std::string>& resources, const ResourceList& list, bool count_pod) {
  Amounts out(resources.size(), 0);
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (resources[i] == "pods" && count_pod) out[i] = 1;  // every pod takes one of the node's pod slots
    else if (const auto it = list.find(resources[i]); it != list.end()) out[i] = it->second;
  }
  return out;
}

int hard_cap(const placement::WorkloadPlacement& p, const std::string& key) {
  const auto* level = p.level(key);
  return level != nullptr && level->hard && level->max_in_one_domain > 0 ? level->max_in_one_domain : 0;
}

}  // namespace

bool is_gpu(const std::string& resource) { return resource.find("gpu") != std::string::npos; }

std::string_view to_string(Usage usage) { return usage == Usage::observed ? "observed" : "planned"; }

std::string describe(Usage usage, std::size_t bound_pods) {
  if (usage == Usage::observed)
    return fmt::format("usage observed: requests of the {} pod{} bound to nodes in the input", bound_pods,
                       bound_pods == 1 ? "" : "s");
  return "usage planned: no pod in the input is bound to a node, so every runnable replica of the input's "
         "workloads must fit on the surviving nodes";
}

bool Capacity::any_allocatable() const {
  return std::any_of(nodes.begin(), nodes.end(), [](const NodeCapacity& n) { return n.known; });
}

int Capacity::node_index(const std::string& name) const {
  const auto it = std::lower_bound(nodes.begin(), nodes.end(), name,
                                   [](const NodeCapacity& n, const std::string& v) { return n.node->meta.ref.name < v; });
  return it != nodes.end() && it->node->meta.ref.name == name ? static_cast<int>(it - nodes.begin()) : -1;
}

Capacity build_capacity(const inventory::Inventory& inventory, const placement::PlacementResult& placement) {
  Capacity cap;
  std::set<std::string> names;
  bool count_pods = false;
  for (const model::Node* n : inventory.nodes) {
    for (const auto& [name, amount] : n->allocatable_amounts) names.insert(name);
    count_pods = count_pods || n->allocatable_amounts.count("pods") > 0;
  }
  std::vector<PodRequests> requests;
  requests.reserve(placement.workloads.size());
  for (const auto& p : placement.workloads) {
    requests.push_back(pod_requests(p.workload->pod));
    for (const auto& [name, amount] : requests.back().amounts) names.insert(name);
  }
  cap.resources.assign(names.begin(), names.end());

  std::map<std::string, int> zone_ids;
  for (const model::Node* n : inventory.nodes) {
    NodeCapacity nc;
    nc.node = n;
    nc.known = !n->allocatable_amounts.empty();
    ResourceList alloc(n->allocatable_amounts.begin(), n->allocatable_amounts.end());
    if (count_pods && nc.known) alloc.emplace("pods", INT_MAX);  // a node that does not say limits no pod count
    nc.allocatable = dense(cap.resources, alloc, false);
    nc.used.assign(cap.resources.size(), 0);
    if (const auto zone = inventory.domain_of(*n, inventory::kZone)) {
      const auto [it, added] = zone_ids.emplace(*zone, static_cast<int>(cap.zones.size()));
      if (added) cap.zones.push_back(*zone);
      nc.zone = it->second;
    }
    cap.nodes.push_back(std::move(nc));
  }

  // Workloads of one scheduling signature share one eligible-node set: one class per set.
  std::unordered_map<const placement::NodeSet*, int> class_of;
  for (std::size_t i = 0; i < placement.workloads.size(); ++i) {
    const auto& p = placement.workloads[i];
    WorkloadDemand d;
    d.placement = &p;
    d.requests = std::move(requests[i]);
    d.request = dense(cap.resources, d.requests.amounts, count_pods);
    d.per_node_cap = hard_cap(p, inventory::kHostname);
    d.per_zone_cap = hard_cap(p, inventory::kZone);
    d.daemon = p.workload->kind == model::WorkloadKind::DaemonSet;
    d.recreated = p.workload->kind != model::WorkloadKind::Pod;
    auto it = class_of.find(p.eligible.get());
    if (it == class_of.end()) {
      it = class_of.emplace(p.eligible.get(), static_cast<int>(cap.classes.size())).first;
      std::vector<int> nodes;
      if (p.eligible)
        for (const auto& name : p.eligible->names(inventory))
          if (const int idx = cap.node_index(name); idx >= 0) nodes.push_back(idx);
      cap.classes.push_back(std::move(nodes));
    }
    d.eligible_class = it->second;
    if (p.observed) {
      for (const model::Workload* pod : p.observed->pods) {
        const int idx = pod->pod.node_name.empty() ? -1 : cap.node_index(pod->pod.node_name);
        if (idx < 0) continue;
        d.bound_nodes.push_back(idx);
        // The bound pod's own spec is what the kubelet admitted; it may differ from the template mid-rollout.
        const Amounts own = dense(cap.resources, pod_requests(pod->pod).amounts, count_pods);
        auto& used = cap.nodes[static_cast<std::size_t>(idx)].used;
        for (std::size_t r = 0; r < used.size(); ++r) used[r] += own[r];
        ++cap.bound_pods;
      }
    }
    cap.workloads.push_back(std::move(d));
  }
  cap.usage = cap.bound_pods > 0 ? Usage::observed : Usage::planned;
  return cap;
}

bool system_class(const Capacity& capacity, int eligible_class) {
  const auto& nodes = capacity.classes[static_cast<std::size_t>(eligible_class)];
  return !nodes.empty() && std::all_of(nodes.begin(), nodes.end(), [&](int n) {
    return capacity.nodes[static_cast<std::size_t>(n)].node->meta.labels.count("node-role.kubernetes.io/runai-system") > 0;
  });
}

}  // namespace faultline::capacity
