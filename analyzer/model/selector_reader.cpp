// Label and node selectors, validated as the API server validates them.
#include <fmt/format.h>

#include "readers.hpp"

namespace faultline::model {
namespace {

bool is_set_operator(const std::string& op) { return op == "In" || op == "NotIn" || op == "Exists" || op == "DoesNotExist"; }

/// Checks the value count the operator requires; reports and returns false when wrong.
bool check_values(FieldReader& r, const load::Node& at, const std::string& path, const std::string& op,
                  const std::vector<std::string>& values) {
  if ((op == "In" || op == "NotIn") && values.empty()) {
    r.error(at, path, fmt::format("operator {} needs at least one value", op));
    return false;
  }
  if ((op == "Exists" || op == "DoesNotExist") && !values.empty()) {
    r.error(at, path, fmt::format("operator {} takes no values", op));
    return false;
  }
  if ((op == "Gt" || op == "Lt") && (values.size() != 1 || !parse_integer(values.front()))) {
    r.error(at, path, fmt::format("operator {} needs exactly one integer value", op));
    return false;
  }
  return true;
}

/// Reads key/operator/values (LabelRequirement and NodeSelectorRequirement share them) and
/// reports an operator outside `allowed` or a wrong number of values. Returns validity.
template <typename Requirement>
bool read_requirement(FieldReader& r, const load::Node& item, const std::string& p, bool node_operators,
                      std::string_view consequence, Requirement& req) {
  req.key = r.str_or(item, "key", p);
  req.op = r.str_or(item, "operator", p);
  req.values = r.string_list(item, "values", p);
  const bool known = is_set_operator(req.op) || (node_operators && (req.op == "Gt" || req.op == "Lt"));
  if (!known) {
    r.error(item, p + ".operator",
            fmt::format("unknown operator \"{}\" (expected In, NotIn, Exists, DoesNotExist{}); {}", req.op,
                        node_operators ? ", Gt or Lt" : "", consequence));
    return false;
  }
  return check_values(r, item, p + ".values", req.op, req.values);
}

std::vector<NodeSelectorRequirement> read_node_requirements(FieldReader& r, const load::Node& parent, const char* key,
                                                            const std::string& path) {
  std::vector<NodeSelectorRequirement> out;
  r.for_each(parent, key, path, [&](const load::Node& item, const std::string& p) {
    NodeSelectorRequirement req;
    // Kept even when invalid: an invalid requirement makes its term match nothing, as in the scheduler.
    read_requirement(r, item, p, true, "the term matches no node", req);
    out.push_back(std::move(req));
  });
  return out;
}

}  // namespace

std::optional<LabelSelector> read_label_selector(FieldReader& r, const load::Node& parent, const char* key,
                                                 const std::string& path) {
  const load::Node node = r.map(parent, key, path);
  if (!node) return std::nullopt;
  const std::string sel_path = join_path(path, key);
  LabelSelector selector;
  selector.match_labels = r.string_map(node, "matchLabels", sel_path);
  bool valid = true;
  r.for_each(node, "matchExpressions", sel_path, [&](const load::Node& item, const std::string& p) {
    LabelRequirement req;
    valid = read_requirement(r, item, p, false, "the selector selects nothing", req) && valid;
    selector.match_expressions.push_back(std::move(req));
  });
  if (!valid) return std::nullopt;
  return selector;
}

std::vector<NodeSelectorTerm> read_node_selector_terms(FieldReader& r, const load::Node& parent, const char* key,
                                                       const std::string& path) {
  std::vector<NodeSelectorTerm> terms;
  r.for_each(parent, key, path,
             [&](const load::Node& item, const std::string& p) { terms.push_back(read_node_selector_term(r, item, p)); });
  return terms;
}

NodeSelectorTerm read_node_selector_term(FieldReader& r, const load::Node& node, const std::string& path) {
  NodeSelectorTerm term;
  term.match_expressions = read_node_requirements(r, node, "matchExpressions", path);
  term.match_fields = read_node_requirements(r, node, "matchFields", path);
  return term;
}

}  // namespace faultline::model
