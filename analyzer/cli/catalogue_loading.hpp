#pragma once
// Loading the rule catalogue for the commands that only read it (rules, explain).
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "settings_flags.hpp"
#include "faultline/rules/engine.hpp"

namespace faultline::cli {

/// The built-in packs plus --policy and the config file's `policies:`; on config or pack errors
/// prints them to env.err and returns nullopt.
std::optional<rules::Catalogue> load_catalogue_or_report(const SettingsFlags& flags, Environment& env);

}  // namespace faultline::cli
