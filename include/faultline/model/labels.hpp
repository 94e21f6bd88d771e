#pragma once
/// Labels and label selectors with the API server's matching semantics.
#include <optional>
#include <string>
#include <vector>

#include "faultline/model/sorted_map.hpp"

namespace faultline::model {

/// A map of strings read from a manifest (labels, annotations, a ConfigMap's data), sorted by key
/// so output is deterministic. Flat (one sorted array): a cluster dump holds tens of thousands of
/// these with two or three entries each, where a node-based map costs an allocation and about
/// twice the bytes per entry. A map read from input is built whole (sorted_map).
using StringMap = boost::container::flat_map<std::string, std::string>;
/// A label or annotation map.
using Labels = StringMap;

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
