// Pod template fields, one assertion per field family, plus the non-workload kinds.
#include <doctest/doctest.h>

#include <string>

#include "build_helpers.hpp"

using namespace faultline;
using namespace faultline::model;
using namespace faultline::testing;

namespace {


const char* kFullPod = R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  replicas: 3
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: db}}
  template:
    metadata:
      labels: {app: db}
      annotations: {a: b}
    spec:
      nodeName: n1
      priorityClassName: high
      nodeSelector: {disk: ssd}
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: cpu, operator: Gt, values: ["4"]}
              matchFields:
              - {key: metadata.name, operator: In, values: [n1]}
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 10
            preference:
              matchExpressions: [{key: zone, operator: In, values: [a]}]
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: db}}
            topologyKey: kubernetes.io/hostname
            namespaces: [data]
            namespaceSelector: {matchLabels: {team: x}}
            matchLabelKeys: [pod-template-hash]
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 50
            podAffinityTerm:
              labelSelector: {matchExpressions: [{key: app, operator: Exists}]}
              topologyKey: topology.kubernetes.io/zone
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: cache}}
            topologyKey: kubernetes.io/hostname
      tolerations:
      - {key: dedicated, operator: Equal, value: db, effect: NoSchedule}
      - {operator: Exists, effect: NoExecute, tolerationSeconds: 30}
      topologySpreadConstraints:
      - maxSkew: 2
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
        labelSelector: {matchLabels: {app: db}}
        minDomains: 3
        nodeAffinityPolicy: Ignore
        nodeTaintsPolicy: Honor
        matchLabelKeys: [pod-template-hash]
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
      volumes:
      - name: cfg
        configMap: {name: db-config}
      - name: proj
        projected:
          sources:
          - configMap: {name: p1}
          - secret: {name: s}
          - configMap: {name: p2}
      - name: data2
        persistentVolumeClaim: {claimName: shared}
      - name: tmp
        emptyDir: {}
      containers:
      - name: db
        image: postgres
        command: [postgres]
        args: ["-c", "x"]
        env:
        - {name: HOST, value: "cache.data.svc"}
        - name: URL
          valueFrom: {configMapKeyRef: {name: urls, key: db}}
        envFrom:
        - configMapRef: {name: env-cm}
        readinessProbe: {tcpSocket: {port: 5432}}
      initContainers:
      - name: init
        image: busybox
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      storageClassName: ""
      accessModes: [ReadWriteOnce]
  - metadata: {name: logs}
    spec: {accessModes: [ReadWriteOnce]}
)";

}  // namespace

