// The stateful operators' expanders, on the operators' own examples (fixtures/corpus for
// CloudNativePG and Zalando, fixtures/operators for the others).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "faultline/expand/expand.hpp"
#include "faultline/graph/quorum.hpp"
#include "faultline/model/builder.hpp"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

struct Expanded {
  model::Model model;
  Diagnostics diags;
  const model::Workload* workload(const std::string& name) const {
    for (const auto& w : model.workloads)
      if (w.meta.ref.name == name) return &w;
    return nullptr;
  }
  const model::Service* service(const std::string& name) const {
    for (const auto& s : model.services)
      if (s.meta.ref.name == name) return &s;
    return nullptr;
  }
  const model::Pdb* pdb(const std::string& name) const {
    for (const auto& p : model.pdbs)
      if (p.meta.ref.name == name) return &p;
    return nullptr;
  }
  std::string errors() const {
    std::string text;
    for (const auto& d : diags)
      if (d.severity == Severity::error) text += d.where.file + ":" + std::to_string(d.where.line) + ": " + d.message + "\n";
    return text;
  }
};

Expanded expand_files(const std::vector<std::string>& files) {
  Expanded e;
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back((fs::path(FAULTLINE_SOURCE_DIR) / "fixtures" / f).string());
  model::load_model(paths, model::BuildOptions{}, e.model, e.diags);
  expand::expand(e.model, e.diags);
  return e;
}

Expanded expand_text(const std::string& text) {
  Expanded e;
  model::load_model_text(text, "input.yaml", model::BuildOptions{}, e.model, e.diags);
  expand::expand(e.model, e.diags);
  return e;
}

bool quorum(const model::Workload& w) {
  const auto it = w.meta.annotations.find(graph::kQuorumAnnotation);
  return it != w.meta.annotations.end() && it->second == "majority";
}

}  // namespace

TEST_SUITE("expand") {

TEST_CASE("CloudNativePG cluster-example: 3 instances with the default preferred hostname anti-affinity") {
  const auto e = expand_files({"corpus/cloudnative-pg/samples/cluster-example.yaml"});
  INFO(e.errors());
  const auto* w = e.workload("cluster-example");
  REQUIRE(w);
  CHECK(w->kind == model::WorkloadKind::StatefulSet);
  CHECK(w->declared_replicas() == 3);
  CHECK(w->meta.provenance->expanded_from == "Cluster/default/cluster-example");
  CHECK(w->meta.where.line == 1);
  CHECK(w->meta.where.file.ends_with("cluster-example.yaml"));
  CHECK(w->pod.detail->pod_anti_affinity.required.empty());
  REQUIRE(w->pod.detail->pod_anti_affinity.preferred.size() == 1);
  CHECK(w->pod.detail->pod_anti_affinity.preferred[0].term.topology_key == "kubernetes.io/hostname");
  CHECK(w->pod.labels.at("cnpg.io/cluster") == "cluster-example");
  REQUIRE(w->detail->volume_claim_templates.size() == 1);
  CHECK_FALSE(w->detail->volume_claim_templates[0].storage_class);  // the cluster's default class
  CHECK_FALSE(quorum(*w));  // streaming replication fails over; it needs no majority
  for (const char* s : {"cluster-example-rw", "cluster-example-ro", "cluster-example-r"}) CHECK(e.service(s));
  REQUIRE(e.pdb("cluster-example"));
}

TEST_CASE("CloudNativePG cluster-example-full: zone anti-affinity, storage class and one instance less service") {
  const auto e = expand_files({"corpus/cloudnative-pg/samples/cluster-example-full.yaml"});
  const auto* w = e.workload("cluster-example-full");
  REQUIRE(w);
  REQUIRE(w->pod.detail->pod_anti_affinity.preferred.size() == 1);
  CHECK(w->pod.detail->pod_anti_affinity.preferred[0].term.topology_key == "failure-domain.beta.kubernetes.io/zone");
  REQUIRE(w->detail->volume_claim_templates.size() == 1);
  CHECK(w->detail->volume_claim_templates[0].storage_class == std::optional<std::string>("standard"));
  CHECK(w->pod.containers.at(0).image == "ghcr.io/cloudnative-pg/postgresql:18.6-system-trixie");
}

TEST_CASE("CloudNativePG: podAntiAffinityType required, disabled anti-affinity, disabled services, one instance") {
  const auto e = expand_text(R"(apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: strict, namespace: db}
spec:
  instances: 3
  affinity: {podAntiAffinityType: required, nodeSelector: {pool: db}, tolerations: [{key: db, operator: Exists}]}
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: loose, namespace: db}
spec:
  affinity: {enablePodAntiAffinity: false}
  managed: {services: {disabledDefaultServices: ["r"]}}
)");
  INFO(e.errors());
  const auto* strict = e.workload("strict");
  REQUIRE(strict);
  REQUIRE(strict->pod.detail->pod_anti_affinity.required.size() == 1);
  CHECK(strict->pod.detail->node_selector.at("pool") == "db");
  CHECK(strict->pod.detail->tolerations.size() == 1);
  const auto* loose = e.workload("loose");
  REQUIRE(loose);
  CHECK(loose->declared_replicas() == 1);  // instances defaults to 1
  CHECK(loose->pod.detail->pod_anti_affinity.preferred.empty());
  CHECK(e.service("loose-rw"));
  CHECK_FALSE(e.service("loose-r"));
  CHECK_FALSE(e.service("loose-ro"));  // no replica to serve
  CHECK_FALSE(e.pdb("loose"));
}

