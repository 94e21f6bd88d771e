/// cluster-size-replicas: on a cluster with more than `nodes_above` nodes in the inventory, a
/// workload in scope with fewer than `min` effective replicas. Load grows with the cluster, and
/// vendors size their key services by node count. Silent without an inventory.
#include <fmt/format.h>

#include "helm_key.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int above = in.params.get_int("nodes_above");
  const int min = in.params.get_int("min");
  const int nodes = static_cast<int>(in.ctx.inventory.nodes.size());
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || nodes <= above) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    if (replicas >= min) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    const std::string key =
        helm_key(w.meta.ref.name, in.params.get_string("strip_prefix"), in.params.get_list("key_overrides"));
    hit.vars = {{"nodes", std::to_string(nodes)}, {"above", std::to_string(above)},
                {"replicas", std::to_string(replicas)}, {"min", std::to_string(min)}, {"key", key}};
    hit.evidence.push_back(fmt::format("{} nodes in the inventory (more than {})", nodes, above));
    hit.evidence.push_back(fmt::format("effective replicas {}", replicas));
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template cluster_size_replicas() {
  return {"cluster-size-replicas",
          "On a cluster above `nodes_above` nodes, a key workload runs fewer than `min` replicas.",
          {{"nodes_above", "int", "32", "inventory size above which the rule applies", false},
           {"min", "int", "2", "fewest effective replicas that pass on such a cluster", false},
           {"strip_prefix", "string", "", "release prefix removed from the workload name before camelCasing", false},
           {"key_overrides", "string-list", "[]", "\"workload=helm.key\" pairs where the name does not give the key",
            false}},
          {"replicated"},
          {"nodes", "above", "replicas", "min", "key"},
          evaluate};
}

}  // namespace faultline::rules::templates
