// The text forms of rules, printed from the one declaration of each fact (rule file, ParamSpec).
#include "faultline/report/rules_report.hpp"

#include <fmt/format.h>

namespace faultline::report {

using namespace faultline::rules;

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string params_text(const Rule& rule) {
  const Template* tmpl = find_template(rule.template_id);
  if (!tmpl || tmpl->params.empty()) return {};
  std::string out = "\nParameters:\n";
  for (const auto& spec : tmpl->params) {
    const auto set = rule.params.find(spec.name);
    std::string value = spec.default_value;
    if (set != rule.params.end()) value = set->second.is_list ? "[" + join(set->second.list) + "]" : set->second.scalar;
    out += fmt::format("  {} = {} ({}, default {}): {}\n", spec.name, value, spec.type,
                       spec.default_value.empty() ? "none" : spec.default_value, spec.doc);
  }
  return out;
}

std::string scope_text(const Rule& rule) {
  const Template* tmpl = find_template(rule.template_id);
  std::string out = "Scope: kinds " + join(rule.scope.kinds.empty() && tmpl ? tmpl->default_kinds : rule.scope.kinds);
  if (!rule.scope.namespaces.empty()) out += "; namespaces " + join(rule.scope.namespaces);
  if (!rule.scope.names.empty()) out += "; names " + join(rule.scope.names);
  if (rule.scope.labels) out += "; label selector";
  return out + "\n";
}

std::string examples_text(const char* title, const std::vector<Example>& examples) {
  std::string out;
  for (const auto& e : examples) {
    out += fmt::format("\n{}: {}\n", title, e.description);
    out += "```yaml\n" + e.yaml + (e.yaml.ends_with("\n") ? "" : "\n") + "```\n";
  }
  return out;
}

}  // namespace

std::string explain_text(const Rule& rule) {
  std::string out = fmt::format("{}: {}\n\n", rule.id, rule.summary);
  out += fmt::format("Severity: {}   Pack: {}   Template: {}{}\n", to_string(rule.severity_override.value_or(rule.severity)),
                     rule.pack, rule.template_id, rule.enabled ? "" : "   (not enabled)");
  out += scope_text(rule) + params_text(rule);
  if (!rule.supersedes.empty()) {
    out += "Supersedes: " + join(rule.supersedes) + " (their finding on the same object is folded into this one)\n";
  }
  if (!rule.explanation.empty()) out += "\n" + rule.explanation + (rule.explanation.ends_with("\n") ? "" : "\n");
  out += "\nFix: " + rule.remediation + "\n";
  out += examples_text("Fails", rule.failing_examples);
  out += examples_text("Passes", rule.passing_examples);
  return out;
}

std::string catalogue_list_markdown(const Catalogue& catalogue) {
  std::string out;
  for (const auto& r : catalogue.rules)
    out += fmt::format("- `{}` ({}, {}): {}\n", r.id, r.pack, to_string(r.severity), r.summary);
  return out;
}

}  // namespace faultline::report
