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

  // Dropped: the pod template's and the workload's detail parts are not even allocated, and
  // read as empty.
  CHECK(p.meta.annotations.empty());
  CHECK_FALSE(p.pod.detail.allocated());
  CHECK_FALSE(p.detail.allocated());
  CHECK(p.pod.detail->annotations.empty());
  CHECK(p.pod.detail->node_selector.empty());
  CHECK(p.pod.detail->pod_anti_affinity.required.empty());
  CHECK(p.pod.detail->tolerations.empty());
  CHECK(p.pod.detail->topology_spread.empty());
  CHECK(p.pod.detail->volumes.empty());
  CHECK(p.pod.detail->priority_class_name.empty());
  CHECK(p.pod.detail->scheduler_name.empty());
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
  CHECK(p.pod.detail.allocated());
  CHECK_FALSE(p.detail.allocated());  // a Pod has no selector or rollout fields
  CHECK(p.detail->selector == std::nullopt);
  CHECK(p.detail->strategy_type.empty());
  CHECK(p.meta.labels.size() == 2);
  CHECK(p.meta.annotations.count("faultline.io/depends-on") == 1);
  CHECK(p.pod.detail->annotations.count("faultline.io/depends-on") == 1);
  CHECK(p.pod.detail->node_selector.at("disk") == "ssd");
  CHECK(p.pod.detail->pod_anti_affinity.required.size() == 1);
  CHECK(p.pod.detail->tolerations.size() == 1);
  CHECK(p.pod.detail->topology_spread.size() == 1);
  REQUIRE(p.pod.detail->volumes.size() == 1);
  CHECK(p.pod.detail->volumes[0].config_map == "web-conf");
  CHECK(p.pod.detail->priority_class_name == "high");
  CHECK(p.pod.detail->scheduler_name == "default-scheduler");
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
  CHECK_FALSE(rs.detail.allocated());
  CHECK_FALSE(rs.pod.detail.allocated());
  CHECK_FALSE(rs.detail->selector);
  CHECK(rs.pod.detail->annotations.empty());
  CHECK(rs.pod.detail->tolerations.empty());
  CHECK(rs.pod.containers.at(0).env.empty());
}

TEST_CASE("owned objects: a Deployment and a ReplicaSet no workload owns keep their detail parts") {
  const std::string deployment =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 2\n"
      "  selector: {matchLabels: {app: web}}\n  strategy: {type: Recreate}\n  template:\n"
      "    metadata: {labels: {app: web}, annotations: {a: b}}\n"
      "    spec:\n      tolerations: [{key: k, operator: Exists}]\n      containers: [{name: main, image: web:1}]\n---\n";
  const std::string bare_rs =
      "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: solo, namespace: shop}\nspec:\n"
      "  selector: {matchLabels: {app: solo}}\n  template:\n    metadata: {labels: {app: solo}}\n"
      "    spec:\n      nodeSelector: {disk: ssd}\n      containers: [{name: main, image: solo:1}]\n";
  const Built b = build_text(deployment + bare_rs);
  const Workload& d = find(b, WorkloadKind::Deployment, "web");
  REQUIRE(d.detail.allocated());
  REQUIRE(d.pod.detail.allocated());
  CHECK(d.detail->selector->match_labels == Labels{{"app", "web"}});
  CHECK(d.detail->strategy_type == "Recreate");
  CHECK(d.pod.detail->annotations == Labels{{"a", "b"}});
  CHECK(d.pod.detail->tolerations.size() == 1);
  CHECK(d.pod.detail->scheduler_name == "default-scheduler");
  const Workload& rs = find(b, WorkloadKind::ReplicaSet, "solo");
  REQUIRE(rs.is_availability_target());
  REQUIRE(rs.detail.allocated());
  CHECK(rs.detail->selector->match_labels == Labels{{"app", "solo"}});
  CHECK(rs.pod.detail->node_selector == Labels{{"disk", "ssd"}});
}

TEST_CASE("owned objects: a copy of a workload copies its detail parts, not a shared pointer") {
  const Built b = build_text(kReplicaSet);
  Workload w = find(b, WorkloadKind::ReplicaSet, "web-5d8f");
  REQUIRE_FALSE(w.detail.allocated());
  w.detail.edit().strategy_type = "Recreate";
  w.pod.detail.edit().tolerations.push_back({"k", "Exists", "", "", {}});
  Workload copy = w;
  copy.detail.edit().strategy_type = "RollingUpdate";
  copy.pod.detail.edit().tolerations.clear();
  CHECK(w.detail->strategy_type == "Recreate");
  CHECK(w.pod.detail->tolerations.size() == 1);
  CHECK(copy.detail->strategy_type == "RollingUpdate");
  copy.pod.detail.reset();
  CHECK_FALSE(copy.pod.detail.allocated());
  CHECK(copy.pod.detail->tolerations.empty());
}

TEST_CASE("owned objects: what an owned Pod drops is still checked") {
  // The same malformed toleration is reported for the owned Pod and for the bare one.
  const Built b = build_text(pod("web-5d8f-x1", kOwnedByReplicaSet) + pod("bare", ""));
  CHECK(count(b, "unknown operator \"Sometimes\"") == 2);
  CHECK(has_diag(b, "Pod/shop/web-5d8f-x1: spec.tolerations[0].operator: unknown operator"));
}
