#include "manifest.hpp"

#include <string_view>

namespace faultline::expand::detail {

namespace {

YAML::Node label_map(const model::Labels& labels) {
  YAML::Node m(YAML::NodeType::Map);
  for (const auto& [k, v] : labels) m[k] = v;
  return m;
}

}  // namespace

YAML::Node workload_manifest(const CrReader& r, const std::string& kind, const std::string& ns,
                             const std::string& name, const model::Labels& pod_labels,
                             const model::Labels& selector) {
  YAML::Node m;
  m["apiVersion"] = "apps/v1";
  m["kind"] = kind;
  m["metadata"]["name"] = name;
  m["metadata"]["namespace"] = ns;
  m["metadata"]["labels"] = label_map(pod_labels);
  for (const auto& [key, value] : r.cr().meta.annotations) {
    if (std::string_view(key).starts_with("faultline.io/")) m["metadata"]["annotations"][key] = value;
  }
  m["spec"]["selector"]["matchLabels"] = label_map(selector);
  m["spec"]["template"]["metadata"]["labels"] = label_map(pod_labels);
  m["spec"]["template"]["spec"] = YAML::Node(YAML::NodeType::Map);
  return m;
}

void copy_scheduling(const CrReader& r, const YAML::Node& from, const std::string& path, YAML::Node pod_spec) {
  // Clones, so later edits of the manifest never reach the resource's body.
  for (const char* key : {"affinity", "nodeSelector"}) {
    if (YAML::Node n = r.map(from, key, path + "." + key)) pod_spec[key] = YAML::Clone(n);
  }
  for (const char* key : {"tolerations", "topologySpreadConstraints"}) {
    if (YAML::Node n = r.seq(from, key, path + "." + key)) pod_spec[key] = YAML::Clone(n);
  }
  if (auto pc = r.text(from, "priorityClassName", path + ".priorityClassName")) pod_spec["priorityClassName"] = *pc;
}

YAML::Node container(const std::string& name, const std::string& image) {
  YAML::Node c;
  c["name"] = name;
  c["image"] = image;
  return c;
}

ImpliedObject implied(const CrReader& r, YAML::Node manifest, const std::string& expanded_from) {
  r.admit(manifest);  // every expander's workloads pass here, so the limit holds for all of them
  ImpliedObject o;
  o.doc.root = std::move(manifest);
  o.doc.where = r.cr().meta.where;
  o.expanded_from = expanded_from;
  return o;
}

}  // namespace faultline::expand::detail
