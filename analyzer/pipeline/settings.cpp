// Merging the config file with the flags, and the resolver every subcommand calls.
#include <algorithm>

#include "faultline/pipeline/settings.hpp"

namespace faultline {
namespace {

void remove_all(std::vector<std::string>& from, const std::vector<std::string>& items) {
  std::erase_if(from, [&](const std::string& s) { return std::find(items.begin(), items.end(), s) != items.end(); });
}

void append(std::vector<std::string>& to, const std::vector<std::string>& items) {
  for (const auto& item : items)
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
}

}  // namespace

Settings merge_settings(const Settings& file, const Settings& flags) {
  Settings out = file;
  if (!flags.selection.packs.empty()) out.selection.packs = flags.selection.packs;
  // A flag wins over the file's opposite choice for the same rule.
  remove_all(out.selection.enable, flags.selection.disable);
  remove_all(out.selection.disable, flags.selection.enable);
  append(out.selection.enable, flags.selection.enable);
  append(out.selection.disable, flags.selection.disable);
  for (const auto& [rule, level] : flags.selection.severity) out.selection.severity[rule] = level;
  out.selection.ignore.insert(out.selection.ignore.end(), flags.selection.ignore.begin(), flags.selection.ignore.end());
  append(out.policy_paths, flags.policy_paths);
  append(out.exclude, flags.exclude);
  if (!flags.fail_on.empty()) out.fail_on = flags.fail_on;
  if (!flags.baseline.empty()) out.baseline = flags.baseline;
  if (!flags.topology_keys.empty()) out.topology_keys = flags.topology_keys;
  if (!flags.node_paths.empty()) out.node_paths = flags.node_paths;
  if (flags.default_namespace) out.default_namespace = flags.default_namespace;
  return out;
}

Settings resolve_settings(const Settings& flags, const std::string& config_file, Diagnostics& errors) {
  std::optional<std::filesystem::path> file;
  if (!config_file.empty()) {
    file = config_file;
  } else {
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec);
    if (!ec) file = find_config_file(cwd);
  }
  if (!file) return flags;
  return merge_settings(load_config_file(*file, errors), flags);
}

}  // namespace faultline
