// Finding identity (for baselines) and the one deterministic order every report uses.
#include "faultline/rules/finding.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include <fmt/format.h>

namespace faultline::rules {

std::string Finding::fingerprint() const {
  // FNV-1a over the identity only: no line, file or message, so edits elsewhere keep it stable.
  // apiVersion is left out too: moving a Deployment from a beta API to apps/v1 is the same object.
  std::uint64_t hash = 14695981039346656037ull;
  for (const std::string* part : {&rule, &object.kind, &object.ns, &object.name, &subject}) {
    for (const unsigned char ch : *part) {
      hash ^= ch;
      hash *= 1099511628211ull;
    }
    hash ^= 0x1f;  // separator, so ("ab","c") and ("a","bc") differ
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

model::ObjectRef namespace_scope(const std::string& ns) { return {"v1", "Namespace", "", ns}; }

model::ObjectRef cluster_scope() { return {"", "Cluster", "", ""}; }

bool is_scope(const model::ObjectRef& ref) {
  return (ref.kind == "Namespace" && ref.ns.empty()) || (ref.kind == "Cluster" && ref.name.empty());
}

void sort_findings(Findings& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(b.severity, a.object.ns, a.object.kind, a.object.name, a.rule, a.subject) <
           std::tie(a.severity, b.object.ns, b.object.kind, b.object.name, b.rule, b.subject);
  });
}

}  // namespace faultline::rules
