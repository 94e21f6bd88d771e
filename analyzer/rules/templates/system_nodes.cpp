/// system-nodes: workloads gathered onto nodes carrying a role `label` (required or preferred
/// node affinity, or nodeSelector) need enough such nodes. One hit per namespace, naming
/// Namespace/<ns> (located at its first such workload): fewer than `min_nodes` labelled nodes (the rule's severity); fewer than
/// `recommended_nodes` (variant `below-recommended`); all of them in one zone (`one-zone`); a node
/// whose label value is "false", which an Exists selector still matches (`false-value`); no
/// labelled node while the affinity is only preferred, so the role is unused (`unused`); and,
/// without an inventory, that the count cannot be checked (`no-inventory`, once, on the Cluster).
#include <algorithm>

#include <fmt/format.h>

#include <map>
#include <set>

#include "faultline/inventory/inventory.hpp"
#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

bool term_refers(const model::NodeSelectorTerm& term, const std::string& label) {
  for (const auto& req : term.match_expressions)
    if (req.key == label) return true;
  return false;
}

/// "required", "preferred" or "" for how the pod template gathers onto labelled nodes.
std::string gathering(const model::Workload& w, const std::string& label) {
  if (w.pod.detail->node_selector.count(label)) return "required";
  for (const auto& term : w.pod.detail->node_affinity.required)
    if (term_refers(term, label)) return "required";
  for (const auto& pref : w.pod.detail->node_affinity.preferred)
    if (term_refers(pref.preference, label)) return "preferred";
  return "";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out.empty() ? "none" : out;
}

Hit base_hit(const model::Workload& w, const std::string& label, const std::string& how) {
  Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
  hit.vars = {{"label", label}, {"affinity", how}};
  hit.evidence.push_back(fmt::format("pods of namespace {} have {} node affinity to {} (e.g. {})", w.meta.ref.ns, how,
                                     label, w.meta.ref.display()));
  return hit;
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const std::string label = in.params.get_string("label");
  const int min_nodes = in.params.get_int("min_nodes");
  const int recommended = in.params.get_int("recommended_nodes");

  // The first (by name) gathered workload of each namespace stands for it; required wins over preferred.
  std::map<std::string, std::pair<const model::Workload*, std::string>> per_ns;
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const std::string how = gathering(w, label);
    if (how.empty()) continue;
    auto [it, added] = per_ns.try_emplace(w.meta.ref.ns, &w, how);
    if (!added && w.meta.ref.name < it->second.first->meta.ref.name) it->second.first = &w;
    if (how == "required") it->second.second = how;
  }
  if (per_ns.empty()) return;

  std::vector<std::string> names, false_valued;
  std::set<std::string> zones;
  for (const model::Node* node : in.ctx.inventory.nodes) {
    const auto value = node->meta.labels.find(label);
    if (value == node->meta.labels.end() || !inventory::Inventory::usable(*node)) continue;
    names.push_back(node->meta.ref.name);
    if (value->second == "false") false_valued.push_back(node->meta.ref.name);
    zones.insert(in.ctx.inventory.domain_of(*node, inventory::kZone).value_or("(no zone label)"));
  }
  const int count = static_cast<int>(names.size());

  if (!in.ctx.inventory.present()) {
    // One cluster-wide note instead of one per namespace: the missing inventory is the same for all.
    std::vector<std::string> namespaces;
    for (const auto& [ns, first] : per_ns) namespaces.push_back(ns);
    const auto& [w, how] = per_ns.begin()->second;
    Hit hit = base_hit(*w, label, how);
    hit.variant = "no-inventory";
    hit.subject = "inventory";
    hit.scope = cluster_scope();
    hit.vars["namespace"] = placement::list_names(namespaces);
    hit.evidence.push_back("no node inventory was given");
    hits.push_back(std::move(hit));
    return;
  }

  // Plain references, not structured bindings: clang 14 (the sanitizer and fuzz build) cannot capture those.
  for (const auto& entry : per_ns) {
    const std::string& ns = entry.first;
    const model::Workload* w = entry.second.first;
    const std::string& how = entry.second.second;
    auto emit = [&](const std::string& variant, const std::string& subject, std::vector<std::string> evidence) {
      Hit hit = base_hit(*w, label, how);
      hit.variant = variant;
      hit.subject = subject;
      hit.scope = namespace_scope(ns);
      // Too few system nodes (or all in one zone) is what the placement findings of the
      // namespace's workloads gathered on exactly these nodes come down to.
      if (variant.empty() || variant == "below-recommended" || variant == "one-zone") hit.cause_nodes = names;
      hit.vars["count"] = std::to_string(count);
      hit.vars["such"] = count == 1 ? "1 such node exists" : fmt::format("{} such nodes exist", count);
      hit.vars["missing"] = std::to_string(std::max(recommended - count, 1));
      hit.vars["nodes"] = join(names);
      hit.vars["min"] = std::to_string(min_nodes);
      hit.vars["recommended"] = std::to_string(recommended);
      hit.vars["zone"] = zones.empty() ? "" : *zones.begin();
      hit.vars["node"] = subject;
      for (auto& e : evidence) hit.evidence.push_back(std::move(e));
      hits.push_back(std::move(hit));
    };
    const std::string listed = fmt::format("usable nodes labelled {}: {}", label, join(names));
    // Gathering is optional where the affinity is only preferred: no labelled node means unused.
    if (count == 0 && how != "required") emit("unused", "count", {listed});
    else if (count < min_nodes) emit("", "count", {listed});
    else if (count < recommended) emit("below-recommended", "count", {listed});
    if (count >= 2 && zones.size() == 1) emit("one-zone", "zone", {listed, "every one of them is in zone " + *zones.begin()});
    for (const auto& node : false_valued)
      emit("false-value", node, {fmt::format("node {} has {}=false, which an Exists selector still matches", node, label)});
  }
}

}  // namespace

Template system_nodes() {
  return {"system-nodes",
          "Workloads gathered on role-labelled nodes have too few such nodes, in too few zones.",
          {{"label", "string", "", "node label that marks the role's nodes", true},
           {"min_nodes", "int", "2", "fewer labelled nodes: the rule's severity", false},
           {"recommended_nodes", "int", "3", "fewer labelled nodes: variant below-recommended", false}},
          {"long-running"},
          {"label", "affinity", "count", "such", "missing", "nodes", "min", "recommended", "zone", "node"},
          evaluate};
}

}  // namespace faultline::rules::templates
