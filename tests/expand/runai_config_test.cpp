#include <doctest/doctest.h>

#include "faultline/expand/expand.hpp"
#include "raw_object.hpp"

using faultline::Diagnostics;
using faultline::expand::implied_objects;
using faultline::expand::test::manifest_named;
using faultline::expand::test::raw_object;

namespace {

const char* const kDefaults = R"(
apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec: {}
)";

std::string required_key(const YAML::Node& pod) {
  return pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"][0]
            ["matchExpressions"][0]["key"]
                .as<std::string>();
}

}  // namespace

TEST_SUITE("expand") {

TEST_CASE("a default RunaiConfig implies prometheus-runai and the cluster services at one replica") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(kDefaults), diags);
  CHECK(diags.empty());
  const YAML::Node prom = manifest_named(out, "prometheus-runai");
  REQUIRE(prom);
  CHECK(prom["kind"].as<std::string>() == "StatefulSet");
  CHECK(prom["metadata"]["namespace"].as<std::string>() == "runai");
  CHECK(prom["spec"]["replicas"].as<int>() == 1);
  for (const char* name : {"runai-scheduler-default", "binder", "pod-grouper", "runai-agent", "cluster-sync",
                           "runai-admission-controller", "engine-admission", "workload-controller"}) {
    CAPTURE(name);
    const YAML::Node d = manifest_named(out, name);
    REQUIRE(d);
    CHECK(d["kind"].as<std::string>() == "Deployment");
    CHECK(d["spec"]["replicas"].as<int>() == 1);
  }
  CHECK_FALSE(manifest_named(out, "runai-operator"));  // installed by Helm, not by the runaiconfig
  CHECK(manifest_named(out, "runai-node-exporter")["kind"].as<std::string>() == "DaemonSet");
  for (const auto& o : out) CHECK(o.expanded_from == "RunaiConfig/runai/runai");
}

TEST_CASE("without restrictRunaiSystem the system-node affinity is preferred, never required") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(kDefaults), diags);
  const YAML::Node pod = manifest_named(out, "binder")["spec"]["template"]["spec"];
  CHECK_FALSE(pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]);
  const YAML::Node pref = pod["affinity"]["nodeAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0];
  CHECK(pref["preference"]["matchExpressions"][0]["key"].as<std::string>() == "node-role.kubernetes.io/runai-system");
  CHECK(pref["preference"]["matchExpressions"][0]["operator"].as<std::string>() == "Exists");
  // requireDefaultPodAntiAffinity (default true) only "attempts": a preferred hostname term.
  CHECK(pod["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0]["podAffinityTerm"]
           ["topologyKey"]
               .as<std::string>() == "kubernetes.io/hostname");
  // The cluster Prometheus follows the same system-node preference.
  const YAML::Node prom = manifest_named(out, "prometheus-runai")["spec"]["template"]["spec"];
  CHECK(prom["affinity"]["nodeAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"]);
}

TEST_CASE("restrictRunaiSystem: true makes the system-node affinity required") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(
apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec:
  global:
    nodeAffinity: {restrictRunaiSystem: true}
)"),
                                   diags);
  CHECK(diags.empty());
  const YAML::Node pod = manifest_named(out, "runai-scheduler-default")["spec"]["template"]["spec"];
  CHECK(required_key(pod) == "node-role.kubernetes.io/runai-system");
  CHECK(pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"][0]
           ["matchExpressions"][0]["operator"]
               .as<std::string>() == "Exists");
  CHECK(required_key(manifest_named(out, "prometheus-runai")["spec"]["template"]["spec"]) ==
        "node-role.kubernetes.io/runai-system");
  // DaemonSets run on every node; the system-node rule does not apply to them.
  CHECK_FALSE(manifest_named(out, "runai-node-exporter")["spec"]["template"]["spec"]["affinity"]);
}

