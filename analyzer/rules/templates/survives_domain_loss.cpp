/// survives-domain-loss: with a node inventory, a workload of at least `min_replicas` replicas
/// whose every running replica can end up in one domain of `key` (the placement stage's worst
/// case): one eligible domain, storage pinning, or no hard spread. Applies only to clusters with
/// at least `min_cluster_domains` domains of the key. Variant `best-effort`: only preferred or
/// ScheduleAnyway rules (or the scheduler's default spreading) would spread the replicas.
#include <fmt/format.h>

#include "faultline/placement/describe.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

constexpr const char* kEveryExtraKey = "--topology-key";

void check(const TemplateInput& in, const model::Workload& w, const std::string& key, int min, std::vector<Hit>& hits) {
  const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
  if (!p || p->replicas < min || p->runnable() <= 0) return;
  const placement::LevelPlacement* level = p->level(key);
  if (!level || level->domains == 0 || level->survivors_after_worst_loss > 0) return;
  const std::string noun = placement::domain_noun(key);
  const std::string where = placement::list_names(level->worst_domains);
  Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, key, {}};
  hit.vars = {{"replicas", std::to_string(p->replicas)}, {"runnable", std::to_string(p->runnable())},
              {"key", key}, {"noun", noun}, {"domains", where}, {"reason", level->reason},
              {"eligible", std::to_string(p->eligible_nodes.value_or(0))}};
  hit.evidence.push_back(fmt::format("{} of {} replicas can run, on {} node(s) eligible, in {} {}(s)", p->runnable(),
                                     p->replicas, p->eligible_nodes.value_or(0), level->domains, noun));
  hit.evidence.push_back(fmt::format("worst case: {} replicas in one {} ({}): {}", level->max_in_one_domain, noun, where,
                                     level->reason));
  for (const auto& pin : p->pins) hit.evidence.push_back("pinned: " + pin.reason);
  if (level->verdict == placement::Verdict::best_effort) hit.variant = "best-effort";
  hits.push_back(std::move(hit));
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const std::string key_param = in.params.get_string("key");
  const int min = in.params.get_int("min_replicas");
  const int min_domains = in.params.get_int("min_cluster_domains");
  const auto& inv = in.ctx.inventory;
  std::vector<std::string> keys;
  for (const auto& key : key_param == kEveryExtraKey ? inv.extra_keys : std::vector<std::string>{key_param})
    if (static_cast<int>(inv.domains(key).size()) >= min_domains) keys.push_back(key);
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || !inv.present()) continue;
    for (const auto& key : keys) check(in, w, key, min, hits);
  }
}

}  // namespace

Template survives_domain_loss() {
  return {"survives-domain-loss",
          "With a node inventory, all running replicas of a workload can end up in one domain of a topology key.",
          {{"key", "string", inventory::kHostname,
            "topology key; `--topology-key` checks every key given with --topology-key", false},
           {"min_replicas", "int", "2", "workloads with fewer effective replicas are not examined", false},
           {"min_cluster_domains", "int", "1", "the rule applies only when the inventory has this many domains of the key",
            false}},
          {"long-running"},
          {"replicas", "runnable", "key", "noun", "domains", "reason", "eligible"},
          evaluate};
}

}  // namespace faultline::rules::templates
