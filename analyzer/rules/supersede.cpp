// A specific rule's finding absorbs the generic ones about the same object (`supersedes:` in the
// rule file), so one fact gives one finding with the specific fix.
#include <algorithm>
#include <map>

#include "faultline/rules/engine.hpp"

namespace faultline::rules {

namespace {

bool supersedes(const Rule& specific, const std::string& generic) {
  return std::find(specific.supersedes.begin(), specific.supersedes.end(), generic) != specific.supersedes.end();
}

void absorb(Finding& into, Finding& from) {
  into.severity = std::max(into.severity, from.severity);
  if (from.suppressed && !into.suppressed) {
    into.suppressed = true;
    into.suppression = from.suppression;
  }
  into.also_matched.push_back({from.rule, from.subject, from.fingerprint()});
  for (auto& nested : from.also_matched) into.also_matched.push_back(std::move(nested));
}

}  // namespace

void absorb_superseded(const Catalogue& catalogue, Findings& findings) {
  std::map<model::ObjectRef, std::vector<std::size_t>> by_object;
  for (std::size_t i = 0; i < findings.size(); ++i) by_object[findings[i].object].push_back(i);
  std::vector<bool> absorbed(findings.size(), false);
  for (const auto& [object, indexes] : by_object) {
    if (indexes.size() < 2) continue;
    for (const std::size_t i : indexes) {
      const Rule* specific = catalogue.find(findings[i].rule);
      if (absorbed[i] || !specific || specific->supersedes.empty()) continue;
      for (const std::size_t j : indexes) {
        if (j == i || absorbed[j] || !supersedes(*specific, findings[j].rule)) continue;
        absorb(findings[i], findings[j]);
        absorbed[j] = true;
      }
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (!absorbed[i]) {
      if (kept != i) findings[kept] = std::move(findings[i]);
      ++kept;
    }
  findings.resize(kept);
}

}  // namespace faultline::rules
