// Zalando postgres-operator (acid.zalan.do/v1): a postgresql resource's Spilo StatefulSet, its
// Services, budget and connection pooler. Pod anti-affinity comes from the operator's
// configuration (ConfigMap postgres-operator or an OperatorConfiguration) when the input has it.
#include <exception>
#include <string>

#include <fmt/format.h>

#include "expanders.hpp"
#include "manifest.hpp"
#include "operator_manifest.hpp"

namespace faultline::expand::detail {

namespace {

/// The operator settings that shape a cluster's pods, with the operator's defaults.
struct ZalandoConfig {
  bool anti_affinity = false;  ///< enable_pod_antiaffinity
  bool anti_affinity_preferred = false;  ///< pod_antiaffinity_preferred_during_scheduling
  std::string topology_key = "kubernetes.io/hostname";  ///< pod_antiaffinity_topology_key
  bool pdb = true;  ///< enable_pod_disruption_budget
  bool readiness_probe = false;  ///< enable_readiness_probe
  int pooler_instances = 2;  ///< connection_pooler_number_of_instances
};

bool truthy(const std::string& v) { return v == "true" || v == "True" || v == "TRUE"; }

/// The ConfigMap postgres-operator (flat string keys) or an OperatorConfiguration's
/// configuration.kubernetes / connection_pooler sections; the first one found wins.
ZalandoConfig read_config(const CrReader& r) {
  ZalandoConfig c;
  if (const model::ConfigMap* cm = r.related().config_map("postgres-operator")) {
    const auto get = [&](const char* key) -> const std::string* {
      const auto it = cm->data.find(key);
      return it == cm->data.end() ? nullptr : &it->second;
    };
    if (auto v = get("enable_pod_antiaffinity")) c.anti_affinity = truthy(*v);
    if (auto v = get("pod_antiaffinity_preferred_during_scheduling")) c.anti_affinity_preferred = truthy(*v);
    if (auto v = get("pod_antiaffinity_topology_key"); v && !v->empty()) c.topology_key = *v;
    if (auto v = get("enable_pod_disruption_budget")) c.pdb = truthy(*v);
    if (auto v = get("enable_readiness_probe")) c.readiness_probe = truthy(*v);
    if (auto v = get("connection_pooler_number_of_instances")) {
      try {
        c.pooler_instances = std::stoi(*v);
      } catch (const std::exception&) {  // a bad value: the operator's default stays
      }
    }
    return c;
  }
  if (const model::RawObject* found = r.related().first("acid.zalan.do", "OperatorConfiguration")) {
    const model::RawObject& raw = *found;
    const CrReader cr(raw, r.diagnostics());
    const YAML::Node conf = cr.map(raw.body, "configuration", "configuration");
    const YAML::Node k8s = cr.map(conf, "kubernetes", "configuration.kubernetes");
    c.anti_affinity = cr.flag(k8s, "enable_pod_antiaffinity", "configuration.kubernetes.enable_pod_antiaffinity").value_or(c.anti_affinity);
    c.anti_affinity_preferred = cr.flag(k8s, "pod_antiaffinity_preferred_during_scheduling",
                                        "configuration.kubernetes.pod_antiaffinity_preferred_during_scheduling")
                                    .value_or(c.anti_affinity_preferred);
    c.topology_key = cr.text(k8s, "pod_antiaffinity_topology_key", "configuration.kubernetes.pod_antiaffinity_topology_key")
                         .value_or(c.topology_key);
    c.pdb = cr.flag(k8s, "enable_pod_disruption_budget", "configuration.kubernetes.enable_pod_disruption_budget").value_or(c.pdb);
    const YAML::Node pooler = cr.map(conf, "connection_pooler", "configuration.connection_pooler");
    c.pooler_instances = cr.count(pooler, "connection_pooler_number_of_instances",
                                  "configuration.connection_pooler.connection_pooler_number_of_instances")
                             .value_or(c.pooler_instances);
    return c;
  }
  return c;
}

}  // namespace

void expand_zalando_postgresql(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const ZalandoConfig conf = read_config(r);
  const int instances = r.count(spec, "numberOfInstances", "spec.numberOfInstances").value_or(1);
  const model::Labels labels{{"application", "spilo"}, {"cluster-name", ref.name}};
  YAML::Node m = workload_manifest(r, "StatefulSet", ref.ns, ref.name, labels, labels);
  m["spec"]["replicas"] = instances;
  m["spec"]["serviceName"] = ref.name;
  // The operator replaces pods itself (switchover first), so the StatefulSet never rolls them.
  m["spec"]["updateStrategy"]["type"] = "OnDelete";
  YAML::Node pod = m["spec"]["template"]["spec"];
  if (conf.anti_affinity) {
    if (conf.anti_affinity_preferred) add_preferred_anti_affinity(pod, 1, conf.topology_key, labels);
    else add_required_anti_affinity(pod, conf.topology_key, labels);
  }
  if (YAML::Node na = r.map(spec, "nodeAffinity", "spec.nodeAffinity")) pod["affinity"]["nodeAffinity"] = YAML::Clone(na);
  if (YAML::Node t = r.seq(spec, "tolerations", "spec.tolerations")) pod["tolerations"] = YAML::Clone(t);
  if (auto pc = r.text(spec, "podPriorityClassName", "spec.podPriorityClassName")) pod["priorityClassName"] = *pc;
  pod["containers"].push_back(conf.readiness_probe ? ready_container("postgres", "ghcr.io/zalando/spilo")
                                                   : container("postgres", "ghcr.io/zalando/spilo"));
  const YAML::Node volume = r.map(spec, "volume", "spec.volume");
  add_claim(m, "pgdata", r.text(volume, "storageClass", "spec.volume.storageClass").value_or(""));
  out.push_back(implied(r, m, ref.display()));

  // Patroni points the master Service at the leader; any member may become it.
  out.push_back(service_of(r, ref.name, labels, 5432));
  if (instances > 1) out.push_back(service_of(r, ref.name + "-repl", labels, 5432));
  if (conf.pdb && instances > 1) out.push_back(pdb_of(r, fmt::format("postgres-{}-pdb", ref.name), labels, 1));

  if (r.flag(spec, "enableConnectionPooler", "spec.enableConnectionPooler").value_or(false)) {
    const std::string name = ref.name + "-pooler";
    const model::Labels pl{{"application", "db-connection-pooler"}, {"connection-pooler", name}};
    YAML::Node p = workload_manifest(r, "Deployment", ref.ns, name, pl, pl);
    const YAML::Node pooler = r.map(spec, "connectionPooler", "spec.connectionPooler");
    p["spec"]["replicas"] =
        r.count(pooler, "numberOfInstances", "spec.connectionPooler.numberOfInstances").value_or(conf.pooler_instances);
    YAML::Node c = ready_container("connection-pooler", "ghcr.io/zalando/postgres-operator/pgbouncer");
    YAML::Node env;
    env["name"] = "PGHOST";
    env["value"] = ref.name;
    c["env"].push_back(env);
    p["spec"]["template"]["spec"]["containers"].push_back(c);
    out.push_back(implied(r, p, ref.display()));
    out.push_back(service_of(r, name, pl, 5432));
  }
}

}  // namespace faultline::expand::detail
