/// rollout-all-at-once: an update that may stop every replica together. A Deployment whose
/// maxUnavailable rounds (down) to at least its replicas; a DaemonSet that does not surge and
/// whose maxUnavailable rounds (up) to at least its eligible nodes (100% on any cluster); a
/// Recreate Deployment of several replicas behind a Service; a StatefulSet whose maxUnavailable
/// rounds (down, at least 1) to all its replicas and whose partition is 0.
#include <algorithm>
#include <limits>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "rollout_impact.hpp"
#include "rollout_templates.hpp"

namespace faultline::rules::templates {

namespace {

using model::WorkloadKind;

/// A DaemonSet without an inventory whose budget covers any number of nodes.
constexpr int kEveryNode = std::numeric_limits<int>::max();

/// Pods the update may take down at once (nullopt: cannot tell, or not a rolling update here),
/// and the text saying how that follows.
std::optional<int> down_at_once(const TemplateInput& in, const model::Workload& w, int& replicas, std::string& how) {
  const model::IntOrPercent mu = w.detail->max_unavailable.value_or(model::IntOrPercent{1, false});
  if (w.detail->strategy_type != "RollingUpdate") return std::nullopt;
  if (w.kind == WorkloadKind::Deployment) {
    const model::IntOrPercent quarter{25, true};
    const int surge = w.detail->max_surge.value_or(quarter).resolve(replicas, true);
    int unavailable = w.detail->max_unavailable.value_or(quarter).resolve(replicas, false);
    if (surge == 0 && unavailable == 0) unavailable = 1;
    how = fmt::format("strategy.rollingUpdate.maxUnavailable {} of {} replicas rounds down to {}",
                      w.detail->max_unavailable.value_or(quarter).to_string(), replicas, unavailable);
    return unavailable;
  }
  if (w.kind == WorkloadKind::StatefulSet) {
    // Without maxUnavailable the controller replaces one pod at a time. With it (feature gate
    // MaxUnavailableStatefulSet: alpha from 1.24, beta and on by default from 1.35) it deletes up
    // to that many pods at once, rounded down with a floor of 1, and only ordinals at or above the
    // partition (updateStatefulSetAfterInvariantEstablished in pkg/controller/statefulset).
    if (!w.detail->max_unavailable) return std::nullopt;
    const int unavailable = std::max(1, w.detail->max_unavailable->resolve(replicas, false));
    const int updated = std::max(0, replicas - w.detail->partition);
    how = fmt::format("updateStrategy.rollingUpdate.maxUnavailable {} of {} replicas rounds down to {} (honoured "
                      "where the MaxUnavailableStatefulSet feature gate is on, by default since Kubernetes 1.35)",
                      w.detail->max_unavailable->to_string(), replicas, unavailable);
    return std::min(unavailable, updated);
  }
  if (w.kind == WorkloadKind::DaemonSet) {
    // Surge mode (maxSurge above 0 rounds up to at least 1 on any number of nodes) keeps each
    // old pod until its replacement is available.
    if (w.detail->max_surge && w.detail->max_surge->value > 0) return std::nullopt;
    const placement::WorkloadPlacement* p = in.ctx.placement.find(w);
    const bool known = in.ctx.inventory.present() && p;
    if (known) {
      replicas = p->replicas;
    } else if (mu.percent && mu.value >= 100) {
      how = fmt::format("updateStrategy.rollingUpdate.maxUnavailable {} covers every node, whatever their number",
                        mu.to_string());
      replicas = kEveryNode;
      return kEveryNode;
    } else {
      return std::nullopt;  // the number of nodes is unknown
    }
    const int unavailable = std::max(1, mu.resolve(replicas, true));
    how = fmt::format("updateStrategy.rollingUpdate.maxUnavailable {} of {} eligible nodes rounds up to {}",
                      mu.to_string(), replicas, unavailable);
    return unavailable;
  }
  return std::nullopt;
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta)) continue;
    int replicas = in.ctx.model.effective_replicas(w);
    std::string how;
    std::string variant;
    if (w.kind == WorkloadKind::Deployment && w.detail->strategy_type == "Recreate") {
      if (replicas < 2 || in.ctx.model.services_for(w).empty()) continue;
      how = fmt::format("strategy Recreate stops all {} replicas before starting any new one", replicas);
      variant = "recreate";
    } else {
      const auto down = down_at_once(in, w, replicas, how);
      if (!down || replicas < 2 || *down < replicas) continue;
    }
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, variant};
    hit.evidence.push_back(how);
    const std::string impact = rollout_impact(in.ctx, w, hit.evidence);
    hit.vars = {{"replicas", replicas == kEveryNode ? std::string("its") : std::to_string(replicas)},
                {"how", how},
                {"impact", impact}};
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template rollout_all_at_once() {
  return {"rollout-all-at-once",
          "A rolling update (or Recreate) may stop every replica of a workload at the same time.",
          {},
          {"Deployment", "StatefulSet", "DaemonSet"},
          {"replicas", "how", "impact"},
          evaluate};
}

}  // namespace faultline::rules::templates
