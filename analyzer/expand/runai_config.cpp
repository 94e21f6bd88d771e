// Run:ai RunaiConfig (run.ai/v1): the cluster Prometheus and the cluster services it makes the
// Run:ai operator create, with replicas, system-node affinity and tolerations as documented.
#include <string>

#include "expanders.hpp"
#include "manifest.hpp"
#include "runai_cluster_services.hpp"

namespace faultline::expand::detail {

namespace {

constexpr const char* kSystemLabel = "node-role.kubernetes.io/runai-system";

/// Node affinity to system nodes: required when restrictRunaiSystem is true, else preferred
/// (the documented default: "Prefer to schedule on nodes that are labeled with ...runai-system").
YAML::Node system_node_affinity(bool required) {
  YAML::Node expr;
  expr["key"] = kSystemLabel;
  expr["operator"] = "Exists";
  YAML::Node term;
  term["matchExpressions"].push_back(expr);
  YAML::Node na;
  if (required) {
    na["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"].push_back(term);
  } else {
    YAML::Node pref;
    pref["weight"] = 1;
    pref["preference"] = term;
    na["preferredDuringSchedulingIgnoredDuringExecution"].push_back(pref);
  }
  return na;
}

/// The placement settings of spec.global, read once for every service.
struct GlobalPlacement {
  YAML::Node affinity;  ///< spec.global.affinity, or the system-node affinity it stands for
  YAML::Node tolerations;
  YAML::Node daemonset_tolerations;
  bool default_anti_affinity = true;
  int replica_count = 1;
};

GlobalPlacement read_global(const CrReader& r, const YAML::Node& spec) {
  GlobalPlacement g;
  YAML::Node global = r.map(spec, "global", "spec.global");
  YAML::Node node_affinity = r.map(global, "nodeAffinity", "spec.global.nodeAffinity");
  const bool restrict =
      r.flag(node_affinity, "restrictRunaiSystem", "spec.global.nodeAffinity.restrictRunaiSystem").value_or(false);
  // spec.global.affinity (2.20+) "will overwrite the node roles set using the Administrator CLI".
  if (YAML::Node a = r.map(global, "affinity", "spec.global.affinity")) {
    g.affinity = YAML::Clone(a);
  } else {
    g.affinity["nodeAffinity"] = system_node_affinity(restrict);
  }
  g.tolerations = r.seq(global, "tolerations", "spec.global.tolerations");
  g.daemonset_tolerations = r.seq(spec, "daemonSetsTolerations", "spec.daemonSetsTolerations");
  g.default_anti_affinity =
      r.flag(global, "requireDefaultPodAntiAffinity", "spec.global.requireDefaultPodAntiAffinity").value_or(true);
  g.replica_count = r.count(global, "replicaCount", "spec.global.replicaCount").value_or(1);
  return g;
}

/// requireDefaultPodAntiAffinity "attempts to prevent" co-location: a preferred hostname term,
/// as the operator pattern of Run:ai's open-source scheduler renders it (weight 100).
YAML::Node default_anti_affinity(const std::string& app) {
  YAML::Node term;
  term["labelSelector"]["matchLabels"]["app"] = app;
  term["topologyKey"] = "kubernetes.io/hostname";
  YAML::Node pref;
  pref["weight"] = 100;
  pref["podAffinityTerm"] = term;
  YAML::Node anti;
  anti["preferredDuringSchedulingIgnoredDuringExecution"].push_back(pref);
  return anti;
}

ImpliedObject service_workload(const CrReader& r, const YAML::Node& spec, const GlobalPlacement& g,
                               const RunaiClusterService& svc) {
  const std::string name(svc.name);
  const std::string path = "spec." + name;
  const model::Labels labels{{"app", name}, {"app.kubernetes.io/part-of", "runai"}};
  YAML::Node m = workload_manifest(r, std::string(svc.kind), r.cr().meta.ref.ns, name, labels, {{"app", name}});
  YAML::Node pod = m["spec"]["template"]["spec"];
  YAML::Node own = r.map(spec, name, path);
  if (svc.kind == "DaemonSet") {
    if (g.daemonset_tolerations) pod["tolerations"] = YAML::Clone(g.daemonset_tolerations);
  } else {
    // spec.<service>.replicas wins over spec.global.replicaCount (default 1).
    m["spec"]["replicas"] = r.count(own, "replicas", path + ".replicas").value_or(g.replica_count);
    pod["affinity"] = YAML::Clone(g.affinity);
    if (g.default_anti_affinity && !pod["affinity"]["podAntiAffinity"]) {
      pod["affinity"]["podAntiAffinity"] = default_anti_affinity(name);
    }
    if (g.tolerations) pod["tolerations"] = YAML::Clone(g.tolerations);
  }
  // Per-service placement settings, where given, replace the global ones.
  copy_scheduling(r, own, path, pod);
  pod["containers"].push_back(container(name, "runai/" + name));
  return implied(r, m, r.cr().meta.ref.display());
}

}  // namespace

void expand_runai_config(const CrReader& r, std::vector<ImpliedObject>& out) {
  YAML::Node spec = r.map(r.body(), "spec", "spec");
  const GlobalPlacement g = read_global(r, spec);

  // The operator creates Prometheus "runai" in its own namespace; the newer field
  // spec.prometheus.spec.replicas wins over the older spec.prometheus.replicas.
  YAML::Node prometheus = r.map(spec, "prometheus", "spec.prometheus");
  PrometheusSource src;
  src.ns = r.cr().meta.ref.ns;
  src.name = "runai";
  src.spec = r.map(prometheus, "spec", "spec.prometheus.spec");
  src.spec_path = "spec.prometheus.spec";
  src.replicas_override = r.count(prometheus, "replicas", "spec.prometheus.replicas");
  // Without its own affinity, the cluster Prometheus follows the system-node rule of the other services.
  const YAML::Node& global_affinity = g.affinity;
  if (global_affinity["nodeAffinity"]) {
    src.fallback_affinity = YAML::Node(YAML::NodeType::Map);
    src.fallback_affinity["nodeAffinity"] = YAML::Clone(global_affinity["nodeAffinity"]);
  }
  src.fallback_tolerations = g.tolerations;
  expand_prometheus(r, src, r.cr().meta.ref.display(), out);

  for (const auto& svc : runai_cluster_services()) out.push_back(service_workload(r, spec, g, svc));
}

}  // namespace faultline::expand::detail
