// Which nodes a workload's pods may go to, and why each of the others is excluded. Nodes with
// the same reasons form one group, so a report says "3 nodes: taint ... not tolerated" once.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "faultline/placement/eligibility.hpp"
#include "steps.hpp"

namespace faultline::placement::detail {

namespace {

std::string describe(const model::NodeSelectorRequirement& r) {
  if (r.values.empty()) return r.key + " " + r.op;
  return fmt::format("{} {} ({})", r.key, r.op, fmt::join(r.values, ", "));
}

std::string describe(const std::vector<model::NodeSelectorTerm>& terms) {
  std::vector<std::string> parts;
  for (const auto& term : terms) {
    std::vector<std::string> reqs;
    for (const auto& r : term.match_expressions) reqs.push_back(describe(r));
    for (const auto& r : term.match_fields) reqs.push_back(describe(r));
    parts.push_back(reqs.empty() ? "{}" : fmt::format("{}", fmt::join(reqs, " and ")));
  }
  return fmt::format("{}", fmt::join(parts, " or "));
}

bool any_term_matches(const std::vector<model::NodeSelectorTerm>& terms, const model::Node& node) {
  return std::any_of(terms.begin(), terms.end(),
                     [&](const model::NodeSelectorTerm& t) { return t.matches(node.meta.labels, node.meta.ref.name); });
}

/// Every reason `node` takes none of the workload's pods; empty when it is eligible.
std::vector<std::string> reasons(const model::Workload& w, const model::Node& node,
                                 const std::vector<model::Toleration>& tolerations, const std::vector<NodeFilter>& filters) {
  std::vector<std::string> out;
  const std::string& pinned = w.pod.node_name;
  if (!pinned.empty() && pinned != node.meta.ref.name) return {"spec.nodeName is " + pinned};
  // spec.nodeName bypasses the scheduler: cordon and NoSchedule taints do not apply, the kubelet's checks do.
  if (pinned.empty()) {
    const std::string unusable = inventory::unusable_reason(node);
    const bool daemon_on_cordoned = w.kind == model::WorkloadKind::DaemonSet && node.unschedulable && node.ready.value_or(true);
    if (!unusable.empty() && !daemon_on_cordoned) out.push_back(unusable);
  } else if (node.ready && !*node.ready) {
    out.push_back("NotReady");
  }
  for (const auto& [key, value] : w.pod.node_selector) {
    const auto it = node.meta.labels.find(key);
    if (it == node.meta.labels.end() || it->second != value) out.push_back(fmt::format("nodeSelector {}={}", key, value));
  }
  const auto& required = w.pod.node_affinity.required;
  if (!required.empty() && !any_term_matches(required, node))
    out.push_back("required node affinity " + describe(required));
  std::vector<std::string> taints;
  for (const auto& t : untolerated_taints(node, tolerations, !pinned.empty())) {
    // The lifecycle taints of a cordoned or NotReady node are already named above.
    if (t.key == "node.kubernetes.io/unschedulable" && node.unschedulable) continue;
    if (t.key == "node.kubernetes.io/not-ready" && node.ready && !*node.ready) continue;
    taints.push_back(placement::describe(t));
  }
  if (!taints.empty()) out.push_back(fmt::format("taint {} not tolerated", fmt::join(taints, ", ")));
  for (const auto& f : filters)
    if (!any_term_matches(f.terms, node)) out.push_back(f.reason + " (" + describe(f.terms) + ")");
  return out;
}

}  // namespace

Eligibility find_eligible(const model::Workload& w, const inventory::Inventory& inv, const std::vector<NodeFilter>& filters) {
  Eligibility out;
  const auto tolerations = effective_tolerations(w);
  std::map<std::string, std::vector<std::string>> groups;
  for (const model::Node* node : inv.nodes) {
    const auto why = reasons(w, *node, tolerations, filters);
    if (why.empty()) out.nodes.push_back(node);
    else groups[fmt::format("{}", fmt::join(why, "; "))].push_back(node->meta.ref.name);
  }
  if (!w.pod.node_name.empty() && !inv.find(w.pod.node_name))
    groups["spec.nodeName names a node that is not in the inventory"].push_back(w.pod.node_name);
  for (auto& [reason, nodes] : groups) out.excluded.push_back({std::move(nodes), reason});
  return out;
}

}  // namespace faultline::placement::detail
