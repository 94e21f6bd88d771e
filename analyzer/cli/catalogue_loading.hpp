#pragma once
// Loading the rule catalogue for the commands that only read it (rules, explain).
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "faultline/rules/engine.hpp"

namespace faultline::cli {

/// The built-in packs plus `policies`; on pack errors prints them to env.err and returns nullopt.
std::optional<rules::Catalogue> load_catalogue_or_report(const std::vector<std::string>& policies, Environment& env);

}  // namespace faultline::cli
