#pragma once
// Builds the RawObject the model stage hands to expanders, from YAML text, for expander tests.
#include <string>

#include <yaml-cpp/yaml.h>

#include "faultline/model/objects.hpp"

namespace faultline::expand::test {

/// A custom resource as read from `file` at `line`; the namespace defaults to "default".
inline model::RawObject raw_object(const std::string& yaml, int line = 10, const std::string& file = "cr.yaml") {
  model::RawObject raw;
  raw.body = YAML::Load(yaml);
  const YAML::Node& b = raw.body;
  raw.meta.ref.api_version = b["apiVersion"].as<std::string>();
  raw.meta.ref.kind = b["kind"].as<std::string>();
  raw.meta.ref.name = b["metadata"]["name"].as<std::string>();
  raw.meta.ref.ns = b["metadata"]["namespace"] ? b["metadata"]["namespace"].as<std::string>() : "default";
  if (b["metadata"]["annotations"]) {
    for (const auto& kv : b["metadata"]["annotations"]) {
      raw.meta.annotations[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
  }
  raw.meta.where.file = file;
  raw.meta.where.line = line;
  return raw;
}

/// The manifest named `name` among `objects`, or an undefined node.
template <typename Objects>
YAML::Node manifest_named(const Objects& objects, const std::string& name) {
  for (const auto& o : objects) {
    if (o.doc.root["metadata"]["name"].template as<std::string>() == name) return o.doc.root;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

}  // namespace faultline::expand::test
