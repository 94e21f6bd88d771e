#pragma once
/// Every user setting of a run, and the one resolver every subcommand uses: command-line flags
/// over `.faultline.yaml` over defaults.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/rules/selection.hpp"

namespace faultline {

/// The settings the config file and the flags share; empty/unset means "not given here".
struct Settings {
  rules::Selection selection;              ///< --pack, --enable, --disable, --severity; ignore: (file only)
  std::vector<std::string> policy_paths;   ///< --policy FILE|DIR, policies:
  std::string fail_on;                     ///< --fail-on: "error" | "warning" | "info" | "never"; "" = unset
  std::string baseline;                    ///< --baseline FILE; "" = none
  std::vector<std::string> topology_keys;  ///< --topology-key
  std::vector<std::string> node_paths;     ///< --nodes
  std::optional<std::string> default_namespace;  ///< --namespace
  std::vector<std::string> exclude;        ///< --exclude GLOB, exclude: (added to the built-in skips)
};

/// The config file's name, looked up from the working directory upwards.
inline constexpr const char* kConfigFileName = ".faultline.yaml";

/// The nearest `.faultline.yaml` from `start` upwards, stopping at the repository root
/// (the first directory holding `.git`); nullopt when there is none.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start);

/// Reads a config file. Unknown keys and values of the wrong type are errors with file:line;
/// relative paths in it are resolved against the file's directory.
Settings load_config_file(const std::filesystem::path& file, Diagnostics& errors);

/// The file's settings overridden by the flags: scalars and lists given on the command line
/// win; --enable/--disable/--severity are applied on top of the file's; --exclude adds.
Settings merge_settings(const Settings& file, const Settings& flags);

/// The front door: `flags` over `config_file` (when given; else the nearest `.faultline.yaml`
/// from the working directory) over defaults. Config errors are appended to `errors`.
Settings resolve_settings(const Settings& flags, const std::string& config_file, Diagnostics& errors);

/// True for "error", "warning", "info", "never".
bool valid_fail_on(const std::string& value);

}  // namespace faultline
