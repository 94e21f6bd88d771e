// Strimzi (kafka.strimzi.io): a Kafka's brokers, KRaft controllers (per KafkaNodePool) or
// ZooKeeper ensemble, with rack awareness, pod templates and the Services and budgets Strimzi
// creates; its entity operator, Cruise Control and Kafka Exporter Deployments. Pools are read
// beside their Kafka so rack and template come from it.
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "expanders.hpp"
#include "manifest.hpp"
#include "operator_manifest.hpp"

namespace faultline::expand::detail {

namespace {

constexpr const char* kGroup = "kafka.strimzi.io";
constexpr const char* kClusterLabel = "strimzi.io/cluster";

/// Pools of the Kafka `cluster` in `ns` (label strimzi.io/cluster).
const std::vector<const model::RawObject*>& pools_of(const CrReader& r, const std::string& ns, const std::string& cluster) {
  return r.related().labelled(kGroup, "KafkaNodePool", ns, kClusterLabel, cluster);
}

/// The roles of a pool: spec.roles, "controller" and/or "broker".
std::pair<bool, bool> roles_of(const CrReader& r, const YAML::Node& spec) {
  bool controller = false, broker = false;
  for (const auto& role : r.seq(spec, "roles", "spec.roles")) {
    if (!role.IsScalar()) continue;
    controller = controller || role.Scalar() == "controller";
    broker = broker || role.Scalar() == "broker";
  }
  return {controller, broker};
}

/// Rack awareness (spec.kafka.rack.topologyKey): Strimzi requires nodes that carry the key and
/// prefers spreading the brokers over its values (a preferred anti-affinity: best effort only).
void apply_rack(const std::string& key, const model::Labels& cluster_pods, YAML::Node pod) {
  if (key.empty()) return;
  YAML::Node expr;
  expr["key"] = key;
  expr["operator"] = "Exists";
  YAML::Node term;
  term["matchExpressions"].push_back(expr);
  pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"].push_back(term);
  add_preferred_anti_affinity(pod, 100, key, cluster_pods);
}

/// spec.storage: persistent-claim or jbod volumes of that type become per-pod claims.
void storage_claims(const CrReader& r, const YAML::Node& storage, const std::string& path, YAML::Node m) {
  if (!storage) return;
  const std::string type = r.text(storage, "type", path + ".type").value_or("");
  if (type == "persistent-claim") {
    add_claim(m, "data", r.text(storage, "class", path + ".class").value_or(""));
  } else if (type == "jbod") {
    int i = 0;
    for (const auto& v : r.seq(storage, "volumes", path + ".volumes")) {
      const std::string vpath = fmt::format("{}.volumes[{}]", path, i);
      const int id = r.count(v, "id", vpath + ".id").value_or(i);
      if (r.text(v, "type", vpath + ".type").value_or("") == "persistent-claim")
        add_claim(m, fmt::format("data-{}", id), r.text(v, "class", vpath + ".class").value_or(""));
      ++i;
    }
  }
}

/// One set of Kafka or ZooKeeper pods (StrimziPodSet, a StatefulSet in all but name).
YAML::Node pod_set(const CrReader& r, const std::string& ns, const std::string& name, const model::Labels& labels,
                   const model::Labels& selector, int replicas, const YAML::Node& pod_template,
                   const std::string& template_path, const std::string& image) {
  YAML::Node m = workload_manifest(r, "StatefulSet", ns, name, labels, selector);
  m["spec"]["replicas"] = replicas;
  m["spec"]["podManagementPolicy"] = "Parallel";
  // Strimzi rolls its pods itself, one at a time, checking partitions stay in sync.
  m["spec"]["updateStrategy"]["type"] = "OnDelete";
  YAML::Node pod = m["spec"]["template"]["spec"];
  copy_scheduling(r, pod_template, template_path, pod);
  pod["containers"].push_back(ready_container("kafka", image));
  return m;
}

model::Labels kafka_pod_labels(const std::string& cluster) {
  return {{kClusterLabel, cluster}, {"strimzi.io/name", cluster + "-kafka"}, {"strimzi.io/kind", "Kafka"}};
}

/// The Kafka's rack key and broker pod template (spec.kafka.rack, spec.kafka.template.pod).
struct KafkaSettings {
  std::string rack_key;
  YAML::Node pod_template{YAML::NodeType::Undefined};
};

KafkaSettings kafka_settings(const CrReader& r, const YAML::Node& kafka_spec) {
  KafkaSettings s;
  s.rack_key = r.text(r.map(kafka_spec, "rack", "spec.kafka.rack"), "topologyKey", "spec.kafka.rack.topologyKey").value_or("");
  s.pod_template = r.map(r.map(kafka_spec, "template", "spec.kafka.template"), "pod", "spec.kafka.template.pod");
  return s;
}

/// A Deployment Strimzi runs beside the brokers. Their CRD sections have no replicas field: one
/// pod each, by design (Strimzi's EntityOperator, CruiseControl and KafkaExporter models).
struct Component {
  const char* key;        ///< the section of the Kafka's spec that enables it
  const char* suffix;     ///< the Deployment is <cluster>-<suffix>
  const char* strategy;   ///< Strimzi's default; template.deployment.deploymentStrategy overrides it
  const char* image;
  int service_port;       ///< the Service <cluster>-<suffix> Strimzi creates, 0 for none
};
constexpr Component kComponents[] = {
    {"entityOperator", "entity-operator", "Recreate", "quay.io/strimzi/operator", 0},
    {"cruiseControl", "cruise-control", "RollingUpdate", "quay.io/strimzi/kafka", 9090},
    {"kafkaExporter", "kafka-exporter", "RollingUpdate", "quay.io/strimzi/kafka", 0},
};

void add_component(const CrReader& r, const YAML::Node& spec, const Component& c, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const std::string path = std::string("spec.") + c.key;
  const YAML::Node section = r.map(spec, c.key, "spec");
  if (!section) return;
  // The entity operator runs only when it has a topic or a user operator to run.
  if (std::string_view(c.key) == "entityOperator" && !r.map(section, "topicOperator", path + ".topicOperator") &&
      !r.map(section, "userOperator", path + ".userOperator"))
    return;
  const std::string name = fmt::format("{}-{}", ref.name, c.suffix);
  const model::Labels labels{{kClusterLabel, ref.name}, {"strimzi.io/kind", "Kafka"}, {"strimzi.io/name", name}};
  YAML::Node m = workload_manifest(r, "Deployment", ref.ns, name, labels, labels);
  m["spec"]["replicas"] = 1;
  const YAML::Node tmpl = r.map(section, "template", path + ".template");
  const std::string strategy_path = path + ".template.deployment.deploymentStrategy";
  m["spec"]["strategy"]["type"] =
      r.text(r.map(tmpl, "deployment", path + ".template.deployment"), "deploymentStrategy", strategy_path)
          .value_or(c.strategy);
  YAML::Node pod = m["spec"]["template"]["spec"];
  copy_scheduling(r, r.map(tmpl, "pod", path + ".template.pod"), path + ".template.pod", pod);
  YAML::Node runs = ready_container(c.suffix, c.image);
  YAML::Node env;  // how each reaches the brokers, written as the env the graph reads
  env["name"] = "STRIMZI_KAFKA_BOOTSTRAP_SERVERS";
  env["value"] = fmt::format("{}-kafka-bootstrap:9091", ref.name);
  runs["env"].push_back(env);
  pod["containers"].push_back(runs);
  out.push_back(implied(r, m, ref.display()));
  if (c.service_port > 0) out.push_back(service_of(r, name, labels, c.service_port));
}

}  // namespace

void expand_strimzi_kafka(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const YAML::Node kafka = r.map(spec, "kafka", "spec.kafka");
  const KafkaSettings settings = kafka_settings(r, kafka);
  const model::Labels kafka_pods = kafka_pod_labels(ref.name);
  const std::optional<int> replicas = r.count(kafka, "replicas", "spec.kafka.replicas");
  const auto ann = r.cr().meta.annotations.find("strimzi.io/node-pools");
  const bool uses_pools = (ann != r.cr().meta.annotations.end() && ann->second == "enabled") ||
                          !pools_of(r, ref.ns, ref.name).empty() || !replicas;
  if (!uses_pools) {
    // Without node pools (ZooKeeper-based clusters): every broker in <name>-kafka.
    model::Labels labels = kafka_pods;
    labels["strimzi.io/broker-role"] = "true";
    YAML::Node m = pod_set(r, ref.ns, ref.name + "-kafka", labels, kafka_pods, *replicas, settings.pod_template,
                           "spec.kafka.template.pod", "quay.io/strimzi/kafka");
    apply_rack(settings.rack_key, kafka_pods, m["spec"]["template"]["spec"]);
    storage_claims(r, r.map(kafka, "storage", "spec.kafka.storage"), "spec.kafka.storage", m);
    out.push_back(implied(r, m, ref.display()));
  }
  model::Labels brokers = {{kClusterLabel, ref.name}, {"strimzi.io/kind", "Kafka"}, {"strimzi.io/broker-role", "true"}};
  out.push_back(service_of(r, ref.name + "-kafka-bootstrap", brokers, 9092));
  out.push_back(service_of(r, ref.name + "-kafka-brokers", brokers, 9091, true));
  // template.podDisruptionBudget.maxUnavailable defaults to 1, over every Kafka pod of the cluster.
  out.push_back(pdb_of(r, ref.name + "-kafka", kafka_pods, 1));

  if (const YAML::Node zk = r.map(spec, "zookeeper", "spec.zookeeper")) {
    const std::string name = ref.name + "-zookeeper";
    const model::Labels labels{{kClusterLabel, ref.name}, {"strimzi.io/name", name}, {"strimzi.io/kind", "Kafka"}};
    const YAML::Node tmpl = r.map(r.map(zk, "template", "spec.zookeeper.template"), "pod", "spec.zookeeper.template.pod");
    YAML::Node m = pod_set(r, ref.ns, name, labels, labels, r.count(zk, "replicas", "spec.zookeeper.replicas").value_or(3),
                           tmpl, "spec.zookeeper.template.pod", "quay.io/strimzi/kafka");
    mark_quorum(m, "a Strimzi ZooKeeper ensemble needs a majority of its members");
    storage_claims(r, r.map(zk, "storage", "spec.zookeeper.storage"), "spec.zookeeper.storage", m);
    out.push_back(implied(r, m, ref.display()));
    out.push_back(service_of(r, name + "-client", labels, 2181));
    out.push_back(pdb_of(r, name, labels, 1));
  }
  for (const Component& c : kComponents) add_component(r, spec, c, out);
}

void expand_strimzi_node_pool(const CrReader& r, std::vector<ImpliedObject>& out) {
  const auto& ref = r.cr().meta.ref;
  const auto cl = r.cr().meta.labels.find(kClusterLabel);
  if (cl == r.cr().meta.labels.end() || cl->second.empty()) {
    r.report(r.body(), "has no strimzi.io/cluster label, so no Kafka uses it; it is not analyzed");
    return;
  }
  const std::string& cluster = cl->second;
  const YAML::Node spec = r.map(r.body(), "spec", "spec");
  const auto [controller, broker] = roles_of(r, spec);
  const int replicas = r.count(spec, "replicas", "spec.replicas").value_or(0);

  // Rack and the broker template come from the Kafka, when the input has it; the pool's own
  // template replaces the Kafka's.
  KafkaSettings settings;
  if (const model::RawObject* k = r.related().named(kGroup, "Kafka", ref.ns, cluster)) {
    Diagnostics reported_with_the_kafka;  // the Kafka's own expansion reports its fields
    const CrReader kr(*k, reported_with_the_kafka);
    settings = kafka_settings(kr, kr.map(kr.map(k->body, "spec", "spec"), "kafka", "spec.kafka"));
  }
  std::string template_path = "spec.template.pod";
  YAML::Node tmpl = r.map(r.map(spec, "template", "spec.template"), "pod", template_path);
  if (!tmpl) {
    tmpl = settings.pod_template;
    template_path = "the Kafka's spec.kafka.template.pod";
  }
  model::Labels labels = kafka_pod_labels(cluster);
  labels["strimzi.io/pool-name"] = ref.name;
  labels["strimzi.io/controller-role"] = controller ? "true" : "false";
  labels["strimzi.io/broker-role"] = broker ? "true" : "false";
  const model::Labels selector{{kClusterLabel, cluster}, {"strimzi.io/pool-name", ref.name}};
  YAML::Node m = pod_set(r, ref.ns, fmt::format("{}-{}", cluster, ref.name), labels, selector, replicas, tmpl,
                         template_path, "quay.io/strimzi/kafka");
  apply_rack(settings.rack_key, kafka_pod_labels(cluster), m["spec"]["template"]["spec"]);
  storage_claims(r, r.map(spec, "storage", "spec.storage"), "spec.storage", m);
  // The KRaft quorum is every controller of the cluster. When they all sit in this pool, the
  // pool's majority is the quorum; split over pools, a per-pool majority would be wrong.
  if (controller) {
    int controller_pools = 0;
    Diagnostics reported_with_each_pool;
    for (const auto* p : pools_of(r, ref.ns, cluster)) {
      const CrReader pr(*p, reported_with_each_pool);
      controller_pools += roles_of(pr, pr.map(p->body, "spec", "spec")).first ? 1 : 0;
    }
    if (controller_pools <= 1) mark_quorum(m, "Kafka KRaft controllers need a majority of the controller quorum");
  }
  out.push_back(implied(r, m, ref.display()));
}

}  // namespace faultline::expand::detail
