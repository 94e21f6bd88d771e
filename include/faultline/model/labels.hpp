#pragma once
/// Labels and label selectors with the API server's matching semantics.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace faultline::model {

/// A label or annotation map; std::map keeps output deterministic.
using Labels = std::map<std::string, std::string>;

/// One `matchExpressions` entry. Operators: In, NotIn, Exists, DoesNotExist.
struct LabelRequirement {
  std::string key;
  std::string op;
  std::vector<std::string> values;
};

/// A metav1.LabelSelector: matchLabels AND every matchExpressions entry.
/// An empty selector (present, no terms) matches everything; an absent one is modelled
/// by std::optional<LabelSelector> at the use site, since its meaning depends on the field.
struct LabelSelector {
  Labels match_labels;
  std::vector<LabelRequirement> match_expressions;

  bool empty() const { return match_labels.empty() && match_expressions.empty(); }
  /// True when every term holds for `labels`.
  bool matches(const Labels& labels) const;
};

/// A NodeSelectorRequirement: In, NotIn, Exists, DoesNotExist, Gt, Lt (Gt/Lt compare integers).
struct NodeSelectorRequirement {
  std::string key;
  std::string op;
  std::vector<std::string> values;
  /// Evaluates against one label value (nullopt: label absent).
  bool matches(const std::optional<std::string>& value) const;
};

/// A NodeSelectorTerm: matchExpressions on labels AND matchFields (only `metadata.name`).
struct NodeSelectorTerm {
  std::vector<NodeSelectorRequirement> match_expressions;
  std::vector<NodeSelectorRequirement> match_fields;
  /// An empty term matches no node (API semantics).
  bool matches(const Labels& node_labels, const std::string& node_name) const;
};

}  // namespace faultline::model
