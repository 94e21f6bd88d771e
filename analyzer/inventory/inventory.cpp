// The inventory: nodes sorted by name, topology keys, and domain lookups with the deprecated
// failure-domain.beta.* labels as fallbacks.
#include "faultline/inventory/inventory.hpp"

#include <algorithm>

namespace faultline::inventory {

std::string canonical_key(const std::string& key) {
  if (key == kDeprecatedZone) return kZone;
  if (key == kDeprecatedRegion) return kRegion;
  return key;
}

std::optional<std::string> label_value(const model::Node& node, const std::string& key) {
  const auto it = node.meta.labels.find(key);
  if (it != node.meta.labels.end()) return it->second;
  if (key == kHostname) return node.meta.ref.name;
  return std::nullopt;
}

std::string unusable_reason(const model::Node& node) {
  if (node.ready && !*node.ready) return "NotReady";
  if (node.unschedulable) return "cordoned (spec.unschedulable)";
  return {};
}

std::optional<std::string> Inventory::domain_of(const model::Node& node, const std::string& key) const {
  const std::string canonical = canonical_key(key);
  if (auto value = label_value(node, canonical)) return value;
  if (canonical == kZone) return label_value(node, kDeprecatedZone);
  if (canonical == kRegion) return label_value(node, kDeprecatedRegion);
  return std::nullopt;
}

std::map<std::string, std::vector<const model::Node*>> Inventory::domains(
    const std::string& key, const std::vector<const model::Node*>& of) const {
  std::map<std::string, std::vector<const model::Node*>> out;
  for (const model::Node* node : of)
    if (auto value = domain_of(*node, key)) out[*value].push_back(node);
  return out;
}

const model::Node* Inventory::find(const std::string& name) const {
  const auto it = std::lower_bound(nodes.begin(), nodes.end(), name,
                                   [](const model::Node* n, const std::string& v) { return n->meta.ref.name < v; });
  return it != nodes.end() && (*it)->meta.ref.name == name ? *it : nullptr;
}

Inventory build_inventory(const model::Model& model, const std::vector<std::string>& extra_topology_keys) {
  Inventory inv;
  std::map<std::string, const model::Node*> by_name;
  for (const model::Node& node : model.nodes) by_name[node.meta.ref.name] = &node;
  for (const auto& [name, node] : by_name) inv.nodes.push_back(node);
  inv.topology_keys = {kHostname, kZone, kRegion};
  for (const std::string& key : extra_topology_keys) {
    const std::string canonical = canonical_key(key);
    if (canonical.empty() ||
        std::find(inv.topology_keys.begin(), inv.topology_keys.end(), canonical) != inv.topology_keys.end())
      continue;
    inv.topology_keys.push_back(canonical);
    inv.extra_keys.push_back(canonical);
  }
  return inv;
}

}  // namespace faultline::inventory
