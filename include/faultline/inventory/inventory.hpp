#pragma once
/// The cluster: nodes and the failure domains their topology labels define.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/model/model.hpp"

namespace faultline::inventory {

inline constexpr const char* kHostname = "kubernetes.io/hostname";
inline constexpr const char* kZone = "topology.kubernetes.io/zone";
inline constexpr const char* kRegion = "topology.kubernetes.io/region";
inline constexpr const char* kDeprecatedZone = "failure-domain.beta.kubernetes.io/zone";
inline constexpr const char* kDeprecatedRegion = "failure-domain.beta.kubernetes.io/region";

/// The current name of a topology key: the deprecated failure-domain.beta.* keys map to
/// topology.kubernetes.io/*; any other key is returned as it is.
std::string canonical_key(const std::string& key);

/// The value of label `key` on `node` exactly as the scheduler reads it; kubernetes.io/hostname
/// falls back to the node's name (the kubelet always sets it). nullopt: the label is absent.
std::optional<std::string> label_value(const model::Node& node, const std::string& key);

/// Why a node takes no new pods ("NotReady", "cordoned (spec.unschedulable)"); empty when it does.
std::string unusable_reason(const model::Node& node);

/// Nodes (from the inputs and --nodes) and the topology keys the analysis reports on.
struct Inventory {
  std::vector<const model::Node*> nodes;  ///< sorted by name
  /// hostname, zone, region, then every --topology-key in the order given.
  std::vector<std::string> topology_keys;
  std::vector<std::string> extra_keys;  ///< the --topology-key ones only

  /// True when at least one Node is known; without it, placement states only what holds anywhere.
  bool present() const { return !nodes.empty(); }
  /// The node's domain for `key`, reading the deprecated failure-domain.beta.* labels too;
  /// hostname falls back to the node's name. nullopt: the node is in no domain of that key.
  std::optional<std::string> domain_of(const model::Node& node, const std::string& key) const;
  /// Distinct domains of `key` over `nodes`, each with its nodes.
  std::map<std::string, std::vector<const model::Node*>> domains(const std::string& key,
                                                                const std::vector<const model::Node*>& nodes) const;
  /// Distinct domains of `key` over every node of the inventory.
  std::map<std::string, std::vector<const model::Node*>> domains(const std::string& key) const {
    return domains(key, nodes);
  }
  /// The node called `name`, or null.
  const model::Node* find(const std::string& name) const;
  /// Ready and schedulable (a NotReady or cordoned node takes no new pods).
  static bool usable(const model::Node& node) { return unusable_reason(node).empty(); }
};

/// Builds the inventory from the Node objects in `model` (a node listed twice is kept once,
/// the last definition winning, as `kubectl apply` would leave it).
Inventory build_inventory(const model::Model& model, const std::vector<std::string>& extra_topology_keys);

}  // namespace faultline::inventory