TEST_CASE("pod template: every field is read") {
  const auto b = build_text(kFullPod);
  for (const auto& d : b.diags) INFO(d.message);
  CHECK(b.diags.empty());
  REQUIRE(b.model.workloads.size() == 1);
  const Workload& w = b.model.workloads[0];
  const PodTemplate& p = w.pod;
  CHECK(w.replicas == 3);
  CHECK(w.detail->pod_management_policy == "Parallel");
  CHECK(p.detail->annotations.at("a") == "b");
  CHECK(p.node_name == "n1");
  CHECK(p.detail->priority_class_name == "high");
  CHECK(p.detail->scheduler_name == "default-scheduler");
  CHECK(p.detail->node_selector.at("disk") == "ssd");
  REQUIRE(p.detail->node_affinity.required.size() == 1);
  CHECK(p.detail->node_affinity.required[0].match_expressions[0].op == "Gt");
  CHECK(p.detail->node_affinity.required[0].match_fields[0].key == "metadata.name");
  CHECK(p.detail->node_affinity.required[0].matches({{"cpu", "8"}}, "n1"));
  REQUIRE(p.detail->node_affinity.preferred.size() == 1);
  CHECK(p.detail->node_affinity.preferred[0].weight == 10);
  CHECK(p.detail->node_affinity.preferred[0].preference.match_expressions[0].key == "zone");
  REQUIRE(p.detail->pod_anti_affinity.required.size() == 1);
  const PodAffinityTerm& t = p.detail->pod_anti_affinity.required[0];
  CHECK(t.topology_key == "kubernetes.io/hostname");
  CHECK(t.label_selector->match_labels.at("app") == "db");
  CHECK(t.namespaces == std::vector<std::string>{"data"});
  CHECK(t.namespace_selector->match_labels.at("team") == "x");
  CHECK(t.match_label_keys == std::vector<std::string>{"pod-template-hash"});
  REQUIRE(p.detail->pod_anti_affinity.preferred.size() == 1);
  CHECK(p.detail->pod_anti_affinity.preferred[0].weight == 50);
  CHECK(p.detail->pod_anti_affinity.preferred[0].term.label_selector->match_expressions[0].op == "Exists");
  CHECK(p.detail->pod_affinity.required.size() == 1);
  REQUIRE(p.detail->tolerations.size() == 2);
  CHECK(p.detail->tolerations[0].effect == "NoSchedule");
  CHECK(p.detail->tolerations[1].op == "Exists");
  CHECK(p.detail->tolerations[1].toleration_seconds == 30);
  REQUIRE(p.detail->topology_spread.size() == 2);
  const auto& c = p.detail->topology_spread[0];
  CHECK(c.max_skew == 2);
  CHECK(c.when_unsatisfiable == "ScheduleAnyway");
  CHECK(c.min_domains == 3);
  CHECK(c.node_affinity_policy == "Ignore");
  CHECK(c.node_taints_policy == "Honor");
  CHECK(c.match_label_keys.size() == 1);
  const auto& d = p.detail->topology_spread[1];
  CHECK(d.when_unsatisfiable == "DoNotSchedule");
  CHECK(d.node_affinity_policy == "Honor");
  CHECK(d.node_taints_policy == "Ignore");
  CHECK_FALSE(d.label_selector.has_value());
  CHECK_FALSE(d.min_domains.has_value());
  REQUIRE(p.detail->volumes.size() == 5);
  CHECK(p.detail->volumes[0].type == "configMap");
  CHECK(p.detail->volumes[0].config_map == "db-config");
  CHECK(p.detail->volumes[1].type == "projected");
  CHECK(p.detail->volumes[1].config_map == "p1");
  CHECK(p.detail->volumes[2].config_map == "p2");
  CHECK(p.detail->volumes[3].claim_name == "shared");
  CHECK(p.detail->volumes[4].type == "emptyDir");
  REQUIRE(p.containers.size() == 2);
  CHECK(p.containers[0].command == std::vector<std::string>{"postgres"});
  CHECK(p.containers[0].args.size() == 2);
  CHECK(p.containers[0].env[0].value == "cache.data.svc");
  CHECK(p.containers[0].env[1].config_map_ref == "urls");
  CHECK(p.containers[0].env[1].config_map_key == "db");
  CHECK(p.containers[0].env_from_config_maps == std::vector<std::string>{"env-cm"});
  CHECK(p.containers[0].has_readiness_probe);
  CHECK_FALSE(p.containers[0].has_liveness_probe);
  CHECK(p.containers[1].name == "init");
  REQUIRE(w.detail->volume_claim_templates.size() == 2);
  CHECK(w.detail->volume_claim_templates[0].storage_class == std::optional<std::string>(""));
  CHECK_FALSE(w.detail->volume_claim_templates[1].storage_class.has_value());
  CHECK(w.detail->volume_claim_templates[1].access_modes[0] == "ReadWriteOnce");
}

TEST_CASE("pod template: CronJob template under jobTemplate; Job and CronJob are not targets") {
  const auto b = build_text(
      "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n"
      "      template:\n        metadata: {labels: {job: c}}\n        spec:\n          containers: [{name: x, image: y}]\n");
  REQUIRE(b.model.workloads.size() == 1);
  CHECK(b.model.workloads[0].pod.labels.at("job") == "c");
  CHECK(b.model.workloads[0].pod.containers.size() == 1);
  CHECK_FALSE(b.model.workloads[0].is_availability_target());
}

TEST_CASE("pod template: bad selector operator, maxSkew 0, bad Gt value") {
  const auto b = build_text(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n"
      "  selector:\n    matchExpressions: [{key: app, operator: Has, values: [x]}]\n"
      "  template:\n    spec:\n      topologySpreadConstraints:\n      - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}\n"
      "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
      "            nodeSelectorTerms: [{matchExpressions: [{key: cpu, operator: Gt, values: [many]}]}]\n");
  REQUIRE(b.model.workloads.size() == 1);
  CHECK(has_diag(b, "Deployment/default/w: spec.selector.matchExpressions[0].operator: unknown operator \"Has\"", 6));
  CHECK_FALSE(b.model.workloads[0].detail->selector.has_value());
  CHECK(has_diag(b, "spec.template.spec.topologySpreadConstraints[0].maxSkew: 0 is too small (minimum 1)", 10));
  CHECK(has_diag(b, "operator Gt needs exactly one integer value", 14));
  for (const auto& d : b.diags) CHECK(d.severity == Severity::error);
}

