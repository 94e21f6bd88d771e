#pragma once
// The Helm values key that sets a chart workload's replicas, derived from the workload's name.
#include <string>
#include <vector>

namespace faultline::rules::templates {

/// `overrides` entries "name=key" win; otherwise `prefix` is stripped and kebab-case becomes
/// camelCase ("runai-backend-org-unit-service" → "orgUnitService").
std::string helm_key(const std::string& workload, const std::string& prefix, const std::vector<std::string>& overrides);

/// Does `name` match any of the shell globs?
bool matches_any(const std::vector<std::string>& globs, const std::string& name);

}  // namespace faultline::rules::templates
