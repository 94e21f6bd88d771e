#pragma once
// The flags that are settings (the same keys as .faultline.yaml), shared by every subcommand, and
// their resolution through the pipeline's one resolver (flags over the config file over defaults).
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "faultline/load/limits.hpp"
#include "faultline/pipeline/settings.hpp"

namespace faultline::cli {

/// The settings as given on the command line; empty means "not given here".
struct SettingsFlags {
  std::string config;  ///< --config FILE; "" = nearest .faultline.yaml
  std::vector<std::string> policies;
  std::vector<std::string> packs, enable, disable;
  std::vector<std::string> severities;  ///< RULE=level, validated at parse time
  std::vector<std::string> nodes;
  std::vector<std::string> topology_keys;
  std::vector<std::string> exclude;
  std::string default_namespace;
  std::string fail_on;   ///< check and plan only
  std::string baseline;  ///< check and plan only
  load::Limits limits;   ///< --max-* and --jobs
  std::size_t max_expanded = expand::Limits{}.max_pods;
};

/// Which flags a subcommand takes: `catalogue` (rules, explain: --config, --policy) or every
/// setting that shapes an analysis (check, plan, simulate, graph).
enum class FlagSet { catalogue, analysis };

/// Adds the flags of `set` to `app`, in the help groups "Cluster", "Rules" and "Input limits".
void add_settings_flags(CLI::App& app, SettingsFlags& flags, FlagSet set);

/// --fail-on and --baseline (check and plan), in the "Output" and "Rules" groups.
void add_gate_flags(CLI::App& app, SettingsFlags& flags);

/// The flags merged over the config file. Config errors are printed to stderr: nullopt then.
std::optional<Settings> resolve_settings(const SettingsFlags& flags, Environment& env);

/// What the pipeline needs: the resolved settings, the flags' limits and the input paths ("-" is stdin).
AnalysisOptions analysis_options(const Settings& settings, const SettingsFlags& flags,
                                 const std::vector<std::string>& paths);

}  // namespace faultline::cli
