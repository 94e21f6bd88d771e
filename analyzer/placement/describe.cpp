// Sentences about a placement for findings and reports.
#include "faultline/placement/describe.hpp"

#include <fmt/format.h>

#include "steps.hpp"

namespace faultline::placement {

std::string list_names(const std::vector<std::string>& names, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < max; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > max) out += fmt::format(" and {} more", names.size() - max);
  return out;
}

std::vector<std::string> describe_exclusions(const WorkloadPlacement& p) {
  std::vector<std::string> out;
  for (const auto& e : p.exclusions())
    out.push_back(fmt::format("{} node{} ({}): {}", e.nodes.size(), e.nodes.size() == 1 ? "" : "s", list_names(e.nodes),
                              e.reason));
  return out;
}

std::string domain_noun(const std::string& key) { return detail::noun(key); }

}  // namespace faultline::placement
