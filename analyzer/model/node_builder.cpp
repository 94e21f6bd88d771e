// Nodes (the cluster inventory) and ConfigMaps (dependency hints).
#include <fmt/format.h>

#include "builders.hpp"
#include "readers.hpp"

namespace faultline::model {

void build_node(const load::Node& root, FieldReader& r, Model& model) {
  Node node;
  node.meta = r.meta();
  const load::Node spec = r.map(root, "spec", "");
  node.unschedulable = r.boolean(spec, "unschedulable", "spec").value_or(false);
  r.for_each(spec, "taints", "spec", [&](const load::Node& item, const std::string& p) {
    node.taints.push_back(Taint{r.str_or(item, "key", p), r.str_or(item, "value", p), r.str_or(item, "effect", p)});
  });
  const load::Node status = r.map(root, "status", "");
  r.for_each(status, "conditions", "status", [&](const load::Node& cond, const std::string& p) {
    const std::string type = r.str_or(cond, "type", p);
    const bool is_true = r.str_or(cond, "status", p) == "True";
    if (type == "Ready") node.ready = is_true;
    else if (is_true && (type == "MemoryPressure" || type == "DiskPressure" || type == "PIDPressure")) node.pressure.push_back(type);
  });
  node.allocatable = r.string_map(status, "allocatable", "status");
  node.allocatable_amounts = read_resources(r, status, "allocatable", "status");
  model.nodes.push_back(std::move(node));
}

void build_config_map(const load::Node& root, FieldReader& r, Model& model) {
  ConfigMap cm;
  cm.meta = r.meta();
  cm.data = r.string_map(root, "data", "");
  model.config_maps.push_back(std::move(cm));
}

}  // namespace faultline::model
