#include "helm_key.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>

namespace faultline::rules::templates {

std::string helm_key(const std::string& workload, const std::string& prefix, const std::vector<std::string>& overrides) {
  for (const auto& entry : overrides) {
    const auto eq = entry.find('=');
    if (eq != std::string::npos && entry.substr(0, eq) == workload) return entry.substr(eq + 1);
  }
  const std::string base = !prefix.empty() && workload.starts_with(prefix) ? workload.substr(prefix.size()) : workload;
  std::string key;
  bool upper = false;
  for (const char ch : base) {
    if (ch == '-') {
      upper = true;
      continue;
    }
    key += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
    upper = false;
  }
  return key;
}

bool matches_any(const std::vector<std::string>& globs, const std::string& name) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& g) { return fnmatch(g.c_str(), name.c_str(), 0) == 0; });
}

}  // namespace faultline::rules::templates
