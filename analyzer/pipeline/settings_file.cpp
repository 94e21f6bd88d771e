// .faultline.yaml: the same settings as the command line, so a repository configures its runs once.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "../rules/yaml_util.hpp"
#include "faultline/pipeline/settings.hpp"
#include "faultline/rules/suggest.hpp"

namespace faultline {

namespace fs = std::filesystem;
namespace detail = rules::detail;
using detail::error_at;
using rules::did_you_mean;

std::optional<fs::path> find_config_file(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (fs::exists(dir / ".git", ec) || !dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

bool valid_fail_on(const std::string& value) {
  return value == "never" || parse_severity(value).has_value();
}

namespace {

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> keys = {"baseline", "disable", "enable",   "exclude",  "fail-on",  "ignore",
                                                "namespace", "nodes",   "packs",    "policies", "severity",
                                                "topology-keys"};
  return keys;
}

std::string resolve(const fs::path& base, const std::string& path) {
  if (path.empty() || path == "-" || fs::path(path).is_absolute()) return path;
  return (base / path).lexically_normal().string();
}

void read_severities(const YAML::Node& node, const std::string& file, Settings& out, Diagnostics& errors) {
  if (!node.IsMap()) {
    error_at(errors, file, node, "severity must be a mapping of rule id to info, warning or error");
    return;
  }
  for (const auto& entry : node) {
    const auto level = entry.second.IsScalar() ? parse_severity(entry.second.Scalar()) : std::nullopt;
    if (!level) {
      error_at(errors, file, entry.second, "severity of " + entry.first.Scalar() + " must be info, warning or error");
      continue;
    }
    out.selection.severity[entry.first.Scalar()] = *level;
  }
}

/// `ignore: [{rule: R, scope: Namespace/ns | Cluster | Kind/ns/name, reason: why}]`.
void read_ignores(const YAML::Node& node, const std::string& file, Settings& out, Diagnostics& errors) {
  if (!node.IsSequence()) {
    error_at(errors, file, node, "ignore must be a list of {rule, scope, reason}");
    return;
  }
  for (const auto& item : node) {
    if (!item.IsMap() || !item["rule"] || !item["scope"]) {
      error_at(errors, file, item, "an ignore entry needs rule and scope (e.g. scope: Namespace/runai-backend or Cluster)");
      continue;
    }
    for (const auto& field : item)
      if (const std::string key = field.first.Scalar(); key != "rule" && key != "scope" && key != "reason")
        error_at(errors, file, field.first, "unknown field '" + key + "' in ignore entry (rule, scope, reason)");
    const auto rule = detail::read_string(item["rule"], file, "ignore rule", errors);
    const auto scope = detail::read_string(item["scope"], file, "ignore scope", errors);
    const auto reason = item["reason"] ? detail::read_string(item["reason"], file, "ignore reason", errors) : std::string{};
    if (rule && scope && reason) out.selection.ignore.push_back({*rule, *scope, *reason});
  }
}

void read_key(const std::string& key, const YAML::Node& value, const fs::path& base, const std::string& file,
              Settings& out, Diagnostics& errors) {
  auto list = [&](std::vector<std::string>& target) {
    if (auto v = detail::read_string_list(value, file, key, errors)) target = *v;
  };
  auto paths = [&](std::vector<std::string>& target) {
    list(target);
    for (auto& p : target) p = resolve(base, p);
  };
  if (key == "packs") list(out.selection.packs);
  else if (key == "enable") list(out.selection.enable);
  else if (key == "disable") list(out.selection.disable);
  else if (key == "severity") read_severities(value, file, out, errors);
  else if (key == "ignore") read_ignores(value, file, out, errors);
  else if (key == "policies") paths(out.policy_paths);
  else if (key == "nodes") paths(out.node_paths);
  else if (key == "topology-keys") list(out.topology_keys);
  else if (key == "exclude") list(out.exclude);
  else if (auto text = detail::read_string(value, file, key, errors)) {
    if (key == "namespace") out.default_namespace = *text;
    else if (key == "baseline") out.baseline = resolve(base, *text);
    else if (!valid_fail_on(*text)) error_at(errors, file, value, "fail-on must be error, warning, info or never");
    else out.fail_on = *text;
  }
}

}  // namespace

Settings load_config_file(const fs::path& file, Diagnostics& errors) {
  Settings out;
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    errors.push_back({Severity::error, {name, 0, 0, {}}, "cannot read config file"});
    return out;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto root = detail::parse_yaml(text.str(), name, errors);
  if (!root || root->IsNull()) return out;
  if (!root->IsMap()) {
    error_at(errors, name, *root, "the config file must be a mapping of settings");
    return out;
  }
  const fs::path base = file.parent_path();
  for (const auto& entry : *root) {
    const std::string key = entry.first.Scalar();
    if (std::find(config_keys().begin(), config_keys().end(), key) == config_keys().end()) {
      error_at(errors, name, entry.first, "unknown setting '" + key + "'" + did_you_mean(key, config_keys()));
      continue;
    }
    read_key(key, entry.second, base, name, out, errors);
  }
  return out;
}

}  // namespace faultline
