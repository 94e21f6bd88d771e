// RabbitMQ Cluster Operator (rabbitmq.com/v1beta1): a RabbitmqCluster's StatefulSet <name>-server,
// its client and headless Services. Quorum queues (and the metadata store) need a majority.
#include "expanders.hpp"
#include "manifest.hpp"
#include "operator_manifest.hpp"

namespace faultline::expand::detail {

void expand_rabbitmq_cluster(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const model::Labels selector{{"app.kubernetes.io/name", ref.name}};
  model::Labels labels = selector;
  labels["app.kubernetes.io/component"] = "rabbitmq";
  labels["app.kubernetes.io/part-of"] = "rabbitmq";
  YAML::Node m = workload_manifest(r, "StatefulSet", ref.ns, ref.name + "-server", labels, selector);
  m["spec"]["replicas"] = r.count(spec, "replicas", "spec.replicas").value_or(1);
  m["spec"]["serviceName"] = ref.name + "-nodes";
  m["spec"]["podManagementPolicy"] = "Parallel";
  YAML::Node pod = m["spec"]["template"]["spec"];
  copy_scheduling(r, spec, "spec", pod);
  // The operator's default: spread over zones, ScheduleAnyway (best effort, never a guarantee).
  if (!pod["topologySpreadConstraints"]) {
    YAML::Node tsc;
    tsc["maxSkew"] = 1;
    tsc["topologyKey"] = "topology.kubernetes.io/zone";
    tsc["whenUnsatisfiable"] = "ScheduleAnyway";
    tsc["labelSelector"]["matchLabels"] = label_map_of(selector);
    pod["topologySpreadConstraints"].push_back(tsc);
  }
  // spec.override.statefulSet.spec.template.spec replaces what it sets.
  const YAML::Node sts = r.map(r.map(spec, "override", "spec.override"), "statefulSet", "spec.override.statefulSet");
  const YAML::Node tmpl = r.map(r.map(sts, "spec", "spec.override.statefulSet.spec"), "template",
                                "spec.override.statefulSet.spec.template");
  copy_scheduling(r, r.map(tmpl, "spec", "spec.override.statefulSet.spec.template.spec"),
                  "spec.override.statefulSet.spec.template.spec", pod);
  pod["containers"].push_back(ready_container("rabbitmq", r.text(spec, "image", "spec.image").value_or("rabbitmq")));
  const YAML::Node persistence = r.map(spec, "persistence", "spec.persistence");
  add_claim(m, "persistence", r.text(persistence, "storageClassName", "spec.persistence.storageClassName").value_or(""));
  mark_quorum(m, "RabbitMQ quorum queues need a majority of the cluster's nodes");
  out.push_back(implied(r, m, ref.display()));
  out.push_back(service_of(r, ref.name, selector, 5672));
  out.push_back(service_of(r, ref.name + "-nodes", selector, 4369, true));
}

}  // namespace faultline::expand::detail
