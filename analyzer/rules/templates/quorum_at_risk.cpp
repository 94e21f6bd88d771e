/// quorum-at-risk: a workload that needs a majority of its replicas (annotation
/// faultline.io/quorum: majority, or a pack's quorum declaration) whose worst-case loss of one
/// domain of the given keys leaves fewer than a majority, or whose replica count is even.
#include <fmt/format.h>

#include "faultline/graph/quorum.hpp"
#include "faultline/graph/system_graph.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

std::string short_key(const std::string& key) {
  if (key == inventory::kHostname) return "node";
  if (key == inventory::kZone) return "zone";
  if (key == inventory::kRegion) return "region";
  return key;
}

// Problems with one level of the worst-case placement; empty when a majority survives.
std::string level_problem(const placement::LevelPlacement& level, int replicas, std::vector<std::string>& evidence) {
  if (level.domains <= 0) return {};
  const int needed = graph::majority(replicas);
  std::string worst = level.worst_domains.empty() ? "" : " (" + level.worst_domains.front() + ")";
  evidence.push_back(fmt::format("{}: {} replicas over {} eligible {}s, up to {} in one{}; {} left after losing it",
                                 short_key(level.key), replicas, level.domains, short_key(level.key),
                                 level.max_in_one_domain, worst, level.survivors_after_worst_loss));
  if (level.survivors_after_worst_loss >= needed) return {};
  return fmt::format("losing one {} can leave {} of {} replicas, fewer than the majority of {}", short_key(level.key),
                     level.survivors_after_worst_loss, replicas, needed);
}

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const auto* g = in.ctx.graph;
  if (g == nullptr) return;
  const auto keys = in.params.get_list("keys");
  for (const graph::Vertex v : g->workloads()) {
    const auto& data = (*g)[v];
    if (!in.in_scope(*data.meta) || data.quorum.empty()) continue;
    const int replicas = data.placement->replicas;
    Hit hit{data.meta, &data.workload->pod.detail->annotations, {}, {}, {}, {}};
    hit.evidence.push_back("needs a majority: " + data.quorum);
    std::vector<std::string> problems;
    if (replicas <= 1) problems.push_back(fmt::format("{} replica: losing it loses the quorum", replicas));
    else if (replicas % 2 == 0)
      problems.push_back(fmt::format("{} replicas tolerate no more failures than {}", replicas, replicas - 1));
    for (const auto& key : keys) {
      if (const auto* level = data.placement->level(key)) {
        if (auto p = level_problem(*level, replicas, hit.evidence); !p.empty()) problems.push_back(std::move(p));
      }
    }
    if (problems.empty()) continue;
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
    hit.vars = {{"replicas", std::to_string(replicas)}, {"majority", std::to_string(graph::majority(replicas))},
                {"problem", text}, {"why", data.quorum}};
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template quorum_at_risk() {
  return {"quorum-at-risk",
          "A quorum-based workload that the worst-case loss of one domain leaves without a majority.",
          {{"keys", "string-list", "[kubernetes.io/hostname, topology.kubernetes.io/zone]",
            "topology keys whose loss of one domain must leave a majority", false}},
          {"long-running"},
          {"replicas", "majority", "problem", "why"},
          evaluate};
}

}  // namespace faultline::rules::templates
