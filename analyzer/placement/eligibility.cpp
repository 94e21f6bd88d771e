// Node eligibility for a pod template, as the scheduler's NodeAffinity and TaintToleration
// filters and the kubelet's admission check see it.
#include "faultline/placement/eligibility.hpp"

#include <algorithm>

#include "faultline/inventory/inventory.hpp"

namespace faultline::placement {

namespace {

bool has_taint(const model::Node& node, const std::string& key, const std::string& effect) {
  return std::any_of(node.taints.begin(), node.taints.end(),
                     [&](const model::Taint& t) { return t.key == key && t.effect == effect; });
}

/// spec.taints plus the condition taints the node lifecycle controller adds, when a dump lacks them.
std::vector<model::Taint> taints_of(const model::Node& node) {
  std::vector<model::Taint> out = node.taints;
  if (node.unschedulable && !has_taint(node, "node.kubernetes.io/unschedulable", "NoSchedule"))
    out.push_back({"node.kubernetes.io/unschedulable", "", "NoSchedule"});
  if (node.ready && !*node.ready && !has_taint(node, "node.kubernetes.io/not-ready", "NoSchedule"))
    out.push_back({"node.kubernetes.io/not-ready", "", "NoSchedule"});
  return out;
}

}  // namespace

bool tolerates(const model::Toleration& toleration, const model::Taint& taint) {
  if (!toleration.effect.empty() && toleration.effect != taint.effect) return false;
  const bool exists = toleration.op == "Exists";
  if (toleration.key.empty()) return exists;
  if (toleration.key != taint.key) return false;
  return exists || toleration.value == taint.value;
}

std::vector<model::Taint> untolerated_taints(const model::Node& node, const std::vector<model::Toleration>& tolerations,
                                             bool no_execute_only) {
  std::vector<model::Taint> out;
  for (const model::Taint& taint : taints_of(node)) {
    const bool filters = taint.effect == "NoExecute" || (!no_execute_only && taint.effect == "NoSchedule");
    if (!filters) continue;
    const bool tolerated = std::any_of(tolerations.begin(), tolerations.end(),
                                       [&](const model::Toleration& t) { return tolerates(t, taint); });
    if (!tolerated) out.push_back(taint);
  }
  return out;
}

std::string describe(const model::Taint& taint) {
  return taint.key + (taint.value.empty() ? "" : "=" + taint.value) + ":" + taint.effect;
}

bool node_affinity_matches(const model::PodTemplate& pod, const model::Node& node) {
  for (const auto& [key, value] : pod.detail->node_selector) {
    const auto it = node.meta.labels.find(key);
    if (it == node.meta.labels.end() || it->second != value) return false;
  }
  const auto& terms = pod.detail->node_affinity.required;
  return terms.empty() || std::any_of(terms.begin(), terms.end(), [&](const model::NodeSelectorTerm& t) {
           return t.matches(node.meta.labels, node.meta.ref.name);
         });
}

std::vector<model::Toleration> effective_tolerations(const model::Workload& w) {
  std::vector<model::Toleration> out = w.pod.detail->tolerations;
  if (w.kind != model::WorkloadKind::DaemonSet) return out;
  // AddOrUpdateDaemonPodTolerations: DaemonSet pods run on cordoned and pressured nodes.
  for (const char* key : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"})
    out.push_back({key, "Exists", "", "NoExecute", std::nullopt});
  for (const char* key : {"node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                          "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable"})
    out.push_back({key, "Exists", "", "NoSchedule", std::nullopt});
  return out;
}

}  // namespace faultline::placement
