#include "yaml_util.hpp"

#include <sstream>

#include "faultline/load/event_tree.hpp"

namespace faultline::rules::detail {

SourceLocation where(const std::string& file, const YAML::Node& node) {
  SourceLocation loc;
  loc.file = file;
  const YAML::Mark mark = node.Mark();
  if (mark.line >= 0) {
    loc.line = mark.line + 1;
    loc.column = mark.column + 1;
  }
  return loc;
}

void error_at(Diagnostics& errors, const std::string& file, const YAML::Node& node, std::string message) {
  errors.push_back({Severity::error, where(file, node), std::move(message)});
}

std::optional<std::string> read_string(const YAML::Node& node, const std::string& file, const std::string& what,
                                       Diagnostics& errors) {
  if (!node.IsScalar()) {
    error_at(errors, file, node, what + " must be a string");
    return std::nullopt;
  }
  return node.Scalar();
}

namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto first = item.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    const auto last = item.find_last_not_of(" \t");
    out.push_back(item.substr(first, last - first + 1));
  }
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> read_string_list(const YAML::Node& node, const std::string& file,
                                                         const std::string& what, Diagnostics& errors) {
  if (node.IsScalar()) return split_commas(node.Scalar());
  if (!node.IsSequence()) {
    error_at(errors, file, node, what + " must be a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      error_at(errors, file, item, what + " must be a list of strings");
      return std::nullopt;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& file, Diagnostics& errors) {
  // The built-in packs are read on every start: libfyaml's events build the tree several times
  // faster than yaml-cpp; yaml-cpp parses only what libfyaml refuses, for its messages.
  if (auto tree = load::build_tree(text)) return tree;
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    SourceLocation loc{file, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0, {}};
    errors.push_back({Severity::error, loc, "cannot parse YAML: " + e.msg});
    return std::nullopt;
  }
}

}  // namespace faultline::rules::detail
