// Selector matching as apimachinery's labels.Requirement.Matches and the scheduler's node
// affinity helpers do it.
#include "faultline/model/labels.hpp"

#include <algorithm>

#include "field_reader.hpp"

namespace faultline::model {
namespace {

bool contains(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

/// In / NotIn / Exists / DoesNotExist on one possibly absent value; nullopt for other operators.
std::optional<bool> set_operator_matches(const std::string& op, const std::vector<std::string>& values,
                                         const std::optional<std::string>& value) {
  if (op == "In") return value && contains(values, *value);
  if (op == "NotIn") return !value || !contains(values, *value);
  if (op == "Exists") return value.has_value();
  if (op == "DoesNotExist") return !value.has_value();
  return std::nullopt;
}

std::optional<std::string> lookup(const Labels& labels, const std::string& key) {
  const auto it = labels.find(key);
  if (it == labels.end()) return std::nullopt;
  return it->second;
}

}  // namespace

bool LabelSelector::matches(const Labels& labels) const {
  for (const auto& [key, value] : match_labels) {
    const auto it = labels.find(key);
    if (it == labels.end() || it->second != value) return false;
  }
  for (const LabelRequirement& req : match_expressions) {
    // An unknown operator makes the whole selector invalid; Kubernetes then selects nothing.
    if (!set_operator_matches(req.op, req.values, lookup(labels, req.key)).value_or(false)) return false;
  }
  return true;
}

bool NodeSelectorRequirement::matches(const std::optional<std::string>& value) const {
  if (const auto set_result = set_operator_matches(op, values, value)) return *set_result;
  if (op != "Gt" && op != "Lt") return false;
  if (!value || values.size() != 1) return false;
  const auto actual = parse_integer(*value);
  const auto bound = parse_integer(values.front());
  if (!actual || !bound) return false;
  return op == "Gt" ? *actual > *bound : *actual < *bound;
}

bool NodeSelectorTerm::matches(const Labels& node_labels, const std::string& node_name) const {
  if (match_expressions.empty() && match_fields.empty()) return false;
  for (const auto& req : match_expressions)
    if (!req.matches(lookup(node_labels, req.key))) return false;
  for (const auto& req : match_fields) {
    // Only metadata.name is a supported field; any other key matches nothing.
    if (req.key != "metadata.name" || !req.matches(node_name)) return false;
  }
  return true;
}

}  // namespace faultline::model
