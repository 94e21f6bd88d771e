/// hard-spread: a workload with `min_replicas` or more replicas and no hard rule that keeps two of
/// them out of one domain of `key`: no required pod anti-affinity and no DoNotSchedule topology
/// spread constraint whose selector selects the workload's own pods. Preferred rules are named
/// as best effort. With `only_without_inventory`, it stays silent when an inventory is given,
/// because placement then measures the real worst case.
#include <fmt/format.h>

#include "faultline/inventory/inventory.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

/// A term selects the workload's own pods when its selector matches them in their namespace.
bool selects_own_pods(const model::PodAffinityTerm& term, const model::Workload& w) {
  const bool own_ns = term.namespace_selector || term.namespaces.empty() ||
                      std::find(term.namespaces.begin(), term.namespaces.end(), w.meta.ref.ns) != term.namespaces.end();
  return own_ns && term.label_selector && term.label_selector->matches(w.pod.labels);
}

/// Required anti-affinity on `key` keeps replicas apart; on zone or region it does too for
/// hostname, since every node sits in exactly one zone.
bool anti_affinity_covers(const std::string& term_key, const std::string& key) {
  if (term_key == key) return true;
  return key == inventory::kHostname && (term_key == inventory::kZone || term_key == inventory::kRegion);
}

bool has_hard_rule(const model::Workload& w, const std::string& key) {
  for (const auto& term : w.pod.detail->pod_anti_affinity.required)
    if (anti_affinity_covers(term.topology_key, key) && selects_own_pods(term, w)) return true;
  for (const auto& tsc : w.pod.detail->topology_spread)
    if (tsc.when_unsatisfiable == "DoNotSchedule" && tsc.topology_key == key && tsc.label_selector &&
        tsc.label_selector->matches(w.pod.labels))
      return true;
  return false;
}

std::vector<std::string> soft_rules(const model::Workload& w, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& p : w.pod.detail->pod_anti_affinity.preferred)
    if (p.term.topology_key == key && selects_own_pods(p.term, w))
      out.push_back(fmt::format("preferred pod anti-affinity on {} (weight {})", key, p.weight));
  for (const auto& tsc : w.pod.detail->topology_spread)
    if (tsc.when_unsatisfiable != "DoNotSchedule" && tsc.topology_key == key)
      out.push_back(fmt::format("topology spread constraint on {} with whenUnsatisfiable: {}", key, tsc.when_unsatisfiable));
  return out;
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const bool silent = in.params.get_bool("only_without_inventory") && in.ctx.inventory.present();
  const std::string key = in.params.get_string("key");
  const int min = in.params.get_int("min_replicas");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || silent || !w.pod.node_name.empty()) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    if (replicas < min || has_hard_rule(w, key)) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    const auto soft = soft_rules(w, key);
    std::string joined;
    for (const auto& s : soft) joined += (joined.empty() ? "" : "; ") + s;
    hit.vars = {{"replicas", std::to_string(replicas)}, {"key", key}, {"preferred", joined}};
    hit.evidence.push_back(fmt::format("no required pod anti-affinity and no DoNotSchedule topology spread "
                                       "constraint on {} selects the workload's own pods", key));
    for (const auto& s : soft) hit.evidence.push_back(s + ": best effort, the scheduler may ignore it");
    if (!soft.empty()) hit.variant = "preferred";
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template hard_spread() {
  return {"hard-spread",
          "Replicas that no hard scheduling rule keeps in distinct domains of a topology key.",
          {{"key", "string", inventory::kHostname, "topology key the replicas must spread over", false},
           {"min_replicas", "int", "2", "workloads with fewer effective replicas are not examined", false},
           {"only_without_inventory", "bool", "true",
            "stay silent when a node inventory is given (placement then reports the measured worst case)", false}},
          {"replicated"},
          {"replicas", "key", "preferred"},
          evaluate};
}

}  // namespace faultline::rules::templates
