/// min-replicas: a long-running workload whose effective replicas (HPA minReplicas when an HPA
/// targets it) is below `min`. One pod is one restart, eviction or node failure from an outage.
/// A workload at replicas 0 is scaled down on purpose and is not reported. Variants:
/// `leader-election` (a container passes a leader-election flag) and `singleton` (strategy Recreate
/// without one), whose fixes differ.
#include <fmt/format.h>

#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

/// The leader-election flag a container passes ("--leader-elect", "--enable-leader-election=true", ...),
/// or "" when none: such a controller runs a standby replica safely.
std::string leader_election_flag(const model::Workload& w) {
  for (const auto& c : w.pod.containers)
    for (const auto* list : {&c.args, &c.command})
      for (const auto& arg : *list) {
        const std::string flag = arg.substr(0, arg.find('='));
        if (flag.find("leader-elect") == std::string::npos) continue;
        const std::string value = arg.find('=') == std::string::npos ? "true" : arg.substr(arg.find('=') + 1);
        if (value != "false") return flag;
      }
  return "";
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    if (replicas >= min || replicas == 0) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    const model::Hpa* hpa = in.ctx.model.hpa_for(w);
    const std::string source = hpa ? fmt::format("HorizontalPodAutoscaler {} minReplicas", hpa->meta.ref.name)
                                   : (w.replicas ? "spec.replicas" : "spec.replicas (not set; the API default is 1)");
    hit.vars = {{"replicas", std::to_string(replicas)}, {"min", std::to_string(min)}, {"source", source}};
    // A second replica means different things: a standby for a leader-elected controller, a
    // conflict for a singleton that replaces its pod with Recreate.
    if (const std::string flag = leader_election_flag(w); !flag.empty()) {
      hit.variant = "leader-election";
      hit.vars["flag"] = flag;
      hit.evidence.push_back("a container passes " + flag + ": one replica is active, the others wait");
    } else if (w.detail->strategy_type == "Recreate") {
      hit.variant = "singleton";
      hit.evidence.push_back("strategy Recreate and no leader election: two pods of it must not run at once");
    }
    if (hpa) hit.evidence.push_back(fmt::format("spec.replicas {} is overridden by the autoscaler", w.replicas.value_or(1)));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template min_replicas() {
  return {"min-replicas",
          "A long-running workload runs fewer replicas than `min`.",
          {{"min", "int", "", "fewest effective replicas that pass", true}},
          {"replicated", "Pod"},
          {"min", "replicas", "source", "flag"},
          evaluate};
}

}  // namespace faultline::rules::templates