TEST_CASE("kinds: Pod, ReplicationController, DaemonSet defaults") {
  const auto b = build_text(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec:\n  nodeName: n1\nstatus: {phase: Running}\n---\n"
      "apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  replicas: 2\n  selector: {app: rc}\n---\n"
      "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec: {}\n");
  REQUIRE(b.model.workloads.size() == 3);
  CHECK(b.model.workloads[0].pod.labels.at("app") == "p");
  CHECK(b.model.workloads[0].pod.node_name == "n1");
  CHECK(b.model.workloads[0].phase == "Running");
  CHECK(b.model.workloads[1].detail->selector->match_labels.at("app") == "rc");
  CHECK(b.model.workloads[1].replicas == 2);
  CHECK(b.model.workloads[2].detail->max_unavailable->to_string() == "1");
  CHECK(b.model.effective_replicas(b.model.workloads[2]) == 1);
}

TEST_CASE("kinds: storage, nodes, webhooks and config maps") {
  const auto b = build_text(R"(apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1}
spec:
  storageClassName: local
  claimRef: {namespace: data, name: data-db-0}
  local: {path: /mnt}
  nodeAffinity:
    required:
      nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [n1]}]}]
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
- matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [a, b]}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: shared, namespace: data}
spec: {storageClassName: fast, accessModes: [ReadWriteMany], volumeName: pv1}
---
apiVersion: v1
kind: Node
metadata: {name: n1, labels: {zone: a}}
spec:
  unschedulable: true
  taints: [{key: gpu, value: "true", effect: NoSchedule}]
status:
  conditions: [{type: MemoryPressure, status: "False"}, {type: Ready, status: "False"}]
  allocatable: {cpu: "4", pods: "110"}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: v}
webhooks:
- name: a.example.com
  clientConfig: {service: {namespace: sys, name: hook}}
  rules: [{operations: [CREATE, UPDATE], resources: [pods], apiGroups: [""], apiVersions: [v1]}]
  namespaceSelector: {matchLabels: {x: y}}
---
apiVersion: admissionregistration.k8s.io/v1beta1
kind: MutatingWebhookConfiguration
metadata: {name: m}
webhooks:
- name: b.example.com
  clientConfig: {url: "https://x"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {url: "http://db.data.svc:5432"}
)");
  CHECK(b.diags.empty());
  const Model& m = b.model;
  REQUIRE(m.pvs.size() == 1);
  CHECK(m.pvs[0].local);
  CHECK(m.pvs[0].meta.ref.ns.empty());
  CHECK(m.pvs[0].claim_name == "data-db-0");
  CHECK(m.pvs[0].node_affinity[0].matches({{"kubernetes.io/hostname", "n1"}}, "n1"));
  REQUIRE(m.storage_classes.size() == 1);
  CHECK(m.storage_classes[0].is_default);
  CHECK(m.storage_classes[0].volume_binding_mode == "WaitForFirstConsumer");
  CHECK(m.storage_classes[0].allowed_topologies[0].match_expressions[0].values.size() == 2);
  CHECK(m.find_storage_class("") == &m.storage_classes[0]);
  CHECK(m.find_pvc("data", "shared")->spec.volume_name == "pv1");
  CHECK(m.find_pv("pv1") == &m.pvs[0]);
  REQUIRE(m.nodes.size() == 1);
  CHECK(m.nodes[0].unschedulable);
  CHECK(m.nodes[0].ready == false);
  CHECK(m.nodes[0].taints[0].effect == "NoSchedule");
  CHECK(m.nodes[0].allocatable.at("pods") == "110");
  CHECK(m.nodes[0].meta.ref.display() == "Node/n1");
  REQUIRE(m.webhooks.size() == 2);
  CHECK(m.webhooks[0].webhooks[0].failure_policy == "Fail");
  CHECK(m.webhooks[0].webhooks[0].service_name == "hook");
  CHECK(m.webhooks[0].webhooks[0].rules[0] == "CREATE,UPDATE pods");
  CHECK(m.webhooks[0].webhooks[0].namespace_selector.has_value());
  CHECK(m.webhooks[1].mutating);
  CHECK(m.webhooks[1].webhooks[0].failure_policy == "Ignore");
  CHECK(m.webhooks[1].webhooks[0].url == "https://x");
  CHECK(m.find_config_map("default", "cfg")->data.at("url") == "http://db.data.svc:5432");
}

TEST_CASE("resource amounts are sorted by name, the last of a repeated name counts, bad values are left out") {
  const auto b = build_text(R"(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: main
    image: main:1
    resources:
      requests: {nvidia.com/gpu: "1", memory: 1Gi, cpu: 500m, cpu: 250m, ephemeral-storage: lots}
)");
  REQUIRE(b.model.workloads.size() == 1);
  const auto& requests = b.model.workloads[0].pod.containers.at(0).requests;
  CHECK(requests == ResourceAmounts{{"cpu", 250}, {"memory", 1073741824}, {"nvidia.com/gpu", 1}});
  CHECK(has_diag(b, "ephemeral-storage"));
}
