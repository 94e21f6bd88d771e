// Pods and ReplicaSets that a controller owns keep only what later stages read of them; bare
// Pods, which are availability targets, keep everything. Both are still read in full.
#include <doctest/doctest.h>

#include <string>

#include "build_helpers.hpp"

using namespace faultline;
using namespace faultline::model;
using namespace faultline::testing;

namespace {

// One pod spec with every family of field, owned or not depending on `owner`.
std::string pod(const std::string& name, const std::string& owner) {
  return R"(apiVersion: v1
kind: Pod
metadata:
  name: )" + name + R"(
  namespace: shop
  labels: {app: web, pod-template-hash: 5d8f}
  annotations: {faultline.io/depends-on: db}
)" + owner + R"(spec:
  nodeName: node-1
  priorityClassName: high
  nodeSelector: {disk: ssd}
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {app: web}}
        topologyKey: kubernetes.io/hostname
  tolerations:
  - {key: dedicated, operator: Sometimes}
  topologySpreadConstraints:
  - {maxSkew: 1, topologyKey: zone, labelSelector: {matchLabels: {app: web}}}
  volumes:
  - name: conf
    configMap: {name: web-conf}
  containers:
  - name: main
    image: web:1.2
    command: [serve]
    args: [--upstream, http://db:5432]
    env:
    - {name: DB, value: db.shop.svc}
    envFrom:
    - configMapRef: {name: web-env}
    ports:
    - {name: http, containerPort: 8080, hostPort: 80}
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {memory: 128Mi}
status:
  phase: Running
  conditions:
  - {type: Ready, status: "True"}
---
)";
}

const char* kOwnedByReplicaSet = R"(  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, controller: true}
)";

const char* kReplicaSet = R"(apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-5d8f
  namespace: shop
  labels: {app: web, pod-template-hash: 5d8f, team: a}
  annotations: {note: kept by the controller}
  ownerReferences:
  - {apiVersion: apps/v1, kind: Deployment, name: web, controller: true}
spec:
  replicas: 2
  selector: {matchLabels: {app: web, pod-template-hash: 5d8f}}
  template:
    metadata:
      labels: {app: web, pod-template-hash: 5d8f}
      annotations: {a: b}
    spec:
      tolerations: [{operator: Exists}]
      containers:
      - name: main
        image: web:1.2
        env: [{name: DB, value: db.shop.svc}]
        resources: {requests: {cpu: 100m}}
)";

const Workload& find(const Built& b, WorkloadKind kind, const std::string& name) {
  for (const Workload& w : b.model.workloads)
    if (w.kind == kind && w.meta.ref.name == name) return w;
  FAIL("no workload " << name);
  return b.model.workloads.front();
}