TEST_CASE("CloudNativePG Pooler: PgBouncer Deployment calling the cluster's -rw Service") {
  const auto e = expand_files({"corpus/cloudnative-pg/samples/pooler-external.yaml"});
  const auto* w = e.workload("pooler-example-rw");
  REQUIRE(w);
  CHECK(w->kind == model::WorkloadKind::Deployment);
  CHECK(w->declared_replicas() == 3);
  REQUIRE(w->pod.containers.at(0).env.size() == 1);
  CHECK(w->pod.containers.at(0).env[0].value == "cluster-example-rw");
  CHECK(e.service("pooler-example-rw"));
}

TEST_CASE("Zalando postgresql: numberOfInstances, anti-affinity off by default and on from the operator ConfigMap") {
  const auto bare = expand_files({"corpus/postgres-operator/minimal-postgres-manifest.yaml"});
  INFO(bare.errors());
  const auto* w = bare.workload("acid-minimal-cluster");
  REQUIRE(w);
  CHECK(w->declared_replicas() == 2);
  CHECK(w->detail->strategy_type == "OnDelete");
  CHECK(w->pod.detail->pod_anti_affinity.required.empty());
  CHECK(w->pod.detail->pod_anti_affinity.preferred.empty());
  CHECK(bare.service("acid-minimal-cluster"));
  CHECK(bare.service("acid-minimal-cluster-repl"));
  CHECK(bare.pdb("postgres-acid-minimal-cluster-pdb"));

  const auto on = expand_text(R"(apiVersion: v1
kind: ConfigMap
metadata: {name: postgres-operator, namespace: ops}
data: {enable_pod_antiaffinity: "true", pod_antiaffinity_topology_key: topology.kubernetes.io/zone}
---
apiVersion: acid.zalan.do/v1
kind: postgresql
metadata: {name: acid-zonal, namespace: db}
spec: {teamId: acid, numberOfInstances: 3, enableConnectionPooler: true}
)");
  const auto* z = on.workload("acid-zonal");
  REQUIRE(z);
  REQUIRE(z->pod.detail->pod_anti_affinity.required.size() == 1);
  CHECK(z->pod.detail->pod_anti_affinity.required[0].topology_key == "topology.kubernetes.io/zone");
  const auto* pooler = on.workload("acid-zonal-pooler");
  REQUIRE(pooler);
  CHECK(pooler->declared_replicas() == 2);
}

