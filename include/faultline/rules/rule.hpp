#pragma once
/// A rule: one template instantiated with parameters, scope, severity, message and remediation.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "faultline/common/location.hpp"
#include "faultline/common/severity.hpp"
#include "faultline/model/labels.hpp"
#include "faultline/model/object.hpp"
#include "faultline/rules/finding.hpp"

namespace faultline::rules {

/// Which objects a rule looks at. Empty lists mean "the template's default kinds" / "any".
struct Scope {
  std::vector<std::string> kinds;          ///< kinds or kind groups ("long-running")
  std::vector<std::string> namespaces;     ///< exact names or globs ("runai*")
  std::vector<std::string> names;          ///< globs ("runai-backend-*")
  std::optional<model::LabelSelector> labels;
  /// Does the object fall in scope? `default_kinds` applies when `kinds` is empty.
  bool contains(const model::ObjectMeta& meta, const std::vector<std::string>& default_kinds) const;
};

/// An alternative severity/message a template can pick for one hit (e.g. "fewer than 2" vs "fewer than 3").
struct Variant {
  std::optional<Severity> severity;
  std::string message;      ///< empty: the rule's message
  std::string remediation;  ///< empty: the rule's remediation
  std::optional<PlanItems> plan;  ///< unset: the rule's plan; set (even empty): replaces it
};

/// An example in a rule's explanation.
struct Example {
  std::string description;
  std::string yaml;
};

/// A parameter's value as a rule file writes it: a scalar, or a list of scalars. Kept as plain
/// strings because YAML::Node assignment rebinds shared nodes, which corrupts sorted rules.
struct ParamValue {
  std::string scalar;
  std::vector<std::string> list;
  bool is_list = false;
};
using ParamValues = std::map<std::string, ParamValue>;

/// One rule of a pack, validated at load.
struct Rule {
  std::string id;
  std::string pack;
  std::string template_id;
  ParamValues params;  ///< validated against the template's ParamSpecs
  Scope scope;
  Severity severity = Severity::warning;
  std::string message;      ///< with {placeholders} filled from the template's hit variables
  std::string remediation;  ///< a sentence ending with a period
  std::string summary;      ///< one line for `faultline rules`
  std::string explanation;  ///< longer text for `faultline explain`
  std::vector<Example> failing_examples;
  std::vector<Example> passing_examples;
  std::map<std::string, Variant> variants;
  /// The fix plan's steps for a finding, with {placeholders} (`plan:` in the rule file).
  PlanItems plan;
  /// Generic rules whose finding on the same object this rule's finding absorbs (`supersedes:`).
  std::vector<std::string> supersedes;
  /// Where `supersedes:` is written, so an unknown id is reported at its line.
  SourceLocation supersedes_where;
  bool enabled = true;
  bool builtin = true;  ///< false for --policy packs, which run unless disabled
  std::optional<Severity> severity_override;  ///< --severity RULE=level: wins over the rule and its variants
  SourceLocation where;  ///< the rule file
};

}  // namespace faultline::rules