int count(const Built& b, const std::string& text) {
  int n = 0;
  for (const auto& d : b.diags) n += d.message.find(text) != std::string::npos ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("owned objects: an owned Pod keeps what observed placement, health and capacity read") {
  const Built b = build_text(pod("web-5d8f-x1", kOwnedByReplicaSet) + pod("bare", ""));
  const Workload& p = find(b, WorkloadKind::Pod, "web-5d8f-x1");
  REQUIRE_FALSE(p.is_availability_target());

  // Kept.
  REQUIRE(p.meta.owners.size() == 1);
  CHECK(p.meta.owners[0].kind == "ReplicaSet");
  CHECK(p.meta.owners[0].name == "web-5d8f");
  CHECK(p.meta.owners[0].controller);
  CHECK(p.meta.labels == Labels{{"pod-template-hash", "5d8f"}});
  CHECK(p.pod.labels == Labels{{"app", "web"}, {"pod-template-hash", "5d8f"}});
  CHECK(p.pod.node_name == "node-1");
  CHECK(p.phase == "Running");
  CHECK(p.status.present);
  CHECK(p.status.ready == true);
  REQUIRE(p.pod.containers.size() == 1);
  const Container& c = p.pod.containers[0];
  CHECK(c.name == "main");
  CHECK(c.image == "web:1.2");
  CHECK(c.requests.at("cpu") == 100);
  CHECK(c.limits.count("memory") == 1);
  CHECK(c.port_names == std::vector<std::string>{"http"});

  // Dropped.
  CHECK(p.meta.annotations.empty());
  CHECK(p.pod.annotations.empty());
  CHECK(p.pod.node_selector.empty());
  CHECK(p.pod.pod_anti_affinity.required.empty());
  CHECK(p.pod.tolerations.empty());
  CHECK(p.pod.topology_spread.empty());
  CHECK(p.pod.volumes.empty());
  CHECK(p.pod.priority_class_name.empty());
  CHECK(p.pod.scheduler_name.empty());
  CHECK(c.env.empty());
  CHECK(c.env_from_config_maps.empty());
  CHECK(c.command.empty());
  CHECK(c.args.empty());
  CHECK(c.host_ports.empty());
}

TEST_CASE("owned objects: a bare Pod keeps everything") {
  const Built b = build_text(pod("web-5d8f-x1", kOwnedByReplicaSet) + pod("bare", ""));
  const Workload& p = find(b, WorkloadKind::Pod, "bare");
  REQUIRE(p.is_availability_target());
  CHECK(p.meta.labels.size() == 2);
  CHECK(p.meta.annotations.count("faultline.io/depends-on") == 1);
  CHECK(p.pod.annotations.count("faultline.io/depends-on") == 1);
  CHECK(p.pod.node_selector.at("disk") == "ssd");
  CHECK(p.pod.pod_anti_affinity.required.size() == 1);
  CHECK(p.pod.tolerations.size() == 1);
  CHECK(p.pod.topology_spread.size() == 1);
  REQUIRE(p.pod.volumes.size() == 1);
  CHECK(p.pod.volumes[0].config_map == "web-conf");
  CHECK(p.pod.priority_class_name == "high");
  CHECK(p.pod.scheduler_name == "default-scheduler");
  REQUIRE(p.pod.containers.size() == 1);
  const Container& c = p.pod.containers[0];
  REQUIRE(c.env.size() == 1);
  CHECK(c.env[0].value == "db.shop.svc");
  CHECK(c.env_from_config_maps == std::vector<std::string>{"web-env"});
  CHECK(c.command == std::vector<std::string>{"serve"});
  CHECK(c.args.size() == 2);
  CHECK(c.host_ports == std::vector<std::string>{"80/TCP"});
}

TEST_CASE("owned objects: an owned ReplicaSet keeps its owner, replicas and pod labels") {
  const Built b = build_text(kReplicaSet);
  const Workload& rs = find(b, WorkloadKind::ReplicaSet, "web-5d8f");
  REQUIRE_FALSE(rs.is_availability_target());
  REQUIRE(rs.meta.owners.size() == 1);
  CHECK(rs.meta.owners[0].kind == "Deployment");
  CHECK(rs.meta.owners[0].name == "web");
  CHECK(rs.declared_replicas() == 2);
  CHECK(rs.pod.labels == Labels{{"app", "web"}, {"pod-template-hash", "5d8f"}});
  CHECK(rs.pod.containers.at(0).requests.at("cpu") == 100);
  CHECK(rs.meta.labels == Labels{{"pod-template-hash", "5d8f"}});
  CHECK(rs.meta.annotations.empty());
  CHECK_FALSE(rs.selector);
  CHECK(rs.pod.annotations.empty());
  CHECK(rs.pod.tolerations.empty());
  CHECK(rs.pod.containers.at(0).env.empty());
}

TEST_CASE("owned objects: what an owned Pod drops is still checked") {
  // The same malformed toleration is reported for the owned Pod and for the bare one.
  const Built b = build_text(pod("web-5d8f-x1", kOwnedByReplicaSet) + pod("bare", ""));
  CHECK(count(b, "unknown operator \"Sometimes\"") == 2);
  CHECK(has_diag(b, "Pod/shop/web-5d8f-x1: spec.tolerations[0].operator: unknown operator"));
}
