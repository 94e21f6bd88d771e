#pragma once
/// The pod template: everything the scheduler reads to place a pod.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/model/labels.hpp"
#include "faultline/model/on_heap.hpp"

namespace faultline::model {

/// Node affinity: required terms are ORed; preferred ones only weigh scores.
struct NodeAffinity {
  std::vector<NodeSelectorTerm> required;  ///< empty = no required node affinity
  struct Preferred {
    int weight = 0;
    NodeSelectorTerm preference;
  };
  std::vector<Preferred> preferred;
};

/// One pod (anti-)affinity term.
struct PodAffinityTerm {
  std::optional<LabelSelector> label_selector;  ///< absent selects no pods
  std::vector<std::string> namespaces;          ///< empty + no namespaceSelector = the pod's namespace
  std::optional<LabelSelector> namespace_selector;
  std::string topology_key;
  std::vector<std::string> match_label_keys;
  std::vector<std::string> mismatch_label_keys;
};

/// Pod affinity or anti-affinity, hard and soft.
struct PodAffinity {
  std::vector<PodAffinityTerm> required;
  struct Preferred {
    int weight = 0;
    PodAffinityTerm term;
  };
  std::vector<Preferred> preferred;
};

/// A toleration; operator Equal (default) or Exists; empty effect matches every effect.
struct Toleration {
  std::string key;
  std::string op = "Equal";
  std::string value;
  std::string effect;
  std::optional<long> toleration_seconds;
};

/// One topologySpreadConstraints entry, every field.
struct TopologySpreadConstraint {
  int max_skew = 1;
  std::string topology_key;
  std::string when_unsatisfiable = "DoNotSchedule";  ///< or ScheduleAnyway
  std::optional<LabelSelector> label_selector;       ///< absent selects no pods
  std::optional<int> min_domains;
  std::string node_affinity_policy = "Honor";  ///< Honor | Ignore
  std::string node_taints_policy = "Ignore";   ///< Honor | Ignore
  std::vector<std::string> match_label_keys;
};

/// A pod volume, reduced to what availability cares about.
struct Volume {
  std::string name;
  std::string type;        ///< "persistentVolumeClaim", "configMap", "emptyDir", "hostPath", ...
  std::string claim_name;  ///< for persistentVolumeClaim
  std::string config_map;  ///< for configMap (and projected configMap sources)
};

/// Amounts per resource name in the resource's scale (model/quantity.hpp): cpu in millicores,
/// everything else in units (bytes, GPUs).
using ResourceAmounts = boost::container::flat_map<std::string, std::int64_t>;

/// A container, reduced to what dependency extraction and rules read.
struct Container {
  std::string name;
  std::string image;
  std::vector<std::string> command;
  std::vector<std::string> args;
  struct EnvVar {
    std::string name;
    std::string value;              ///< literal value, if any
    std::string config_map_ref;     ///< valueFrom.configMapKeyRef.name
    std::string config_map_key;     ///< valueFrom.configMapKeyRef.key
  };
  std::vector<EnvVar> env;
  std::vector<std::string> env_from_config_maps;  ///< envFrom[].configMapRef.name
  bool has_readiness_probe = false;
  bool has_liveness_probe = false;
  /// resources.requests and resources.limits, parsed: cpu in millicores, everything else in units
  /// (bytes, GPUs); see model/quantity.hpp. A value that is not a quantity is reported and left out.
  ResourceAmounts requests;
  ResourceAmounts limits;
  /// Ports this container holds on its node, "9100/TCP": ports[].hostPort, or the containerPort
  /// itself under hostNetwork (the API defaults hostPort so). One pod per node may hold each.
  std::vector<std::string> host_ports;
  bool init = false;            ///< listed under initContainers
  std::string restart_policy;   ///< init containers: "Always" makes it a sidecar
  std::vector<std::string> port_names = {};  ///< ports[].name, which a Service's targetPort may name
};

/// The parts of a pod template that only availability targets' readers use (placement, the
/// dependency graph, rules on a workload's own spec); an owned Pod or ReplicaSet leaves them
/// unallocated (keep_what_owned_objects_need in model/workload_builder.cpp).
struct PodTemplateDetail {
  Labels annotations;
  Labels node_selector;
  NodeAffinity node_affinity;
  PodAffinity pod_affinity;
  PodAffinity pod_anti_affinity;
  std::vector<Toleration> tolerations;
  std::vector<TopologySpreadConstraint> topology_spread;
  std::vector<Volume> volumes;
  std::string priority_class_name;
  std::string scheduler_name;
};

/// spec.template of a workload, or a bare Pod's own spec.
struct PodTemplate {
  Labels labels;
  std::vector<Container> containers;  ///< init containers included, after the main ones
  std::string node_name;
  bool host_network = false;
  ResourceAmounts overhead;  ///< spec.overhead (RuntimeClass pod overhead), parsed as requests
  OnHeap<PodTemplateDetail> detail;
};

}  // namespace faultline::model