TEST_CASE("replicas: spec.<service>.replicas over spec.global.replicaCount; new Prometheus field over old") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(
apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec:
  global:
    replicaCount: 2
  pod-grouper: {replicas: 3}
  prometheus:
    replicas: 4
    spec: {replicas: 2}
  some-future-field: {anything: [1, 2]}
)"),
                                   diags);
  CHECK(diags.empty());
  CHECK(manifest_named(out, "binder")["spec"]["replicas"].as<int>() == 2);
  CHECK(manifest_named(out, "pod-grouper")["spec"]["replicas"].as<int>() == 3);
  CHECK(manifest_named(out, "prometheus-runai")["spec"]["replicas"].as<int>() == 2);
}

TEST_CASE("the older spec.prometheus.replicas is read when spec.prometheus.spec.replicas is absent") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(
apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec:
  prometheus: {replicas: 2}
)"),
                                   diags);
  CHECK(manifest_named(out, "prometheus-runai")["spec"]["replicas"].as<int>() == 2);
}

TEST_CASE("global affinity and tolerations reach the services; daemonSetsTolerations the DaemonSets") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(
apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec:
  global:
    nodeAffinity: {restrictRunaiSystem: false}
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
            - matchExpressions: [{key: pool, operator: In, values: [system]}]
    tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
  daemonSetsTolerations: [{operator: Exists}]
  prometheus:
    spec:
      tolerations: [{key: prom, operator: Exists}]
)"),
                                   diags);
  CHECK(diags.empty());
  const YAML::Node pod = manifest_named(out, "cluster-sync")["spec"]["template"]["spec"];
  CHECK(required_key(pod) == "pool");
  CHECK(pod["tolerations"][0]["key"].as<std::string>() == "node-role.kubernetes.io/control-plane");
  const YAML::Node ds = manifest_named(out, "runai-container-toolkit")["spec"]["template"]["spec"];
  CHECK(ds["tolerations"][0]["operator"].as<std::string>() == "Exists");
  CHECK_FALSE(ds["tolerations"][0]["key"]);
  const YAML::Node prom = manifest_named(out, "prometheus-runai")["spec"]["template"]["spec"];
  CHECK(prom["tolerations"][0]["key"].as<std::string>() == "prom");
  CHECK(required_key(prom) == "pool");
}

TEST_CASE("wrong types in a RunaiConfig are diagnostics naming the field; defaults apply") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec:
  global:
    replicaCount: two
    nodeAffinity: {restrictRunaiSystem: maybe}
  prometheus:
    spec: {replicas: -1}
)",
                                              1),
                                   diags);
  REQUIRE(diags.size() == 3);
  CHECK(diags[0].message.find("spec.global.nodeAffinity.restrictRunaiSystem must be true or false") !=
        std::string::npos);
  CHECK(diags[0].where.line == 7);
  CHECK(diags[1].message.find("spec.global.replicaCount") != std::string::npos);
  CHECK(diags[1].where.line == 6);
  CHECK(diags[2].message.find("spec.prometheus.spec.replicas") != std::string::npos);
  CHECK(diags[2].where.line == 9);
  CHECK(diags[0].message.starts_with("RunaiConfig/runai/runai: "));
  CHECK(manifest_named(out, "binder")["spec"]["replicas"].as<int>() == 1);
  CHECK(manifest_named(out, "prometheus-runai")["spec"]["replicas"].as<int>() == 1);
  CHECK(manifest_named(out, "binder")["spec"]["template"]["spec"]["affinity"]["nodeAffinity"]
                      ["preferredDuringSchedulingIgnoredDuringExecution"]);
}

TEST_CASE("faultline.io annotations of the resource carry over, so suppressions on it apply") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(R"(
apiVersion: run.ai/v1
kind: RunaiConfig
metadata:
  name: runai
  namespace: runai
  annotations: {faultline.io/ignore: single-replica, other: x}
)"),
                                   diags);
  const YAML::Node ann = manifest_named(out, "binder")["metadata"]["annotations"];
  CHECK(ann["faultline.io/ignore"].as<std::string>() == "single-replica");
  CHECK_FALSE(ann["other"]);
}

}  // TEST_SUITE
