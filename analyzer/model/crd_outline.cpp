// A CustomResourceDefinition is kept for one question of the expand stage (does its spec schema
// have a replicas-like field?), and its schema is often most of a dump's bytes: only the paths
// that lead to such a field are kept, in the document's shape, so the answer stays the same and
// a CRD costs a few nodes instead of a copy of its schema.
#include "builders.hpp"
#include "faultline/model/crd_schema.hpp"
#include "faultline/load/tree_yaml.hpp"

namespace faultline::model {

bool replicas_like_field(std::string_view name) {
  static constexpr std::string_view kNames[] = {"replicas", "instances", "numberOfInstances", "replicaCount",
                                                "nodeCount", "members", "count"};
  for (auto n : kNames) {
    if (name == n) return true;
  }
  return false;
}

namespace {

/// The part of `schema` on a path to a replicas-like property; a null node when there is none.
YAML::Node outline_schema(const load::Node& schema, int depth) {
  YAML::Node out;
  if (!schema.IsMap() || depth > kReplicasSchemaDepth) return out;
  const load::Node props = FieldReader::child(schema, "properties");
  if (props && props.IsMap()) {
    YAML::Node kept(YAML::NodeType::Map);
    for (const auto& kv : props) {
      const bool named = kv.first.IsScalar() && replicas_like_field(kv.first.Scalar());
      YAML::Node below = named ? YAML::Node(YAML::NodeType::Map) : outline_schema(kv.second, depth + 1);
      if (below.IsMap()) kept.force_insert(load::to_yaml(kv.first), below);
    }
    if (kept.size() > 0) out["properties"] = kept;
  }
  if (YAML::Node items = outline_schema(FieldReader::child(schema, "items"), depth + 1); items.IsMap()) out["items"] = items;
  return out;
}

/// `openAPIV3Schema.properties.spec`, outlined, under the same keys.
YAML::Node outline_holder(const load::Node& holder) {
  YAML::Node out(YAML::NodeType::Map);
  const load::Node schema = FieldReader::child(holder, "openAPIV3Schema");
  const load::Node props = FieldReader::child(schema, "properties");
  if (!schema.IsMap() || !props.IsMap()) return out;
  YAML::Node kept_props(YAML::NodeType::Map);
  if (YAML::Node spec = outline_schema(FieldReader::child(props, "spec"), 0); spec.IsMap()) kept_props["spec"] = spec;
  out["openAPIV3Schema"]["properties"] = kept_props;
  return out;
}

}  // namespace

YAML::Node crd_outline(const load::Node& root) {
  YAML::Node out(YAML::NodeType::Map);
  const load::Node spec = FieldReader::child(root, "spec");
  if (!spec.IsMap()) return out;
  YAML::Node kept(YAML::NodeType::Map);
  if (const load::Node group = FieldReader::child(spec, "group")) kept["group"] = load::to_yaml(group);
  if (const load::Node kind = FieldReader::child(FieldReader::child(spec, "names"), "kind")) kept["names"]["kind"] = load::to_yaml(kind);
  if (const load::Node validation = FieldReader::child(spec, "validation")) kept["validation"] = outline_holder(validation);
  const load::Node versions = FieldReader::child(spec, "versions");
  if (versions && versions.IsSequence()) {
    YAML::Node kept_versions(YAML::NodeType::Sequence);
    for (const auto& v : versions) {
      YAML::Node kept_version(YAML::NodeType::Map);
      if (const load::Node schema = FieldReader::child(v, "schema")) kept_version["schema"] = outline_holder(schema);
      kept_versions.push_back(kept_version);
    }
    kept["versions"] = kept_versions;
  }
  out["spec"] = kept;
  return out;
}

}  // namespace faultline::model
