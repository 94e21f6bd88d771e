#pragma once
// `faultline rules`: the catalogue, one line per rule.
#include <string>
#include <vector>

#include "command.hpp"

namespace faultline::cli {

/// Options of `rules`.
struct RulesOptions {
  std::vector<std::string> policies;  ///< --policy: list these packs too
  std::string format = "text";
};

void setup_rules(CLI::App& app, RulesOptions& options);
/// Prints id, pack, severity and summary of every rule; 2 when a pack does not load.
ExitCode run_rules(const RulesOptions& options, Environment& env);

}  // namespace faultline::cli
