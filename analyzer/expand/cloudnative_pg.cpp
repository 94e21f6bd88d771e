// CloudNativePG (postgresql.cnpg.io/v1): a Cluster's instances and a Pooler's PgBouncer pods, with
// the anti-affinity, Services and PodDisruptionBudget the operator writes for them.
#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "expanders.hpp"
#include "manifest.hpp"
#include "operator_manifest.hpp"

namespace faultline::expand::detail {

namespace {

constexpr int kPostgresPort = 5432;

/// spec.affinity of a Cluster (CloudNativePG's AffinityConfiguration, not a Kubernetes Affinity).
void cluster_affinity(const CrReader& r, const YAML::Node& spec, const model::Labels& instance, YAML::Node pod) {
  const YAML::Node a = r.map(spec, "affinity", "spec.affinity");
  // enablePodAntiAffinity: "the operator will define pods anti-affinity unless this field is
  // explicitly set to false"; podAntiAffinityType defaults to preferred, topologyKey to the hostname.
  const bool enabled = r.flag(a, "enablePodAntiAffinity", "spec.affinity.enablePodAntiAffinity").value_or(true);
  const std::string type = r.text(a, "podAntiAffinityType", "spec.affinity.podAntiAffinityType").value_or("preferred");
  const std::string key = r.text(a, "topologyKey", "spec.affinity.topologyKey").value_or("kubernetes.io/hostname");
  if (enabled) {
    if (type == "required") add_required_anti_affinity(pod, key, instance);
    else add_preferred_anti_affinity(pod, 100, key, instance);
  }
  if (YAML::Node ns = r.map(a, "nodeSelector", "spec.affinity.nodeSelector")) pod["nodeSelector"] = YAML::Clone(ns);
  if (YAML::Node t = r.seq(a, "tolerations", "spec.affinity.tolerations")) pod["tolerations"] = YAML::Clone(t);
  if (YAML::Node na = r.map(a, "nodeAffinity", "spec.affinity.nodeAffinity")) pod["affinity"]["nodeAffinity"] = YAML::Clone(na);
  if (YAML::Node pa = r.map(a, "additionalPodAffinity", "spec.affinity.additionalPodAffinity"))
    pod["affinity"]["podAffinity"] = YAML::Clone(pa);
  // additionalPodAntiAffinity terms are added to the generated ones.
  if (YAML::Node extra = r.map(a, "additionalPodAntiAffinity", "spec.affinity.additionalPodAntiAffinity")) {
    for (const char* kind : {"requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"}) {
      const YAML::Node terms = r.seq(extra, kind, std::string("spec.affinity.additionalPodAntiAffinity.") + kind);
      for (const auto& t : terms) pod["affinity"]["podAntiAffinity"][kind].push_back(YAML::Clone(t));
    }
  }
  if (YAML::Node tsc = r.seq(spec, "topologySpreadConstraints", "spec.topologySpreadConstraints"))
    pod["topologySpreadConstraints"] = YAML::Clone(tsc);
  if (auto pc = r.text(spec, "priorityClassName", "spec.priorityClassName")) pod["priorityClassName"] = *pc;
}

/// spec.storage / spec.walStorage: one claim per instance, of the class given or the cluster default.
void cluster_storage(const CrReader& r, const YAML::Node& spec, const char* field, const std::string& claim,
                     YAML::Node m) {
  const std::string path = std::string("spec.") + field;
  const YAML::Node storage = r.map(spec, field, path);
  if (!storage) return;
  std::string cls = r.text(storage, "storageClass", path + ".storageClass").value_or("");
  const YAML::Node tmpl = r.map(storage, "pvcTemplate", path + ".pvcTemplate");
  if (cls.empty()) cls = r.text(tmpl, "storageClassName", path + ".pvcTemplate.storageClassName").value_or("");
  add_claim(m, claim, cls);
}

}  // namespace

void expand_cnpg_cluster(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const int instances = r.count(spec, "instances", "spec.instances").value_or(1);
  // Instances are Pods the operator creates one by one, each with its own PVC: a StatefulSet
  // named after the cluster is the workload that behaves alike. Roles (primary, replica) move on
  // failover, so the labels here are the ones every instance keeps.
  const model::Labels instance{{"cnpg.io/cluster", ref.name}, {"cnpg.io/podRole", "instance"}};
  YAML::Node m = workload_manifest(r, "StatefulSet", ref.ns, ref.name, instance, instance);
  m["spec"]["replicas"] = instances;
  YAML::Node pod = m["spec"]["template"]["spec"];
  cluster_affinity(r, spec, instance, pod);
  const std::string image =
      r.text(spec, "imageName", "spec.imageName").value_or("ghcr.io/cloudnative-pg/postgresql");
  pod["containers"].push_back(ready_container("postgres", image));
  cluster_storage(r, spec, "storage", "pgdata", m);
  cluster_storage(r, spec, "walStorage", "pgwal", m);
  out.push_back(implied(r, m, ref.display()));

  // -rw follows the primary and -ro the replicas; both move with failover, so both stand for
  // "some instance of the cluster" here. -r is any instance. ro and r can be disabled.
  std::vector<std::string> disabled;
  const YAML::Node managed = r.map(r.map(spec, "managed", "spec.managed"), "services", "spec.managed.services");
  for (const auto& d : r.seq(managed, "disabledDefaultServices", "spec.managed.services.disabledDefaultServices")) {
    if (d.IsScalar()) disabled.push_back(d.Scalar());
  }
  for (const char* suffix : {"rw", "ro", "r"}) {
    if (std::find(disabled.begin(), disabled.end(), suffix) != disabled.end()) continue;
    if (std::string_view(suffix) == "ro" && instances < 2) continue;  // no replica to serve it
    out.push_back(service_of(r, fmt::format("{}-{}", ref.name, suffix), instance, kPostgresPort));
  }
  // enablePDB (default true): budgets that let one instance go at a time. A single instance
  // gets its primary's budget only; what that does to drains is left unmodelled.
  if (r.flag(spec, "enablePDB", "spec.enablePDB").value_or(true) && instances > 1) {
    out.push_back(pdb_of(r, ref.name, instance, 1));
  }
}

void expand_cnpg_pooler(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const int instances = r.count(spec, "instances", "spec.instances").value_or(1);
  const std::string cluster = r.text(r.map(spec, "cluster", "spec.cluster"), "name", "spec.cluster.name").value_or("");
  const std::string type = r.text(spec, "type", "spec.type").value_or("rw");
  const model::Labels labels{{"cnpg.io/poolerName", ref.name}};
  YAML::Node m = workload_manifest(r, "Deployment", ref.ns, ref.name, labels, labels);
  m["spec"]["replicas"] = instances;
  YAML::Node pod = m["spec"]["template"]["spec"];
  const YAML::Node tmpl = r.map(spec, "template", "spec.template");
  copy_scheduling(r, r.map(tmpl, "spec", "spec.template.spec"), "spec.template.spec", pod);
  YAML::Node c = ready_container("pgbouncer", "ghcr.io/cloudnative-pg/pgbouncer");
  if (!cluster.empty()) {
    // PgBouncer connects to the cluster's -rw (or -ro) Service: written as the env the graph reads.
    YAML::Node env;
    env["name"] = "PGBOUNCER_TARGET";
    env["value"] = fmt::format("{}-{}", cluster, type);
    c["env"].push_back(env);
  }
  pod["containers"].push_back(c);
  out.push_back(implied(r, m, ref.display()));
  out.push_back(service_of(r, ref.name, labels, kPostgresPort));
}

}  // namespace faultline::expand::detail
