#pragma once
/// Short sentences about a placement, shared by the rules that report on it.
#include <string>
#include <vector>

#include "faultline/placement/placement.hpp"

namespace faultline::placement {

/// "a, b, c" or "a, b, c and 4 more" when there are more than `max` names.
std::string list_names(const std::vector<std::string>& names, std::size_t max = 5);

/// "2 nodes (n2, n3): taint x:NoSchedule not tolerated", one line per exclusion group.
std::vector<std::string> describe_exclusions(const WorkloadPlacement& p);

/// "node", "zone", "region" or "<key> domain".
std::string domain_noun(const std::string& key);

}  // namespace faultline::placement
