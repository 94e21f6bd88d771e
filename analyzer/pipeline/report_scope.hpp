#pragma once
// --context: the whole tree is analyzed, only findings located in the named paths are reported
// (a pre-commit hook passes the changed files; their PodDisruptionBudget may sit in another one).
#include <string>
#include <vector>

#include "faultline/rules/finding.hpp"

namespace faultline::pipeline {

/// Removes the findings whose file is not one of `paths` or inside one of them (directories);
/// findings without a file (a namespace or the cluster) go too. Returns how many were removed.
std::size_t keep_findings_in(const std::vector<std::string>& paths, rules::Findings& findings);

}  // namespace faultline::pipeline
