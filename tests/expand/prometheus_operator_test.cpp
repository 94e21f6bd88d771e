#include <doctest/doctest.h>

#include "faultline/expand/expand.hpp"
#include "raw_object.hpp"

using faultline::Diagnostics;
using faultline::expand::implied_objects;
using faultline::expand::test::manifest_named;
using faultline::expand::test::raw_object;

TEST_SUITE("expand") {

TEST_CASE("a Prometheus with defaults implies one StatefulSet prometheus-<name> with one replica") {
  Diagnostics diags;
  const auto cr = raw_object(R"(
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s, namespace: monitoring}
spec: {}
)");
  const auto out = implied_objects(cr, diags);
  CHECK(diags.empty());
  REQUIRE(out.size() == 1);
  const YAML::Node& m = out[0].doc.root;
  CHECK(m["kind"].as<std::string>() == "StatefulSet");
  CHECK(m["metadata"]["name"].as<std::string>() == "prometheus-k8s");
  CHECK(m["metadata"]["namespace"].as<std::string>() == "monitoring");
  CHECK(m["spec"]["replicas"].as<int>() == 1);
  CHECK(m["spec"]["serviceName"].as<std::string>() == "prometheus-operated");
  CHECK(out[0].expanded_from == "Prometheus/monitoring/k8s");
  CHECK(out[0].doc.where.file == "cr.yaml");
  CHECK(out[0].doc.where.line == 10);
  const YAML::Node& labels = m["spec"]["template"]["metadata"]["labels"];
  CHECK(labels["prometheus"].as<std::string>() == "k8s");
  CHECK(labels["operator.prometheus.io/name"].as<std::string>() == "k8s");
  CHECK(labels["operator.prometheus.io/shard"].as<std::string>() == "0");
  CHECK(labels["app.kubernetes.io/name"].as<std::string>() == "prometheus");
  CHECK(labels["app.kubernetes.io/instance"].as<std::string>() == "k8s");
  CHECK(labels["app.kubernetes.io/managed-by"].as<std::string>() == "prometheus-operator");
  CHECK(m["spec"]["selector"]["matchLabels"]["operator.prometheus.io/shard"].as<std::string>() == "0");
}

TEST_CASE("Prometheus shards each get their own StatefulSet with the CR's replicas") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: main, namespace: mon}
spec: {replicas: 2, shards: 3}
)"),
                                   diags);
  REQUIRE(out.size() == 3);
  CHECK(out[0].doc.root["metadata"]["name"].as<std::string>() == "prometheus-main");
  CHECK(out[1].doc.root["metadata"]["name"].as<std::string>() == "prometheus-main-shard-1");
  CHECK(out[2].doc.root["metadata"]["name"].as<std::string>() == "prometheus-main-shard-2");
  for (const auto& o : out) CHECK(o.doc.root["spec"]["replicas"].as<int>() == 2);
  CHECK(out[2].doc.root["spec"]["template"]["metadata"]["labels"]["operator.prometheus.io/shard"].as<std::string>() ==
        "2");
}

TEST_CASE("the CR's affinity, nodeSelector, tolerations and spread constraints reach the pod template") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s, namespace: monitoring}
spec:
  replicas: 2
  nodeSelector: {pool: system}
  tolerations: [{key: dedicated, operator: Exists}]
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - labelSelector: {matchLabels: {prometheus: k8s}}
          topologyKey: kubernetes.io/hostname
  topologySpreadConstraints:
    - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule,
       labelSelector: {matchLabels: {prometheus: k8s}}}
  podMetadata:
    labels: {team: obs, prometheus: other}
  storage:
    volumeClaimTemplate:
      spec: {storageClassName: local-path, accessModes: [ReadWriteOnce]}
)"),
                                   diags);
  CHECK(diags.empty());
  REQUIRE(out.size() == 1);
  const YAML::Node& pod = out[0].doc.root["spec"]["template"]["spec"];
  CHECK(pod["nodeSelector"]["pool"].as<std::string>() == "system");
  CHECK(pod["tolerations"][0]["key"].as<std::string>() == "dedicated");
  CHECK(pod["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"][0]["topologyKey"]
            .as<std::string>() == "kubernetes.io/hostname");
  CHECK(pod["topologySpreadConstraints"][0]["topologyKey"].as<std::string>() == "topology.kubernetes.io/zone");
  const YAML::Node& labels = out[0].doc.root["spec"]["template"]["metadata"]["labels"];
  CHECK(labels["team"].as<std::string>() == "obs");
  CHECK(labels["prometheus"].as<std::string>() == "k8s");  // the operator's own label wins
  const YAML::Node& vct = out[0].doc.root["spec"]["volumeClaimTemplates"][0];
  CHECK(vct["metadata"]["name"].as<std::string>() == "prometheus-k8s-db");
  CHECK(vct["spec"]["storageClassName"].as<std::string>() == "local-path");
}

