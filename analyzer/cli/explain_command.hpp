#pragma once
// `faultline explain RULE`: one rule in full, with a failing and a passing example and its fix.
#include <string>
#include <vector>

#include "command.hpp"
#include "settings_flags.hpp"

namespace faultline::cli {

/// Options of `explain`.
struct ExplainOptions {
  std::string rule;
  SettingsFlags settings;  ///< --config, --policy: where else to look for the rule
};

void setup_explain(CLI::App& app, ExplainOptions& options);
/// Prints the rule; an unknown id is an error with "did you mean".
ExitCode run_explain(const ExplainOptions& options, Environment& env);

}  // namespace faultline::cli