TEST_CASE("Strimzi KRaft without rack: one dual-role pool of 3, a controller quorum, no anti-affinity") {
  const auto e = expand_files({"operators/strimzi-kraft-no-rack.yaml"});
  INFO(e.errors());
  const auto* w = e.workload("my-cluster-dual-role");
  REQUIRE(w);
  CHECK(w->declared_replicas() == 3);
  CHECK(w->meta.provenance->expanded_from == "KafkaNodePool/kafka/dual-role");
  CHECK(quorum(*w));
  CHECK(w->pod.detail->pod_anti_affinity.required.empty());
  CHECK(w->pod.detail->pod_anti_affinity.preferred.empty());
  CHECK(w->pod.labels.at("strimzi.io/broker-role") == "true");
  CHECK(w->detail->volume_claim_templates.size() == 1);
  CHECK_FALSE(e.workload("my-cluster-kafka"));  // node pools: spec.kafka.replicas is not used
  CHECK(e.service("my-cluster-kafka-bootstrap"));
  CHECK(e.pdb("my-cluster-kafka"));
}

TEST_CASE("Strimzi KRaft with rack: controllers apart by their template, brokers zone-aware by the Kafka's rack") {
  const auto e = expand_files({"operators/strimzi-kraft-rack.yaml"});
  const auto* controllers = e.workload("prod-controller");
  const auto* brokers = e.workload("prod-broker");
  REQUIRE(controllers);
  REQUIRE(brokers);
  CHECK(quorum(*controllers));
  CHECK_FALSE(quorum(*brokers));
  CHECK(controllers->pod.detail->pod_anti_affinity.required.size() == 1);
  REQUIRE(brokers->pod.detail->pod_anti_affinity.preferred.size() == 1);
  CHECK(brokers->pod.detail->pod_anti_affinity.preferred[0].term.topology_key == "topology.kubernetes.io/zone");
  CHECK(brokers->pod.detail->node_affinity.required.size() == 1);  // nodes must carry the rack label
  CHECK(controllers->detail->volume_claim_templates.at(0).storage_class == std::optional<std::string>("fast"));
}

TEST_CASE("Strimzi ZooKeeper-based Kafka: brokers <name>-kafka and a ZooKeeper quorum") {
  const auto e = expand_files({"operators/strimzi-zookeeper.yaml"});
  const auto* kafka = e.workload("legacy-kafka");
  const auto* zk = e.workload("legacy-zookeeper");
  REQUIRE(kafka);
  REQUIRE(zk);
  CHECK(kafka->declared_replicas() == 3);
  CHECK(zk->declared_replicas() == 3);
  CHECK(quorum(*zk));
  CHECK_FALSE(quorum(*kafka));
  CHECK(e.service("legacy-zookeeper-client"));
}

TEST_CASE("Strimzi entity operator, Cruise Control and Kafka Exporter: one pod each, scheduled by their template.pod") {
  const auto e = expand_files({"operators/strimzi-cruise-control.yaml"});
  INFO(e.errors());
  CHECK(e.errors().empty());
  const auto* eo = e.workload("analytics-entity-operator");
  REQUIRE(eo);
  CHECK(eo->kind == model::WorkloadKind::Deployment);
  CHECK(eo->declared_replicas() == 1);
  CHECK(eo->detail->strategy_type == "Recreate");  // Strimzi's default for the entity operator
  CHECK(eo->meta.provenance->expanded_from == "Kafka/kafka/analytics");
  CHECK(eo->meta.where.file.ends_with("strimzi-cruise-control.yaml"));
  CHECK(eo->pod.labels.at("strimzi.io/name") == "analytics-entity-operator");
  REQUIRE(eo->pod.detail->node_affinity.required.size() == 1);
  CHECK(eo->pod.detail->node_affinity.required[0].match_expressions.at(0).key == "node-role.kubernetes.io/infra");
  REQUIRE(eo->pod.detail->tolerations.size() == 1);
  CHECK(eo->pod.detail->tolerations[0].key == "node-role.kubernetes.io/infra");
  REQUIRE(eo->pod.containers.size() == 1);
  CHECK(eo->pod.containers[0].has_readiness_probe);
  CHECK(eo->pod.containers[0].env.at(0).value == "analytics-kafka-bootstrap:9091");

  const auto* cc = e.workload("analytics-cruise-control");
  REQUIRE(cc);
  CHECK(cc->declared_replicas() == 1);
  CHECK(cc->detail->strategy_type == "RollingUpdate");
  CHECK(cc->pod.detail->tolerations.empty());  // the entity operator's template is its own
  CHECK(e.service("analytics-cruise-control"));

  const auto* exporter = e.workload("analytics-kafka-exporter");
  REQUIRE(exporter);
  CHECK(exporter->detail->strategy_type == "Recreate");  // template.deployment.deploymentStrategy
  CHECK_FALSE(e.service("analytics-kafka-exporter"));
}

