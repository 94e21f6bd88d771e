// A pack's declarations file (`_dependencies.yaml`): dependency edges and quorum workloads for the graph.
#include <algorithm>

#include "faultline/rules/suggest.hpp"
#include "pack_files.hpp"
#include "yaml_util.hpp"

namespace faultline::rules::detail {

namespace {

bool check_fields(const YAML::Node& map, const std::vector<std::string>& known, const std::string& what,
                  const std::string& file, Diagnostics& errors) {
  if (!map.IsMap()) {
    error_at(errors, file, map, what + " must be a mapping");
    return false;
  }
  bool ok = true;
  for (const auto& entry : map) {
    const std::string key = entry.first.Scalar();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    error_at(errors, file, entry.first, "unknown field '" + key + "' in " + what + did_you_mean(key, known));
    ok = false;
  }
  return ok;
}

std::string field(const YAML::Node& map, const char* key, const std::string& file, Diagnostics& errors) {
  if (!map[key]) return {};
  return read_string(map[key], file, key, errors).value_or("");
}

void parse_edge(const YAML::Node& item, const std::string& file, graph::Declarations& out, Diagnostics& errors) {
  if (!check_fields(item, {"from", "reason", "to"}, "dependency", file, errors)) return;
  graph::DeclaredEdge edge;
  edge.where = where(file, item);
  edge.reason = field(item, "reason", file, errors);
  for (const char* end : {"from", "to"}) {
    const YAML::Node side = item[end];
    if (!side) {
      error_at(errors, file, item, std::string("dependency needs '") + end + "' with namespace and name");
      continue;
    }
    if (!check_fields(side, {"name", "namespace"}, std::string("dependency ") + end, file, errors)) continue;
    std::string ns = field(side, "namespace", file, errors), name = field(side, "name", file, errors);
    if (name.empty()) error_at(errors, file, side, std::string("dependency '") + end + "' needs a name");
    (std::string(end) == "from" ? edge.from_namespace : edge.to_namespace) = ns.empty() ? "*" : ns;
    (std::string(end) == "from" ? edge.from_name : edge.to_name) = name;
  }
  out.edges.push_back(edge);
}

void parse_quorum(const YAML::Node& item, const std::string& file, graph::Declarations& out, Diagnostics& errors) {
  if (!check_fields(item, {"image", "name", "reason"}, "quorum entry", file, errors)) return;
  graph::DeclaredQuorum q{field(item, "name", file, errors), field(item, "image", file, errors),
                          field(item, "reason", file, errors), where(file, item)};
  if (q.name_pattern.empty() && q.image_pattern.empty())
    error_at(errors, file, item, "quorum entry needs a name or an image pattern");
  out.quorum.push_back(q);
}

}  // namespace

void parse_declarations_file(const std::string& file, const std::string& text, graph::Declarations& out,
                             Diagnostics& errors) {
  const auto root = parse_yaml(text, file, errors);
  if (!root || root->IsNull()) return;
  if (!check_fields(*root, {"dependencies", "quorum"}, "a declarations file", file, errors)) return;
  for (const char* key : {"dependencies", "quorum"}) {
    const YAML::Node list = (*root)[key];
    if (!list) continue;
    if (!list.IsSequence()) {
      error_at(errors, file, list, std::string(key) + " must be a list");
      continue;
    }
    for (const auto& item : list)
      std::string(key) == "dependencies" ? parse_edge(item, file, out, errors) : parse_quorum(item, file, out, errors);
  }
}

}  // namespace faultline::rules::detail
