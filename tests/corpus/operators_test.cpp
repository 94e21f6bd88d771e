// The operators' examples analyzed whole: what the expanded CloudNativePG, Zalando, Strimzi,
// ECK, RabbitMQ and Keycloak resources give on three nodes in three zones.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "faultline/pipeline.hpp"

using namespace faultline;

namespace {

using Fired = std::set<std::pair<std::string, std::string>>;  // rule, Kind/name

std::unique_ptr<Analysis> run(const std::vector<std::string>& inputs) {
  AnalysisOptions options;
  for (const auto& i : inputs) options.paths.push_back(std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/" + i);
  options.node_paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/operators/nodes-3-zones.yaml"};
  options.selection.packs = {"core"};
  return analyze(options);
}

/// The findings of `rules` only, as (rule, Kind/name).
Fired fired(const Analysis& a, const std::set<std::string>& rules) {
  Fired out;
  for (const auto& f : a.findings) {
    if (rules.count(f.rule)) out.insert({f.rule, f.object.kind + "/" + f.object.name});
  }
  return out;
}

void no_errors(const Analysis& a) {
  for (const auto& d : a.diagnostics) {
    INFO(d.where.file << ":" << d.where.line << ": " << d.message);
    CHECK(d.severity != Severity::error);
  }
}

}  // namespace

TEST_SUITE("corpus") {

TEST_CASE("CloudNativePG samples: every 3-instance Cluster can put all instances on one node (preferred anti-affinity)") {
  const auto a = run({"corpus/cloudnative-pg/samples"});
  no_errors(*a);
  const Fired expected{
      {"node-spof", "StatefulSet/cluster-dc-a"},
      {"node-spof", "StatefulSet/cluster-dc-b"},
      {"node-spof", "StatefulSet/cluster-example"},
      {"node-spof", "StatefulSet/cluster-example-az"},
      {"node-spof", "StatefulSet/cluster-example-full"},
      // pooler-basic-auth.yaml (1 instance) and pooler-external.yaml (3) both define Pooler
      // pooler-example-rw: one object read twice, analyzed as the last copy says (README "Inputs").
      {"node-spof", "Deployment/pooler-example-rw"},
      {"pdb-missing", "Deployment/pooler-example-rw"},
      {"single-replica", "StatefulSet/cluster-example-managed-services"},
      {"single-replica", "StatefulSet/cluster-replica-example"},
      {"single-replica", "StatefulSet/postgis-example"},
  };
  CHECK(fired(*a, {"node-spof", "single-replica", "quorum-at-risk", "pdb-missing"}) == expected);
  for (const auto& f : a->findings) {
    const bool from_cnpg = f.expanded_from.starts_with("Cluster/") || f.expanded_from.starts_with("Pooler/");
    CHECK((from_cnpg || f.expanded_from.empty()));
  }
}

TEST_CASE("Zalando examples: anti-affinity is off in the operator ConfigMap, so both 2-instance clusters can share a node") {
  const auto a = run({"corpus/postgres-operator"});
  no_errors(*a);
  const Fired f = fired(*a, {"node-spof", "single-replica"});
  CHECK(f.count({"node-spof", "StatefulSet/acid-minimal-cluster"}));
  CHECK(f.count({"node-spof", "StatefulSet/acid-test-cluster"}));
  CHECK(f.count({"single-replica", "StatefulSet/acid-standby-cluster"}));
}

TEST_CASE("Strimzi KRaft without rack: the three controllers may share a node and lose the quorum with it") {
  const auto a = run({"operators/strimzi-kraft-no-rack.yaml"});
  no_errors(*a);
  const Fired f = fired(*a, {"node-spof", "quorum-at-risk", "pdb-missing"});
  CHECK(f.count({"node-spof", "StatefulSet/my-cluster-dual-role"}));
  CHECK(f.count({"quorum-at-risk", "StatefulSet/my-cluster-dual-role"}));
  CHECK_FALSE(f.count({"pdb-missing", "StatefulSet/my-cluster-dual-role"}));  // Strimzi's own PDB
}

TEST_CASE("Strimzi with separate pools: the controllers keep their quorum, the brokers are only best effort") {
  const auto a = run({"operators/strimzi-kraft-rack.yaml"});
  no_errors(*a);
  const Fired f = fired(*a, {"node-spof", "zone-spof", "quorum-at-risk"});
  CHECK_FALSE(f.count({"quorum-at-risk", "StatefulSet/prod-controller"}));
  CHECK_FALSE(f.count({"node-spof", "StatefulSet/prod-controller"}));
  CHECK(f.count({"node-spof", "StatefulSet/prod-broker"}));
}

TEST_CASE("ECK, RabbitMQ and Keycloak examples") {
  const auto a = run({"operators/eck-elasticsearch.yaml", "operators/rabbitmq-cluster.yaml", "operators/keycloak.yaml"});
  no_errors(*a);
  const Fired f = fired(*a, {"node-spof", "quorum-at-risk", "single-replica", "pdb-missing"});
  CHECK(f.count({"quorum-at-risk", "StatefulSet/quickstart-es-master"}));
  CHECK(f.count({"node-spof", "StatefulSet/quickstart-es-data"}));
  CHECK(f.count({"single-replica", "StatefulSet/hello-world-server"}));
  CHECK(f.count({"pdb-missing", "StatefulSet/production-ready-server"}));  // the operator creates none
  CHECK_FALSE(f.count({"quorum-at-risk", "StatefulSet/production-ready-server"}));  // required hostname anti-affinity
  CHECK(f.count({"single-replica", "StatefulSet/example-kc"}));
}

TEST_CASE("Strimzi components: one pod each; the entity operator wants infra nodes the cluster lacks") {
  const auto a = run({"operators/strimzi-cruise-control.yaml"});
  const Fired f = fired(*a, {"single-replica", "unschedulable", "quorum-at-risk", "node-spof", "rollout-deadlock",
                             "rollout-all-at-once"});
  // Required node affinity to node-role.kubernetes.io/infra, and none of the three nodes has it.
  CHECK(f.count({"unschedulable", "Deployment/analytics-entity-operator"}));
  CHECK(f.count({"single-replica", "Deployment/analytics-cruise-control"}));
  CHECK(f.count({"single-replica", "Deployment/analytics-kafka-exporter"}));
  // Three dual-role nodes kept apart by their pool's required hostname anti-affinity, one per zone.
  CHECK_FALSE(f.count({"quorum-at-risk", "StatefulSet/analytics-dual-role"}));
  CHECK_FALSE(f.count({"node-spof", "StatefulSet/analytics-dual-role"}));
  // Not structured bindings: clang 14 (make test-sanitize) cannot capture those in CHECK_MESSAGE's lambda.
  for (const auto& rule_object : f)
    CHECK_MESSAGE(!rule_object.first.starts_with("rollout-"), rule_object.first << " on " << rule_object.second);
  for (const auto& finding : a->findings) {
    if (finding.object.name == "analytics-kafka-exporter" && finding.rule == "single-replica")
      CHECK(finding.message.find("singleton by design") != std::string::npos);  // Recreate, from its template
  }
}

TEST_CASE("upstream manifests: the DaemonSets that hold host ports do not surge, so no rollout deadlocks") {
  // node-exporter (kube-prometheus) binds 9100 on the host network and popeye's ds1/ds2 set
  // hostPort 9100, but all update with maxSurge 0; no StatefulSet sets maxUnavailable or a
  // partition above its replicas (popeye's and the cluster dump's partitions are 0).
  const auto a = run({"corpus/kube-prometheus/manifests", "corpus/popeye-testdata", "corpus/troubleshoot-cluster-dump",
                      "corpus/istio"});
  const Fired f = fired(*a, {"rollout-deadlock", "rollout-all-at-once"});
  CHECK(f.empty());
  const model::Workload* exporter = nullptr;
  for (const auto& w : a->model.workloads)
    if (w.meta.ref.name == "node-exporter") exporter = &w;
  REQUIRE(exporter);
  CHECK(exporter->pod.host_network);
  // Its kube-rbac-proxy container publishes 9100 (the exporter itself declares no port).
  CHECK(exporter->pod.containers.at(0).host_ports.empty());
  CHECK(exporter->pod.containers.at(1).host_ports == std::vector<std::string>{"9100/TCP"});
}

}  // TEST_SUITE