TEST_CASE("Strimzi: no entity operator without a topic or user operator, none when the input dumps it") {
  const std::string kafka = R"(apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata: {name: c, namespace: k}
spec:
  kafka: {replicas: 3, listeners: []}
  entityOperator: {}
)";
  CHECK_FALSE(expand_text(kafka).workload("c-entity-operator"));
  const auto dumped = expand_text(R"(apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata: {name: c, namespace: k}
spec:
  kafka: {replicas: 3, listeners: []}
  entityOperator: {topicOperator: {}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: c-entity-operator, namespace: k}
spec:
  replicas: 1
  selector: {matchLabels: {strimzi.io/name: c-entity-operator}}
  template:
    metadata: {labels: {strimzi.io/name: c-entity-operator}}
    spec: {containers: [{name: topic-operator, image: quay.io/strimzi/operator}]}
)");
  int found = 0;
  for (const auto& w : dumped.model.workloads) {
    if (w.meta.ref.name != "c-entity-operator") continue;
    ++found;
    CHECK(w.meta.provenance->expanded_from.empty());  // the dumped Deployment, not an implied one
  }
  CHECK(found == 1);
}

TEST_CASE("Strimzi: a thousand clusters and pools are matched through one index of the input") {
  std::string text;
  constexpr int kClusters = 1000;
  for (int i = 0; i < kClusters; ++i) {
    const std::string c = "c" + std::to_string(i);
    text += "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: " + c +
            ", namespace: k, annotations: {strimzi.io/node-pools: enabled}}\nspec:\n  kafka:\n    rack: {topologyKey: "
            "topology.kubernetes.io/zone}\n---\n"
            "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata: {name: p, namespace: k, labels: "
            "{strimzi.io/cluster: " + c + "}}\nspec: {replicas: 3, roles: [controller, broker]}\n---\n";
  }
  const auto e = expand_text(text);
  CHECK(e.errors().empty());
  int pools = 0;
  for (const auto& w : e.model.workloads) {
    if (w.meta.provenance->expanded_from.rfind("KafkaNodePool/", 0) != 0) continue;
    ++pools;
    CHECK(quorum(w));
    // The rack of its own Kafka reached the pool: nodes must carry the zone label.
    CHECK(w.pod.detail->node_affinity.required.size() == 1);
    CHECK(w.pod.labels.at("strimzi.io/cluster") == w.meta.ref.name.substr(0, w.meta.ref.name.size() - 2));
  }
  CHECK(pools == kClusters);
}

TEST_CASE("ECK Elasticsearch: one StatefulSet per nodeSet, masters as the quorum, default preferred anti-affinity") {
  const auto e = expand_files({"operators/eck-elasticsearch.yaml"});
  INFO(e.errors());
  const auto* masters = e.workload("quickstart-es-master");
  const auto* data = e.workload("quickstart-es-data");
  REQUIRE(masters);
  REQUIRE(data);
  CHECK(masters->declared_replicas() == 3);
  CHECK(quorum(*masters));
  CHECK_FALSE(quorum(*data));
  REQUIRE(masters->pod.detail->pod_anti_affinity.preferred.size() == 1);
  CHECK(masters->pod.detail->pod_anti_affinity.preferred[0].term.topology_key == "kubernetes.io/hostname");
  CHECK(data->detail->volume_claim_templates.at(0).storage_class == std::optional<std::string>("standard"));
  CHECK(e.service("quickstart-es-http"));
  CHECK(e.pdb("quickstart-es-default"));
}

TEST_CASE("ECK: masters over several nodeSets are not marked per nodeSet") {
  const auto e = expand_text(R"(apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata: {name: zonal, namespace: elastic}
spec:
  nodeSets:
    - {name: zone-a, count: 1}
    - {name: zone-b, count: 1}
    - {name: zone-c, count: 1}
)");
  for (const char* n : {"zonal-es-zone-a", "zonal-es-zone-b", "zonal-es-zone-c"}) {
    REQUIRE(e.workload(n));
    CHECK_FALSE(quorum(*e.workload(n)));
  }
}

