#pragma once
// `faultline rules`: the catalogue, one line per rule.
#include <string>
#include <vector>

#include "command.hpp"
#include "settings_flags.hpp"

namespace faultline::cli {

/// Options of `rules`.
struct RulesOptions {
  SettingsFlags settings;  ///< --config, --policy: the packs to list besides the built-in ones
  std::string format = "text";
};

void setup_rules(CLI::App& app, RulesOptions& options);
/// Prints id, pack, severity and summary of every rule; 2 when a pack does not load.
ExitCode run_rules(const RulesOptions& options, Environment& env);

}  // namespace faultline::cli
