// Scope: which objects a rule looks at, by kind (or kind group), namespace, name and labels.
#include <fnmatch.h>

#include <algorithm>

#include "faultline/rules/kinds.hpp"
#include "faultline/rules/rule.hpp"

namespace faultline::rules {

const std::map<std::string, std::vector<std::string>>& kind_groups() {
  static const std::map<std::string, std::vector<std::string>> groups = {
      {"batch", {"Job", "CronJob"}},
      {"long-running", {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Pod"}},
      {"replicated", {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}},
      {"workloads",
       {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Pod", "Job", "CronJob"}},
  };
  return groups;
}

std::vector<std::string> expand_kinds(const std::vector<std::string>& kinds_or_groups) {
  std::vector<std::string> out;
  for (const auto& entry : kinds_or_groups) {
    const auto group = kind_groups().find(entry);
    if (group == kind_groups().end()) out.push_back(entry);
    else out.insert(out.end(), group->second.begin(), group->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

bool any_glob_matches(const std::vector<std::string>& globs, const std::string& value) {
  if (globs.empty()) return true;
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& g) { return fnmatch(g.c_str(), value.c_str(), 0) == 0; });
}

}  // namespace

bool Scope::contains(const model::ObjectMeta& meta, const std::vector<std::string>& default_kinds) const {
  const auto allowed = expand_kinds(kinds.empty() ? default_kinds : kinds);
  if (!allowed.empty() && !std::binary_search(allowed.begin(), allowed.end(), meta.ref.kind)) return false;
  if (!any_glob_matches(namespaces, meta.ref.ns) || !any_glob_matches(names, meta.ref.name)) return false;
  return !labels || labels->matches(meta.labels);
}

}  // namespace faultline::rules
