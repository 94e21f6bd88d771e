// The Keycloak operator (k8s.keycloak.org/v2alpha1): a Keycloak's StatefulSet with spec.instances
// pods, spec.scheduling, and its Service; the database host it names is a dependency.
#include "expanders.hpp"
#include "manifest.hpp"
#include "operator_manifest.hpp"

namespace faultline::expand::detail {

void expand_keycloak(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const model::Labels labels{{"app", "keycloak"},
                             {"app.kubernetes.io/managed-by", "keycloak-operator"},
                             {"app.kubernetes.io/instance", ref.name}};
  YAML::Node m = workload_manifest(r, "StatefulSet", ref.ns, ref.name, labels, labels);
  m["spec"]["replicas"] = r.count(spec, "instances", "spec.instances").value_or(1);
  m["spec"]["serviceName"] = ref.name + "-discovery";
  YAML::Node pod = m["spec"]["template"]["spec"];
  copy_scheduling(r, r.map(spec, "scheduling", "spec.scheduling"), "spec.scheduling", pod);
  // Without spec.scheduling.affinity the operator prefers spreading over zones and nodes.
  if (!pod["affinity"]) {
    add_preferred_anti_affinity(pod, 10, "topology.kubernetes.io/zone", labels);
    add_preferred_anti_affinity(pod, 50, "kubernetes.io/hostname", labels);
  }
  YAML::Node c = ready_container("keycloak", r.text(spec, "image", "spec.image").value_or("quay.io/keycloak/keycloak"));
  if (auto host = r.text(r.map(spec, "db", "spec.db"), "host", "spec.db.host")) {
    YAML::Node env;
    env["name"] = "KC_DB_URL_HOST";
    env["value"] = *host;
    c["env"].push_back(env);
  }
  pod["containers"].push_back(c);
  out.push_back(implied(r, m, ref.display()));
  out.push_back(service_of(r, ref.name + "-service", labels, 8443));
  out.push_back(service_of(r, ref.name + "-discovery", labels, 7800, true));
}

}  // namespace faultline::expand::detail
