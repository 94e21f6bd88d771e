#pragma once
/// The non-workload kinds the analysis reads: autoscalers, budgets, services, storage, nodes, webhooks.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "faultline/model/int_or_percent.hpp"
#include "faultline/model/object.hpp"
#include "faultline/model/pod_template.hpp"
#include "faultline/model/workload.hpp"

namespace faultline::model {

/// HorizontalPodAutoscaler (autoscaling/v1, v2, v2beta*).
struct Hpa {
  ObjectMeta meta;
  std::string target_kind;
  std::string target_name;
  int min_replicas = 1;  ///< API default 1
  int max_replicas = 1;
};

/// PodDisruptionBudget (policy/v1 or v1beta1).
struct Pdb {
  ObjectMeta meta;
  /// nullopt: no selector field. In policy/v1 an empty selector selects every pod of the
  /// namespace; in v1beta1 an empty or absent selector selects none.
  std::optional<LabelSelector> selector;
  bool selects_all_when_empty = true;  ///< true for policy/v1
  std::optional<IntOrPercent> min_available;
  std::optional<IntOrPercent> max_unavailable;
  std::string unhealthy_pod_eviction_policy;
  /// Does this budget select pods with these labels in namespace `ns`?
  bool selects(const std::string& ns, const Labels& pod_labels) const;
};

/// Service: selector and ports; headless and ExternalName are kept as such.
struct Service {
  ObjectMeta meta;
  std::optional<Labels> selector;  ///< nullopt or empty: no selector (endpoints managed elsewhere)
  std::string type;                ///< ClusterIP, NodePort, LoadBalancer, ExternalName
  std::string external_name;
  bool headless = false;
  std::vector<int> ports;
  std::vector<std::string> target_port_names;  ///< targetPort values that name a container port
};

/// A standalone PersistentVolumeClaim.
struct Pvc {
  ObjectMeta meta;
  ClaimSpec spec;
};

/// A PersistentVolume: its node affinity pins pods that use it.
struct Pv {
  ObjectMeta meta;
  std::vector<NodeSelectorTerm> node_affinity;  ///< spec.nodeAffinity.required.nodeSelectorTerms
  std::string storage_class;
  std::string claim_namespace;  ///< spec.claimRef
  std::string claim_name;
  bool local = false;  ///< spec.local or hostPath
};

/// StorageClass: binding mode and allowed topologies.
struct StorageClass {
  ObjectMeta meta;
  std::string provisioner;
  std::string volume_binding_mode = "Immediate";
  std::vector<NodeSelectorTerm> allowed_topologies;  ///< expressions only (matchLabelExpressions)
  bool is_default = false;
};

/// A taint on a node.
struct Taint {
  std::string key;
  std::string value;
  std::string effect;  ///< NoSchedule, PreferNoSchedule, NoExecute
};

/// A cluster Node.
struct Node {
  ObjectMeta meta;
  std::vector<Taint> taints;
  bool unschedulable = false;
  std::optional<bool> ready;  ///< status.conditions[type=Ready]; nullopt when unknown
  std::vector<std::string> pressure;  ///< MemoryPressure, DiskPressure, PIDPressure conditions that are True
  StringMap allocatable;
  /// status.allocatable parsed like requests (cpu in millicores, the rest in units); a value
  /// that is not a quantity is reported and left out.
  ResourceAmounts allocatable_amounts;
};

/// One webhook of a Validating/MutatingWebhookConfiguration.
struct Webhook {
  std::string name;
  int line = 0;  ///< line of its entry in `webhooks:`, where a finding about it points; 0 when unknown
  std::string failure_policy = "Fail";  ///< v1 default
  std::string service_namespace;        ///< clientConfig.service; empty when a URL is used
  std::string service_name;
  std::string url;
  std::optional<LabelSelector> namespace_selector;
  std::optional<LabelSelector> object_selector;
  /// "operations resources" per rule, e.g. "CREATE pods"; used to say what is blocked.
  std::vector<std::string> rules;
};

/// A Validating- or MutatingWebhookConfiguration.
struct WebhookConfiguration {
  ObjectMeta meta;
  bool mutating = false;
  std::vector<Webhook> webhooks;
};

/// A ConfigMap's data, for dependency extraction.
struct ConfigMap {
  ObjectMeta meta;
  StringMap data;
};

/// An Event about a Pod (the scheduler's FailedScheduling reasons), for observed health.
struct Event {
  ObjectMeta meta;
  std::string object_kind;  ///< involvedObject (core/v1) or regarding (events.k8s.io/v1)
  std::string object_namespace;
  std::string object_name;
  std::string reason;
  std::string message;
};

/// Any other kind (custom resources such as Prometheus or RunaiConfig), kept whole for expanders.
struct RawObject {
  ObjectMeta meta;
  YAML::Node body;  ///< the full document; only kept for kinds an expander may read
};

}  // namespace faultline::model
