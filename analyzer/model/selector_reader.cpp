// Label and node selectors, validated as the API server validates them.
#include <fmt/format.h>

#include "readers.hpp"

namespace faultline::model {
namespace {

bool is_set_operator(const std::string& op) { return op == "In" || op == "NotIn" || op == "Exists" || op == "DoesNotExist"; }

/// Checks the value count the operator requires; reports and returns false when wrong.
bool check_values(FieldReader& r, const YAML::Node& at, const std::string& path, const std::string& op,
                  const std::vector<std::string>& values) {
  if ((op == "In" || op == "NotIn") && values.empty()) {
    r.error(at, path, fmt::format("operator {} needs at least one value", op));
    return false;
  }
  if ((op == "Exists" || op == "DoesNotExist") && !values.empty()) {
    r.error(at, path, fmt::format("operator {} takes no values", op));
    return false;
  }
  if (op == "Gt" || op == "Lt") {
    if (values.size() != 1 || !parse_integer(values.front())) {
      r.error(at, path, fmt::format("operator {} needs exactly one integer value", op));
      return false;
    }
  }
  return true;
}

std::vector<NodeSelectorRequirement> read_node_requirements(FieldReader& r, const YAML::Node& parent, const char* key,
                                                            const std::string& path) {
  std::vector<NodeSelectorRequirement> out;
  const YAML::Node list = r.seq(parent, key, path);
  if (!list) return out;
  int i = 0;
  for (const auto& item : list) {
    const std::string item_path = fmt::format("{}.{}[{}]", path, key, i++);
    NodeSelectorRequirement req;
    req.key = r.str_or(item, "key", item_path);
    req.op = r.str_or(item, "operator", item_path);
    req.values = r.string_list(item, "values", item_path);
    if (!is_set_operator(req.op) && req.op != "Gt" && req.op != "Lt") {
      r.error(item, item_path + ".operator",
              fmt::format("unknown operator \"{}\" (expected In, NotIn, Exists, DoesNotExist, Gt or Lt); the term matches no node", req.op));
    } else {
      check_values(r, item, item_path + ".values", req.op, req.values);
    }
    // Kept even when invalid: an invalid requirement makes its term match nothing, as in the scheduler.
    out.push_back(std::move(req));
  }
  return out;
}

}  // namespace

std::optional<LabelSelector> read_label_selector(FieldReader& r, const YAML::Node& parent, const char* key,
                                                 const std::string& path) {
  const YAML::Node node = r.map(parent, key, path);
  if (!node) return std::nullopt;
  const std::string sel_path = join_path(path, key);
  LabelSelector selector;
  selector.match_labels = r.string_map(node, "matchLabels", sel_path);
  const YAML::Node exprs = r.seq(node, "matchExpressions", sel_path);
  bool valid = true;
  int i = 0;
  for (const auto& item : exprs) {
    const std::string item_path = fmt::format("{}.matchExpressions[{}]", sel_path, i++);
    LabelRequirement req;
    req.key = r.str_or(item, "key", item_path);
    req.op = r.str_or(item, "operator", item_path);
    req.values = r.string_list(item, "values", item_path);
    if (!is_set_operator(req.op)) {
      r.error(item, item_path + ".operator",
              fmt::format("unknown operator \"{}\" (expected In, NotIn, Exists or DoesNotExist); the selector selects nothing", req.op));
      valid = false;
    } else if (!check_values(r, item, item_path + ".values", req.op, req.values)) {
      valid = false;
    }
    selector.match_expressions.push_back(std::move(req));
  }
  if (!valid) return std::nullopt;
  return selector;
}

std::vector<NodeSelectorTerm> read_node_selector_terms(FieldReader& r, const YAML::Node& parent, const char* key,
                                                       const std::string& path) {
  std::vector<NodeSelectorTerm> terms;
  const YAML::Node list = r.seq(parent, key, path);
  if (!list) return terms;
  int i = 0;
  for (const auto& item : list) {
    terms.push_back(read_node_selector_term(r, item, fmt::format("{}.{}[{}]", path, key, i++)));
  }
  return terms;
}

NodeSelectorTerm read_node_selector_term(FieldReader& r, const YAML::Node& node, const std::string& path) {
  NodeSelectorTerm term;
  term.match_expressions = read_node_requirements(r, node, "matchExpressions", path);
  term.match_fields = read_node_requirements(r, node, "matchFields", path);
  return term;
}

}  // namespace faultline::model
