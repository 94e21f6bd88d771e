// Typed parameter access; values were validated against the ParamSpecs when the pack loaded.
#include "faultline/rules/template.hpp"

namespace faultline::rules {

YAML::Node Params::lookup(const std::string& name) const {
  if (values_.IsMap() && values_[name]) return values_[name];
  for (const auto& spec : specs_)
    if (spec.name == name) return YAML::Load(spec.default_value);
  return YAML::Node();
}

int Params::get_int(const std::string& name) const { return lookup(name).as<int>(0); }

bool Params::get_bool(const std::string& name) const { return lookup(name).as<bool>(false); }

std::string Params::get_string(const std::string& name) const {
  const YAML::Node node = lookup(name);
  return node.IsScalar() ? node.Scalar() : std::string{};
}

std::vector<std::string> Params::get_list(const std::string& name) const {
  std::vector<std::string> out;
  const YAML::Node node = lookup(name);
  if (node.IsSequence())
    for (const auto& item : node) out.push_back(item.Scalar());
  return out;
}

}  // namespace faultline::rules
