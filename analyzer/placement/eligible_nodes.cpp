// Which nodes a workload's pods may go to, and why each of the others is excluded. Nodes with
// the same reasons form one group, so a report says "3 nodes: taint ... not tolerated" once.
// The answer is computed once per scheduling signature (what the scheduler's filters read of the
// pod), against classes of nodes that those filters cannot tell apart; the sentences of the
// exclusions are written only when a rule asks for them.
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "faultline/placement/eligibility.hpp"
#include "steps.hpp"

namespace faultline::placement::detail {

/// Nodes the scheduler's filters cannot tell apart: the same labels (but the hostname), taints,
/// cordon and readiness. Holds, per node, its class and, per class, one member.
struct NodeClasses {
  std::vector<const model::Node*> nodes;  // the inventory's, kept so exclusions outlive it
  std::vector<std::size_t> of;            // per node
  std::vector<std::size_t> sample;        // per class
};

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
  for (const auto& [key, value] : w.pod.detail->node_selector) {
    const auto it = node.meta.labels.find(key);
    if (it == node.meta.labels.end() || it->second != value) out.push_back(fmt::format("nodeSelector {}={}", key, value));
  }
  const auto& required = w.pod.detail->node_affinity.required;
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

void append(std::string& out, const std::string& text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

void append(std::string& out, const std::vector<model::NodeSelectorTerm>& terms) {
  out += 'T';
  for (const auto& term : terms) {
    out += '(';
    for (const auto* list : {&term.match_expressions, &term.match_fields}) {
      out += '[';
      for (const auto& r : *list) {
        append(out, r.key);
        append(out, r.op);
        for (const auto& v : r.values) append(out, v);
        out += ';';
      }
    }
    out += ')';
  }
}

/// Everything find_eligible and reasons() read of the workload, as one string.
std::string signature(const model::Workload& w, const std::vector<model::Toleration>& tolerations,
                      const std::vector<NodeFilter>& filters) {
  std::string out = w.kind == model::WorkloadKind::DaemonSet ? "D" : "-";
  append(out, w.pod.node_name);
  for (const auto& [key, value] : w.pod.detail->node_selector) append(out, key), append(out, value);
  append(out, w.pod.detail->node_affinity.required);
  for (const auto& t : tolerations) append(out, t.key), append(out, t.op), append(out, t.value), append(out, t.effect);
  for (const auto& f : filters) append(out, f.reason), append(out, f.terms);
  return out;
}

bool names_a_node(const std::vector<model::NodeSelectorTerm>& terms) {
  return std::any_of(terms.begin(), terms.end(), [](const model::NodeSelectorTerm& t) {
    return !t.match_fields.empty() || std::any_of(t.match_expressions.begin(), t.match_expressions.end(),
                                                  [](const auto& r) { return r.key == inventory::kHostname; });
  });
}

/// Does the signature read something that differs between the nodes of one class (the name)?
bool reads_node_identity(const model::Workload& w, const std::vector<NodeFilter>& filters) {
  return !w.pod.node_name.empty() || w.pod.detail->node_selector.count(inventory::kHostname) ||
         names_a_node(w.pod.detail->node_affinity.required) ||
         std::any_of(filters.begin(), filters.end(), [](const NodeFilter& f) { return names_a_node(f.terms); });
}

std::shared_ptr<const NodeClasses> classify_nodes(const inventory::Inventory& inv) {
  auto out = std::make_shared<NodeClasses>();
  out->nodes = inv.nodes;
  std::unordered_map<std::string, std::size_t> ids;
  for (std::size_t i = 0; i < inv.nodes.size(); ++i) {
    const model::Node& n = *inv.nodes[i];
    std::string key = n.unschedulable ? "U" : "-";
    key += n.ready ? (*n.ready ? 'R' : 'N') : '?';
    for (const auto& [k, v] : n.meta.labels)
      if (k != inventory::kHostname) append(key, k), append(key, v);
    key += '|';
    for (const auto& t : n.taints) append(key, t.key), append(key, t.value), append(key, t.effect);
    const auto [it, added] = ids.try_emplace(std::move(key), out->sample.size());
    if (added) out->sample.push_back(i);
    out->of.push_back(it->second);
  }
  return out;
}

}  // namespace

EligibilityIndex::EligibilityIndex(const inventory::Inventory& inv) : inv_(inv), classes_(classify_nodes(inv)) {}

std::size_t EligibilityIndex::node_classes() const { return classes_->sample.size(); }

const EligibilityIndex::Answer& EligibilityIndex::find(const model::Workload& w, const std::vector<NodeFilter>& filters) {
  const auto tolerations = effective_tolerations(w);
  std::string key = signature(w, tolerations, filters);
  if (const auto it = answers_.find(key); it != answers_.end()) return it->second;
  const bool per_node = reads_node_identity(w, filters);
  const std::size_t classes = classes_->sample.size();
  // Per class (or per node when the signature reads node names): is it eligible?
  std::vector<char> eligible(per_node ? inv_.nodes.size() : classes, 0);
  for (std::size_t c = 0; c < eligible.size(); ++c)
    eligible[c] = reasons(w, *inv_.nodes[per_node ? c : classes_->sample[c]], tolerations, filters).empty();
  auto nodes = std::make_shared<NodeSet>(inv_.nodes.size());
  for (std::size_t i = 0; i < inv_.nodes.size(); ++i)
    if (eligible[per_node ? i : classes_->of[i]]) nodes->add(i);
  const bool all = nodes->size() == inv_.nodes.size() && (w.pod.node_name.empty() || inv_.find(w.pod.node_name));
  std::shared_ptr<const Exclusions> excluded;
  if (!all) {
    excluded = std::make_shared<const Exclusions>(
        [w = &w, filters, tolerations, classes = classes_, per_node, pinned_known = inv_.find(w.pod.node_name) != nullptr]() {
          std::map<std::string, std::vector<std::string>> groups;
          std::vector<std::optional<std::string>> by_class(classes->sample.size());
          for (std::size_t i = 0; i < classes->nodes.size(); ++i) {
            const model::Node& node = *classes->nodes[i];
            auto& why = by_class[classes->of[i]];
            if (per_node || !why) why = fmt::format("{}", fmt::join(reasons(*w, node, tolerations, filters), "; "));
            if (!why->empty()) groups[*why].push_back(node.meta.ref.name);
          }
          if (!w->pod.node_name.empty() && !pinned_known)
            groups["spec.nodeName names a node that is not in the inventory"].push_back(w->pod.node_name);
          std::vector<Exclusion> out;
          for (auto& [reason, names] : groups) out.push_back({std::move(names), reason});
          return out;
        });
  }
  return answers_.emplace(std::move(key), Answer{std::move(nodes), std::move(excluded)}).first->second;
}

}  // namespace faultline::placement::detail
