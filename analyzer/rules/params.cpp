// Typed parameter access; values were validated against the ParamSpecs when the pack loaded.
#include <yaml-cpp/yaml.h>

#include "faultline/rules/template.hpp"

namespace faultline::rules {

ParamValue to_param_value(const YAML::Node& node) {
  ParamValue v;
  if (node.IsSequence()) {
    v.is_list = true;
    for (const auto& item : node) v.list.push_back(item.IsScalar() ? item.Scalar() : std::string{});
  } else if (node.IsScalar()) {
    v.scalar = node.Scalar();
  }
  return v;
}

ParamValue Params::lookup(const std::string& name) const {
  if (const auto it = values_.find(name); it != values_.end()) return it->second;
  for (const auto& spec : specs_)
    if (spec.name == name) return to_param_value(YAML::Load(spec.default_value));
  return {};
}

int Params::get_int(const std::string& name) const {
  try {
    return std::stoi(lookup(name).scalar);
  } catch (const std::exception&) {
    return 0;
  }
}

bool Params::get_bool(const std::string& name) const {
  bool out = false;
  return YAML::convert<bool>::decode(YAML::Node(lookup(name).scalar), out) && out;
}

std::string Params::get_string(const std::string& name) const { return lookup(name).scalar; }

std::vector<std::string> Params::get_list(const std::string& name) const { return lookup(name).list; }

}  // namespace faultline::rules
