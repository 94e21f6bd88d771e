// prometheus-operator: the StatefulSets it creates for Prometheus, Alertmanager and ThanosRuler,
// with the names, labels and scheduling fields its statefulset builders write.
#include <fmt/format.h>

#include "expanders.hpp"
#include "manifest.hpp"

namespace faultline::expand::detail {

namespace {

constexpr const char* kManagedBy = "prometheus-operator";

/// Labels every operator-managed pod carries: app.kubernetes.io/{name,managed-by,instance} plus `extra`.
model::Labels operator_labels(const std::string& app, const std::string& name, const model::Labels& extra) {
  model::Labels l{{"app.kubernetes.io/name", app},
                  {"app.kubernetes.io/managed-by", kManagedBy},
                  {"app.kubernetes.io/instance", name}};
  l.insert(extra.begin(), extra.end());
  return l;
}

/// spec.podMetadata labels and annotations, added to the pod template (the operator's own labels win).
void copy_pod_metadata(const CrReader& r, const YAML::Node& spec, const std::string& path, YAML::Node manifest) {
  YAML::Node meta = r.map(spec, "podMetadata", path + ".podMetadata");
  if (!meta) return;
  YAML::Node tmeta = manifest["spec"]["template"]["metadata"];
  if (YAML::Node labels = r.map(meta, "labels", path + ".podMetadata.labels")) {
    for (const auto& kv : labels) {
      const std::string key = kv.first.as<std::string>();
      if (!tmeta["labels"][key]) tmeta["labels"][key] = YAML::Clone(kv.second);
    }
  }
  if (YAML::Node annotations = r.map(meta, "annotations", path + ".podMetadata.annotations")) {
    tmeta["annotations"] = YAML::Clone(annotations);
  }
}

/// spec.storage.volumeClaimTemplate → one volumeClaimTemplates entry named `claim`.
void copy_storage(const CrReader& r, const YAML::Node& spec, const std::string& path, const std::string& claim,
                  YAML::Node manifest) {
  YAML::Node storage = r.map(spec, "storage", path + ".storage");
  YAML::Node tmpl = r.map(storage, "volumeClaimTemplate", path + ".storage.volumeClaimTemplate");
  if (!tmpl) return;
  YAML::Node vct;
  vct["metadata"]["name"] = claim;
  if (YAML::Node claim_spec = r.map(tmpl, "spec", path + ".storage.volumeClaimTemplate.spec")) {
    vct["spec"] = YAML::Clone(claim_spec);
  }
  manifest["spec"]["volumeClaimTemplates"].push_back(vct);
  YAML::Node mount;
  mount["name"] = claim;
  mount["persistentVolumeClaim"]["claimName"] = claim;
  manifest["spec"]["template"]["spec"]["volumes"].push_back(mount);
}

/// The StatefulSet skeleton shared by the three kinds.
YAML::Node operator_statefulset(const CrReader& r, const std::string& ns, const std::string& sts_name,
                                const model::Labels& labels, const std::string& governing_service, int replicas,
                                const YAML::Node& spec, const std::string& path) {
  YAML::Node m = workload_manifest(r, "StatefulSet", ns, sts_name, labels, labels);
  m["spec"]["replicas"] = replicas;
  m["spec"]["serviceName"] = governing_service;
  m["spec"]["podManagementPolicy"] = "Parallel";  // the operator's choice for all three kinds
  copy_scheduling(r, spec, path, m["spec"]["template"]["spec"]);
  copy_pod_metadata(r, spec, path, m);
  return m;
}

std::string image_or(const CrReader& r, const YAML::Node& spec, const std::string& path, const std::string& fallback) {
  return r.text(spec, "image", path + ".image").value_or(fallback);
}

}  // namespace

void expand_prometheus(const CrReader& r, const PrometheusSource& src, const std::string& expanded_from,
                       std::vector<ImpliedObject>& out) {
  const std::string& path = src.spec_path;
  const std::optional<int> written = r.count(src.spec, "replicas", path + ".replicas");
  const int replicas = written ? *written : src.replicas_override.value_or(1);
  int shards = r.count(src.spec, "shards", path + ".shards").value_or(1);
  if (shards < 1) shards = 1;  // 0 shards is treated by the operator as 1
  const std::string image = image_or(r, src.spec, path, "quay.io/prometheus/prometheus");
  for (int shard = 0; shard < shards; ++shard) {
    // prometheusNameByShard: shard 0 keeps the plain name.
    const std::string sts = shard == 0 ? fmt::format("prometheus-{}", src.name)
                                       : fmt::format("prometheus-{}-shard-{}", src.name, shard);
    const model::Labels labels = operator_labels(
        "prometheus", src.name,
        {{"operator.prometheus.io/name", src.name},
         {"operator.prometheus.io/shard", std::to_string(shard)},
         {"prometheus", src.name}});
    YAML::Node m = operator_statefulset(r, src.ns, sts, labels, "prometheus-operated", replicas, src.spec, path);
    YAML::Node pod = m["spec"]["template"]["spec"];
    if (!pod["affinity"] && src.fallback_affinity) pod["affinity"] = YAML::Clone(src.fallback_affinity);
    if (!pod["tolerations"] && src.fallback_tolerations) pod["tolerations"] = YAML::Clone(src.fallback_tolerations);
    pod["containers"].push_back(container("prometheus", image));
    pod["containers"].push_back(container("config-reloader", "quay.io/prometheus-operator/prometheus-config-reloader"));
    copy_storage(r, src.spec, path, fmt::format("prometheus-{}-db", src.name), m);
    out.push_back(implied(r, m, expanded_from));
  }
}

void expand_alertmanager(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  YAML::Node spec = r.map(r.body(), "spec", "spec");
  const int replicas = r.count(spec, "replicas", "spec.replicas").value_or(1);
  const model::Labels labels = operator_labels("alertmanager", ref.name, {{"alertmanager", ref.name}});
  YAML::Node m = operator_statefulset(r, ref.ns, "alertmanager-" + ref.name, labels, "alertmanager-operated",
                                      replicas, spec, "spec");
  m["spec"]["template"]["spec"]["containers"].push_back(
      container("alertmanager", image_or(r, spec, "spec", "quay.io/prometheus/alertmanager")));
  copy_storage(r, spec, "spec", fmt::format("alertmanager-{}-db", ref.name), m);
  out.push_back(implied(r, m, ref.display()));
}

void expand_thanos_ruler(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  YAML::Node spec = r.map(r.body(), "spec", "spec");
  const int replicas = r.count(spec, "replicas", "spec.replicas").value_or(1);
  const model::Labels labels = operator_labels("thanos-ruler", ref.name, {{"thanos-ruler", ref.name}});
  YAML::Node m = operator_statefulset(r, ref.ns, "thanos-ruler-" + ref.name, labels, "thanos-ruler-operated",
                                      replicas, spec, "spec");
  YAML::Node c = container("thanos-ruler", image_or(r, spec, "spec", "quay.io/thanos/thanos"));
  c["args"].push_back("rule");
  // The ruler queries these endpoints: written as the --query flags the operator passes.
  if (YAML::Node endpoints = r.seq(spec, "queryEndpoints", "spec.queryEndpoints")) {
    for (const auto& e : endpoints) {
      if (e.IsScalar()) c["args"].push_back("--query=" + e.Scalar());
    }
  }
  m["spec"]["template"]["spec"]["containers"].push_back(c);
  copy_storage(r, spec, "spec", fmt::format("thanos-ruler-{}-data", ref.name), m);
  out.push_back(implied(r, m, ref.display()));
}

}  // namespace faultline::expand::detail
