// Folding findings by cause: the placement findings of workloads gathered on too few nodes (or in
// one zone) are explained by one missing condition, which a person fixes once.
#include "faultline/report/causes.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "faultline/placement/describe.hpp"

namespace faultline::report {

namespace {

/// A rule that fires on this many objects (outside any other cause) is listed as one item.
constexpr std::size_t kSameRuleFold = 3;

/// Templates whose findings follow from where a workload's replicas can be placed.
bool placement_template(const std::string& id) {
  static const std::set<std::string> ids = {"survives-domain-loss", "pending-replicas", "rollout-deadlock",
                                            "no-eligible-node", "replicas-placeable"};
  return ids.count(id) > 0;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

struct Folder {
  const Analysis& analysis;
  std::map<model::ObjectRef, const placement::WorkloadPlacement*> placements;
  std::map<std::pair<std::string, std::size_t>, const rules::Finding*> namespace_leads;  ///< (ns, node set id)
  std::map<std::string, const rules::Finding*> cluster_leads;  ///< by subject (topology key)
  Folding out;
  std::map<std::string, std::size_t> by_id;

  explicit Folder(const Analysis& a) : analysis(a) {
    for (const auto& p : a.placement.workloads)
      if (p.workload) placements.emplace(p.workload->meta.ref, &p);
  }

  // Node sets are compared by number: each distinct list of names gets one, and each eligible set
  // of the placement (shared by every workload of one scheduling signature) is named and sorted
  // once, not once per finding (a finding per workload, a thousand nodes per set).
  std::map<std::vector<std::string>, std::size_t> set_ids;
  std::vector<const std::vector<std::string>*> set_names;  ///< id → the names (keys of set_ids)
  std::unordered_map<const placement::NodeSet*, std::size_t> eligible_ids;

  std::size_t set_id(std::vector<std::string> names) {
    const auto [it, added] = set_ids.try_emplace(std::move(names), set_names.size());
    if (added) set_names.push_back(&it->first);
    return it->second;
  }

  std::size_t eligible_id(const placement::NodeSet& nodes) {
    const auto it = eligible_ids.find(&nodes);
    if (it != eligible_ids.end()) return it->second;
    std::vector<std::string> names = nodes.names(analysis.inventory);
    std::sort(names.begin(), names.end());
    return eligible_ids.emplace(&nodes, set_id(std::move(names))).first->second;
  }

  void add_lead(const rules::Finding* f) {
    if (f->object.kind == "Namespace" && !f->cause_nodes.empty())
      namespace_leads.try_emplace({f->object.name, set_id(f->cause_nodes)}, f);
    else if (f->object.kind == "Cluster" && !f->subject.empty())
      cluster_leads.try_emplace(f->subject, f);
  }

  /// The placement of the workload a finding is about, when the finding follows from it.
  const placement::WorkloadPlacement* placement_of(const rules::Finding& f) const {
    const rules::Rule* rule = analysis.catalogue.find(f.rule);
    if (!rule || !placement_template(rule->template_id)) return nullptr;
    const auto it = placements.find(f.object);
    if (it == placements.end()) return nullptr;
    // replicas-placeable also reports too few replicas, which no node explains.
    if (rule->template_id == "replicas-placeable" && it->second->pending == 0) return nullptr;
    return it->second;
  }

  Cause& cause(const std::string& id) {
    auto [it, added] = by_id.try_emplace(id, out.causes.size());
    if (added) out.causes.push_back(Cause{id, {}, {}, {}, nullptr, {}, {}});
    return out.causes[it->second];
  }

  Cause& lead_cause(const rules::Finding* lead) {
    Cause& c = cause("finding:" + lead->fingerprint());
    if (!c.lead) {
      c.lead = lead;
      c.title = lead->message;
      c.fix = lead->remediation;
      c.evidence = lead->evidence;
    }
    return c;
  }

  /// Per cause id, the objects it lists already: one rule can fold 100,000 findings, so a
  /// search of the list per finding would be quadratic.
  std::unordered_map<std::string, std::unordered_set<std::string>> listed;

  void explain(Cause& c, const rules::Finding* f) {
    c.findings.push_back(f);
    std::string name = f->object.display();
    if (listed[c.id].insert(name).second) c.workloads.push_back(std::move(name));
  }
};

/// Too few nodes for a workload: fewer than its replicas, or only one, or all in one zone is left to a lead.
bool short_of_nodes(const placement::WorkloadPlacement& p) {
  if (!p.eligible || p.eligible->size() == 0) return false;
  return p.eligible->size() < 2 || static_cast<int>(p.eligible->size()) < p.replicas;
}

}  // namespace

std::size_t Folding::top_level_items(std::size_t listed) const {
  std::size_t folded = 0;
  for (const auto& c : causes) folded += c.findings.size() + (c.lead ? 1 : 0);
  return causes.size() + (listed - folded);
}

Folding fold_by_cause(const Analysis& analysis, const std::vector<const rules::Finding*>& listed) {
  Folder folder(analysis);
  for (const auto* f : listed)
    if (rules::is_scope(f->object)) folder.add_lead(f);

  // Without a lead, a node set becomes a cause only when it explains two or more workloads.
  std::map<std::size_t, std::vector<const rules::Finding*>> unnamed;  ///< by node set id
  for (const auto* f : listed) {
    const placement::WorkloadPlacement* p = folder.placement_of(*f);
    if (!p || !p->eligible || p->eligible->size() == 0) continue;
    const std::size_t nodes = folder.eligible_id(*p->eligible);
    if (auto it = folder.namespace_leads.find({f->object.ns, nodes}); it != folder.namespace_leads.end()) {
      folder.explain(folder.lead_cause(it->second), f);
    } else if (auto c = folder.cluster_leads.find(f->subject); c != folder.cluster_leads.end()) {
      folder.explain(folder.lead_cause(c->second), f);
    } else if (short_of_nodes(*p)) {
      unnamed[nodes].push_back(f);
    }
  }
  // In the order of the node names, as causes of the same severity are listed.
  std::vector<std::pair<const std::vector<std::string>*, const std::vector<const rules::Finding*>*>> by_names;
  for (const auto& [id, findings] : unnamed) by_names.emplace_back(folder.set_names[id], &findings);
  std::sort(by_names.begin(), by_names.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  for (const auto& [names, found] : by_names) {
    const std::vector<std::string>& nodes = *names;
    const std::vector<const rules::Finding*>& findings = *found;
    std::set<model::ObjectRef> workloads;
    for (const auto* f : findings) workloads.insert(f->object);
    if (workloads.size() < 2) continue;
    Cause& c = folder.cause("eligible-nodes:" + joined(nodes));
    c.title = fmt::format("Only {} eligible for {} workloads: {}", nodes.size() == 1 ? "1 node is" : fmt::format("{} nodes are", nodes.size()),
                          workloads.size(), placement::list_names(nodes));
    c.fix = "Make more nodes eligible for these workloads: label or untaint more nodes, or relax the nodeSelector, "
            "node affinity or tolerations that exclude the others.";
    if (const auto p = folder.placements.find(findings.front()->object); p != folder.placements.end())
      for (const auto& line : placement::describe_exclusions(*p->second)) c.evidence.push_back("excluded: " + line);
    for (const auto* f : findings) folder.explain(c, f);
  }

  // The same rule on many objects is one recommendation: one item listing the objects.
  std::map<std::string, std::vector<const rules::Finding*>> by_rule;
  std::set<const rules::Finding*> folded;
  for (const auto& c : folder.out.causes) {
    if (c.lead) folded.insert(c.lead);
    folded.insert(c.findings.begin(), c.findings.end());
  }
  for (const auto* f : listed)
    if (!folded.count(f) && !rules::is_scope(f->object)) by_rule[f->rule].push_back(f);
  for (const auto& [rule_id, findings] : by_rule) {
    if (findings.size() < kSameRuleFold) continue;
    const rules::Rule* rule = analysis.catalogue.find(rule_id);
    Cause& c = folder.cause("rule:" + rule_id);
    c.title = fmt::format("[{}] {} ({} objects)", rule_id, rule ? rule->summary : findings.front()->message, findings.size());
    const std::string& first_fix = findings.front()->remediation;  // clang 14 cannot capture a structured binding
    const bool same_fix = std::all_of(findings.begin(), findings.end(),
                                      [&](const rules::Finding* f) { return f->remediation == first_fix; });
    c.fix = same_fix ? findings.front()->remediation
                     : "per object (`--format json` has each one); the fix plan below merges them where it can.";
    for (const auto* f : findings) folder.explain(c, f);
  }

  Folding& out = folder.out;
  std::erase_if(out.causes, [](const Cause& c) { return c.findings.empty(); });
  // Worst first: by the severity of the lead or of the worst explained finding.
  auto worst = [](const Cause& c) {
    Severity s = c.lead ? c.lead->severity : Severity::info;
    for (const auto* f : c.findings) s = std::max(s, f->severity);
    return s;
  };
  std::stable_sort(out.causes.begin(), out.causes.end(), [&](const Cause& a, const Cause& b) { return worst(a) > worst(b); });
  for (std::size_t i = 0; i < out.causes.size(); ++i) {
    if (out.causes[i].lead) out.cause_of[out.causes[i].lead] = i;
    for (const auto* f : out.causes[i].findings) out.cause_of[f] = i;
  }
  return out;
}

}  // namespace faultline::report
