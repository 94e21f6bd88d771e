#pragma once
/// Rule templates: the C++ checks that rules instantiate. A template measures; a rule decides.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"
#include "faultline/rules/rule.hpp"

namespace faultline::graph {
class SystemGraph;
}
namespace faultline::capacity {
struct Capacity;
}

namespace faultline::rules {

/// Everything earlier stages produced, for templates to read.
struct Context {
  const model::Model& model;
  const inventory::Inventory& inventory;
  const placement::PlacementResult& placement;
  const graph::SystemGraph* graph = nullptr;  ///< null when the graph stage did not run
  const capacity::Capacity* capacity = nullptr;  ///< null: no capacity rule has anything to check
};

/// What a template reports about one object; the engine turns it into a Finding.
struct Hit {
  const model::ObjectMeta* object = nullptr;  ///< the object the finding names (ref, location, annotations)
  const model::Labels* pod_annotations = nullptr;  ///< pod template annotations, also read for suppression
  std::map<std::string, std::string> vars;  ///< fills {placeholders}; the engine adds kind, namespace, name
  std::vector<std::string> evidence;
  std::string subject;  ///< what beyond the object the finding is about (part of the fingerprint)
  std::string variant;  ///< key into Rule::variants; empty = the rule's own severity and texts
  /// Set when the finding is about a namespace or the whole cluster (model::namespace_ref,
  /// model::cluster_ref): it names that scope, `object` only gives the location.
  std::optional<model::ObjectRef> scope = std::nullopt;
  /// For a scope finding about too few nodes: those nodes. Workloads whose eligible nodes are
  /// exactly these have their placement findings folded under it (rules::Cause).
  std::vector<std::string> cause_nodes = {};  // initialized, so six-field Hit{...} stays warning-free
  /// A line inside `object` to point at (a webhook's entry in its configuration); 0: the object's.
  int line = 0;
};

/// One declared parameter: the single source for validation, `faultline explain` and the docs.
struct ParamSpec {
  std::string name;
  std::string type;  ///< "int", "string", "bool", "string-list"
  std::string default_value;  ///< empty with required = true means the rule must set it
  std::string doc;
  bool required = false;
};

/// Typed access to a rule's parameters, defaults applied.
class Params {
 public:
  Params(const ParamValues& values, const std::vector<ParamSpec>& specs) : values_(values), specs_(specs) {}
  int get_int(const std::string& name) const;
  bool get_bool(const std::string& name) const;
  std::string get_string(const std::string& name) const;
  std::vector<std::string> get_list(const std::string& name) const;

 private:
  /// The rule's value, or the spec's default parsed as YAML.
  ParamValue lookup(const std::string& name) const;
  const ParamValues& values_;
  const std::vector<ParamSpec>& specs_;
};

/// A parsed YAML value as a ParamValue (used for rule files and for ParamSpec defaults).
ParamValue to_param_value(const YAML::Node& node);

/// What evaluate() receives.
struct TemplateInput {
  const Rule& rule;
  const Context& ctx;
  const Params& params;
  const std::vector<std::string>& default_kinds;
  std::size_t* examined = nullptr;  ///< counts objects found in scope, so tests can tell that a rule ran
  /// Receives the objects found in scope (the JUnit report's test cases); null: not kept.
  std::vector<const model::ObjectMeta*>* examined_objects = nullptr;
  /// Does the object fall in the rule's scope? Templates call this before looking at an object.
  bool in_scope(const model::ObjectMeta& meta) const {
    const bool in = rule.scope.contains(meta, default_kinds);
    if (in && examined) ++*examined;
    if (in && examined_objects) examined_objects->push_back(&meta);
    return in;
  }
};

/// A template: id (kebab-case, = its file name with underscores), summary, parameters, kinds.
struct Template {
  std::string id;
  std::string summary;
  std::vector<ParamSpec> params;
  std::vector<std::string> default_kinds;  ///< kinds or kind groups it examines; a rule's scope narrows them
  /// {placeholder} names its hits fill, besides kind, namespace, name and object; rule texts may use only these.
  std::vector<std::string> vars;
  std::function<void(const TemplateInput&, std::vector<Hit>&)> evaluate;
};

/// Every template, in one explicit sorted list (analyzer/rules/templates/registry.cpp).
const std::vector<Template>& all_templates();
const Template* find_template(const std::string& id);

}  // namespace faultline::rules