TEST_CASE("RabbitmqCluster: replicas default 1, <name>-server, quorum, best-effort zone spread") {
  const auto e = expand_files({"operators/rabbitmq-cluster.yaml"});
  const auto* hello = e.workload("hello-world-server");
  const auto* prod = e.workload("production-ready-server");
  REQUIRE(hello);
  REQUIRE(prod);
  CHECK(hello->declared_replicas() == 1);
  CHECK(prod->declared_replicas() == 3);
  CHECK(quorum(*prod));
  REQUIRE(prod->pod.detail->topology_spread.size() == 1);
  CHECK(prod->pod.detail->topology_spread[0].when_unsatisfiable == "ScheduleAnyway");
  CHECK(prod->pod.detail->pod_anti_affinity.required.size() == 1);
  CHECK(e.service("production-ready"));
  CHECK(e.service("production-ready-nodes"));
}

TEST_CASE("Keycloak: spec.instances, its Service and the database host it calls") {
  const auto e = expand_files({"operators/keycloak.yaml"});
  const auto* w = e.workload("example-kc");
  REQUIRE(w);
  CHECK(w->declared_replicas() == 1);
  CHECK(w->pod.containers.at(0).env.at(0).value == "postgres-db");
  CHECK(e.service("example-kc-service"));
}

TEST_CASE("what an operator created is never added twice: dumped pods, StatefulSets and Services win") {
  const auto e = expand_text(R"(apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: pg, namespace: db}
spec: {instances: 3}
---
apiVersion: v1
kind: Pod
metadata:
  name: pg-1
  namespace: db
  labels: {cnpg.io/cluster: pg, cnpg.io/podRole: instance, cnpg.io/instanceRole: primary}
  ownerReferences: [{kind: Cluster, name: pg, controller: true}]
spec: {nodeName: n1, containers: [{name: postgres, image: pg}]}
---
apiVersion: v1
kind: Service
metadata: {name: pg-rw, namespace: db}
spec: {selector: {cnpg.io/cluster: pg, cnpg.io/instanceRole: primary}}
)");
  CHECK_FALSE(e.workload("pg"));
  int rw = 0;
  for (const auto& s : e.model.services) rw += s.meta.ref.name == "pg-rw" ? 1 : 0;
  CHECK(rw == 1);
  CHECK(e.service("pg-r"));
}

TEST_CASE("wrong field types are reported at the resource's line and the rest still expands") {
  const auto e = expand_text(R"(apiVersion: rabbitmq.com/v1beta1
kind: RabbitmqCluster
metadata: {name: mq, namespace: m}
spec:
  replicas: three
  affinity: [not, a, map]
)");
  const auto* w = e.workload("mq-server");
  REQUIRE(w);
  CHECK(w->declared_replicas() == 1);
  int errors = 0;
  for (const auto& d : e.diags) {
    if (d.severity != Severity::error) continue;
    ++errors;
    CHECK(d.where.file == "input.yaml");
    CHECK(d.where.line >= 5);
  }
  CHECK(errors == 2);
}

TEST_CASE("one info lists the resources of unmodelled operators and of CRDs with a replicas-like field") {
  const auto e = expand_files({"operators/unmodelled.yaml"});
  std::vector<std::string> infos;
  for (const auto& d : e.diags)
    if (d.severity == Severity::info) infos.push_back(d.message);
  REQUIRE(infos.size() == 1);
  CHECK(infos[0].starts_with("not analyzed: KafkaConnect/kafka/my-connect ("));
  CHECK(infos[0].find("Kibana/elastic/quickstart") != std::string::npos);
  CHECK(infos[0].find("Cache/shop/sessions") != std::string::npos);
  CHECK(infos[0].find("Dashboard") == std::string::npos);
  CHECK(infos[0].ends_with("their pods are created by an operator faultline does not model"));

  const auto one = expand_text(R"(apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaBridge
metadata: {name: bridge, namespace: ns}
spec: {replicas: 1}
)");
  REQUIRE_FALSE(one.diags.empty());
  CHECK(one.diags.back().message ==
        "not analyzed: KafkaBridge/ns/bridge — its pods are created by an operator faultline does not model");
  CHECK(one.diags.back().where.line == 1);
}

}  // TEST_SUITE
