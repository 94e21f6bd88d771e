// `ignore:` entries of the config file: accepted findings named by rule and scope, so a namespace
// or cluster finding (which no object annotation can carry) can be accepted too.
#include <algorithm>

#include "faultline/rules/engine.hpp"

namespace faultline::rules {

namespace {

bool names_rule(const Finding& f, const std::string& rule) {
  return f.rule == rule || std::any_of(f.also_matched.begin(), f.also_matched.end(),
                                       [&](const AlsoMatched& m) { return m.rule == rule; });
}

}  // namespace

void apply_ignores(const std::vector<ScopeIgnore>& ignores, Findings& findings) {
  if (ignores.empty()) return;
  for (auto& f : findings) {
    if (f.suppressed) continue;
    const std::string scope = f.object.display();
    for (const auto& entry : ignores) {
      if (entry.scope != scope || !names_rule(f, entry.rule)) continue;
      f.suppressed = true;
      f.suppression = "config" + (entry.reason.empty() ? std::string{} : ": " + entry.reason);
      break;
    }
  }
}

}  // namespace faultline::rules
