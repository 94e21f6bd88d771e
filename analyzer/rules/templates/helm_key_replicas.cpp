/// helm-key-replicas: a chart workload whose effective replicas is below `min`, with the Helm
/// values key that scales it (derived from its name) for the remediation. Workloads that must
/// be scaled through autoscaling only (not replicaCount) get the `autoscaling-only` variant.
#include <fmt/format.h>

#include "helm_key.hpp"
#include "replica_source.hpp"
#include "templates.hpp"

namespace faultline::rules::templates {

namespace {

void evaluate(const TemplateInput& in, std::vector<Hit>& hits) {
  const int min = in.params.get_int("min");
  const auto exclude = in.params.get_list("exclude");
  const auto autoscaling_only = in.params.get_list("autoscaling_only");
  for (const auto& w : in.ctx.model.workloads) {
    if (!w.is_availability_target() || !in.in_scope(w.meta) || matches_any(exclude, w.meta.ref.name)) continue;
    const int replicas = in.ctx.model.effective_replicas(w);
    if (replicas >= min) continue;
    Hit hit{&w.meta, &w.pod.detail->annotations, {}, {}, {}, {}};
    const std::string key =
        helm_key(w.meta.ref.name, in.params.get_string("strip_prefix"), in.params.get_list("key_overrides"));
    const std::string source = replica_source(in.ctx.model, w);
    hit.vars = {{"replicas", std::to_string(replicas)}, {"min", std::to_string(min)}, {"source", source}, {"key", key}};
    hit.evidence.push_back(fmt::format("effective replicas {} from {}", replicas, source));
    hit.evidence.push_back(fmt::format("Helm values key {} (from the workload's name)", key));
    if (matches_any(autoscaling_only, w.meta.ref.name)) hit.variant = "autoscaling-only";
    hits.push_back(std::move(hit));
  }
}

}  // namespace

Template helm_key_replicas() {
  return {"helm-key-replicas",
          "A chart workload runs fewer replicas than `min`; names the Helm key that scales it.",
          {{"min", "int", "2", "fewest effective replicas that pass", false},
           {"strip_prefix", "string", "", "release prefix removed from the workload name before camelCasing", false},
           {"key_overrides", "string-list", "[]", "\"workload=helm.key\" pairs where the name does not give the key", false},
           {"exclude", "string-list", "[]", "workload name globs another rule covers", false},
           {"autoscaling_only", "string-list", "[]", "workload name globs scaled only through autoscaling (variant)", false}},
          {"replicated"},
          {"min", "replicas", "source", "key"},
          evaluate};
}

}  // namespace faultline::rules::templates
