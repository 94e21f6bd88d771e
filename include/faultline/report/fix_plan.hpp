#pragma once
/// The fix plan: the changes that remove the findings, merged per tool (one helm upgrade per
/// chart, one runaiconfig patch, one kubectl label, YAML snippets per object).
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "faultline/pipeline.hpp"

namespace faultline::report {

/// One `helm upgrade` for a chart, with every --set its findings ask for.
struct HelmUpgrade {
  std::string chart;      ///< from the `# Source:` comment ("control-plane")
  std::string reference;  ///< repo/chart for the command ("runai-backend/control-plane")
  std::string release;
  std::string ns;
  bool release_assumed = false;  ///< no --helm-release: the release is Run:ai's documented default or the chart name
  std::vector<std::string> sets;  ///< "key=value", first value per key wins, in finding order
  std::string command() const;
};

/// One `kubectl label nodes` naming candidate nodes for a role label.
struct NodeLabelling {
  std::string label;  ///< "key=value"
  int wanted = 0;     ///< how many more nodes the findings ask for
  std::vector<std::string> nodes;  ///< candidates: usable nodes without the label, zones that lack one first
  std::string command() const;
};

/// A manifest change for one object.
struct Snippet {
  std::string object;  ///< ObjectRef::display()
  std::vector<std::string> rules;
  std::string yaml;
};

/// Everything the plan does, in the order it is printed.
struct FixPlan {
  std::vector<HelmUpgrade> helm;
  std::vector<std::pair<std::string, std::string>> runaiconfig;  ///< merged spec paths → JSON values
  std::vector<NodeLabelling> labels;
  std::vector<Snippet> snippets;
  bool empty() const { return helm.empty() && runaiconfig.empty() && labels.empty() && snippets.empty(); }
  /// `kubectl patch runaiconfig runai -n runai --type merge -p '{...}'`, or "" when no field is set.
  std::string runaiconfig_command() const;
};

/// The plan for the findings a report lists (suppressed ones are left out).
FixPlan build_fix_plan(const Analysis& analysis, const std::vector<const rules::Finding*>& listed,
                       const std::string& helm_release);

/// The plan as text a person pastes: commands, then YAML snippets, each under a `#` comment
/// that names at most `max_objects` objects, then counts the rest (short reports cap it).
void write_plan_text(const FixPlan& plan, std::ostream& out, std::size_t max_objects = SIZE_MAX);

}  // namespace faultline::report
