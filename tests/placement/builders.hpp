#pragma once
// In-memory builders for nodes and workloads, so placement tests need no files.
#include <string>
#include <vector>

#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::test {

/// A Ready node with a hostname label and, when given, a zone.
inline model::Node node(const std::string& name, const std::string& zone = "", model::Labels labels = {}) {
  model::Node n;
  n.meta.ref = {"v1", "Node", "", name};
  labels[inventory::kHostname] = name;
  if (!zone.empty()) labels[inventory::kZone] = zone;
  n.meta.labels = std::move(labels);
  n.ready = true;
  return n;
}

/// A workload in namespace "shop" whose pods carry app=<name>.
inline model::Workload workload(const std::string& name, int replicas,
                                model::WorkloadKind kind = model::WorkloadKind::Deployment) {
  model::Workload w;
  w.kind = kind;
  w.meta.ref = {"apps/v1", std::string(model::to_string(kind)), "shop", name};
  w.replicas = replicas;
  w.detail.edit().selector = model::LabelSelector{{{"app", name}}, {}};
  w.pod.labels = {{"app", name}};
  return w;
}

/// A selector for the workload's own pods.
inline model::LabelSelector own(const model::Workload& w) { return model::LabelSelector{{{"app", w.meta.ref.name}}, {}}; }

/// Adds a required pod anti-affinity on `key` that selects the workload's own pods.
inline void anti_affinity(model::Workload& w, const std::string& key) {
  model::PodAffinityTerm term;
  term.label_selector = own(w);
  term.topology_key = key;
  w.pod.detail.edit().pod_anti_affinity.required.push_back(term);
}

/// Adds a topology spread constraint over `key` that selects the workload's own pods.
inline model::TopologySpreadConstraint& spread(model::Workload& w, const std::string& key, int max_skew,
                                               const std::string& when = "DoNotSchedule") {
  model::TopologySpreadConstraint c;
  c.topology_key = key;
  c.max_skew = max_skew;
  c.when_unsatisfiable = when;
  c.label_selector = own(w);
  w.pod.detail.edit().topology_spread.push_back(c);
  return w.pod.detail.edit().topology_spread.back();
}

/// Runs inventory and placement; the model must outlive the result.
struct Placed {
  inventory::Inventory inv;
  placement::PlacementResult result;
  const placement::WorkloadPlacement& at(std::size_t i) const { return result.workloads.at(i); }
};

inline Placed run(model::Model& m, const std::vector<std::string>& extra_keys = {}) {
  m.build_indexes();
  Placed out;
  out.inv = inventory::build_inventory(m, extra_keys);
  out.result = placement::place(m, out.inv);
  return out;
}

}  // namespace faultline::test