TEST_CASE("Alertmanager and ThanosRuler imply alertmanager-<name> and thanos-ruler-<name>") {
  Diagnostics diags;
  const auto am = implied_objects(raw_object(R"(
apiVersion: monitoring.coreos.com/v1
kind: Alertmanager
metadata: {name: main, namespace: monitoring}
spec: {replicas: 3}
)"),
                                  diags);
  REQUIRE(am.size() == 1);
  CHECK(am[0].doc.root["metadata"]["name"].as<std::string>() == "alertmanager-main");
  CHECK(am[0].doc.root["spec"]["replicas"].as<int>() == 3);
  CHECK(am[0].doc.root["spec"]["template"]["metadata"]["labels"]["alertmanager"].as<std::string>() == "main");
  CHECK(am[0].doc.root["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"].as<std::string>() ==
        "alertmanager");

  const auto tr = implied_objects(raw_object(R"(
apiVersion: monitoring.coreos.com/v1
kind: ThanosRuler
metadata: {name: rules, namespace: monitoring}
spec:
  queryEndpoints: [dnssrv+_http._tcp.thanos-query.monitoring.svc.cluster.local]
)"),
                                  diags);
  REQUIRE(tr.size() == 1);
  CHECK(tr[0].doc.root["metadata"]["name"].as<std::string>() == "thanos-ruler-rules");
  CHECK(tr[0].doc.root["spec"]["replicas"].as<int>() == 1);
  CHECK(tr[0].doc.root["spec"]["template"]["spec"]["containers"][0]["args"][1].as<std::string>() ==
        "--query=dnssrv+_http._tcp.thanos-query.monitoring.svc.cluster.local");
  CHECK(diags.empty());
}

TEST_CASE("a wrong type in a Prometheus spec is a diagnostic at the field's line and defaults apply") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s, namespace: monitoring}
spec:
  replicas: three
  tolerations: {key: x}
)",
                                              20),
                                   diags);
  REQUIRE(out.size() == 1);
  CHECK(out[0].doc.root["spec"]["replicas"].as<int>() == 1);
  CHECK_FALSE(out[0].doc.root["spec"]["template"]["spec"]["tolerations"]);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].where.file == "cr.yaml");
  CHECK(diags[0].where.line == 24);
  CHECK(diags[0].message.find("spec.replicas") != std::string::npos);
  CHECK(diags[0].message.find("\"three\"") != std::string::npos);
  CHECK(diags[1].where.line == 25);
  CHECK(diags[1].message.find("spec.tolerations must be a list") != std::string::npos);
}

TEST_CASE("kinds of other groups are not expanded") {
  Diagnostics diags;
  CHECK(implied_objects(raw_object(R"(
apiVersion: example.com/v1
kind: Prometheus
metadata: {name: k8s}
)"),
                        diags)
            .empty());
  CHECK(faultline::expand::expands("monitoring.coreos.com/v1", "Alertmanager"));
  CHECK(faultline::expand::expands("run.ai/v1", "RunaiConfig"));
  CHECK_FALSE(faultline::expand::expands("v1", "ConfigMap"));
  CHECK(diags.empty());
}

}  // TEST_SUITE
