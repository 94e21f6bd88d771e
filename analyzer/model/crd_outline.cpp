// A CustomResourceDefinition is kept for one question of the expand stage (does its spec schema
// have a replicas-like field?), and its schema is often most of a dump's bytes: only the part of
// the tree that question reads is kept, in the same shape, so the answer stays the same.
#include "builders.hpp"

namespace faultline::model {
namespace {

/// How deep below `properties.spec` the expand stage looks (spec.x.y, spec.nodeSets[].count).
constexpr int kSchemaDepth = 2;

YAML::Node outline_schema(const YAML::Node& schema, int depth) {
  YAML::Node out(YAML::NodeType::Map);
  if (!schema.IsMap() || depth > kSchemaDepth) return out;
  const YAML::Node props = FieldReader::child(schema, "properties");
  if (props && props.IsMap()) {
    YAML::Node kept(YAML::NodeType::Map);
    for (const auto& kv : props) kept.force_insert(YAML::Clone(kv.first), outline_schema(kv.second, depth + 1));
    out["properties"] = kept;
  }
  if (const YAML::Node items = FieldReader::child(schema, "items")) out["items"] = outline_schema(items, depth + 1);
  return out;
}

/// `openAPIV3Schema.properties.spec`, outlined, under the same keys.
YAML::Node outline_holder(const YAML::Node& holder) {
  YAML::Node out(YAML::NodeType::Map);
  const YAML::Node schema = FieldReader::child(holder, "openAPIV3Schema");
  const YAML::Node props = FieldReader::child(schema, "properties");
  const YAML::Node spec = FieldReader::child(props, "spec");
  if (!schema.IsMap() || !props.IsMap()) return out;
  YAML::Node kept_props(YAML::NodeType::Map);
  if (spec) kept_props["spec"] = outline_schema(spec, 0);
  out["openAPIV3Schema"]["properties"] = kept_props;
  return out;
}

}  // namespace

YAML::Node crd_outline(const YAML::Node& root) {
  YAML::Node out(YAML::NodeType::Map);
  const YAML::Node spec = FieldReader::child(root, "spec");
  if (!spec.IsMap()) return out;
  YAML::Node kept(YAML::NodeType::Map);
  if (const YAML::Node group = FieldReader::child(spec, "group")) kept["group"] = YAML::Clone(group);
  if (const YAML::Node kind = FieldReader::child(FieldReader::child(spec, "names"), "kind")) kept["names"]["kind"] = YAML::Clone(kind);
  if (const YAML::Node validation = FieldReader::child(spec, "validation")) kept["validation"] = outline_holder(validation);
  const YAML::Node versions = FieldReader::child(spec, "versions");
  if (versions && versions.IsSequence()) {
    YAML::Node kept_versions(YAML::NodeType::Sequence);
    for (const auto& v : versions) {
      YAML::Node kept_version(YAML::NodeType::Map);
      if (const YAML::Node schema = FieldReader::child(v, "schema")) kept_version["schema"] = outline_holder(schema);
      kept_versions.push_back(kept_version);
    }
    kept["versions"] = kept_versions;
  }
  out["spec"] = kept;
  return out;
}

}  // namespace faultline::model
