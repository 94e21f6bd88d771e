// Running rules: template hits become findings with filled texts, chosen severity and suppression.
#include <algorithm>
#include <exception>
#include <sstream>

#include <fmt/format.h>

#include "faultline/rules/engine.hpp"

namespace faultline::rules {

namespace {

std::string fill(const std::string& text, const std::map<std::string, std::string>& vars) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('{', pos);
    const std::size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) break;
    const auto var = vars.find(text.substr(open + 1, close - open - 1));
    out += text.substr(pos, open - pos);
    out += var != vars.end() ? var->second : text.substr(open, close - open + 1);
    pos = close + 1;
  }
  return out + text.substr(std::min(pos, text.size()));
}

/// The reason when `annotations` list `rule` in faultline.io/ignore; nullopt otherwise.
std::optional<std::string> ignored_by(const model::Labels* annotations, const std::string& rule) {
  if (!annotations) return std::nullopt;
  const auto list = annotations->find("faultline.io/ignore");
  if (list == annotations->end()) return std::nullopt;
  std::stringstream in(list->second);
  for (std::string item; std::getline(in, item, ',');) {
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (item == rule || item == "all") {
      const auto reason = annotations->find("faultline.io/ignore-reason");
      return "annotation" + (reason != annotations->end() ? ": " + reason->second : std::string{});
    }
  }
  return std::nullopt;
}

Finding to_finding(const Rule& rule, Hit& hit) {
  const model::ObjectMeta& meta = *hit.object;
  const auto variant_it = rule.variants.find(hit.variant);
  const Variant* variant = hit.variant.empty() || variant_it == rule.variants.end() ? nullptr : &variant_it->second;
  hit.vars.try_emplace("kind", meta.ref.kind);
  hit.vars.try_emplace("namespace", meta.ref.ns);
  hit.vars.try_emplace("name", meta.ref.name);
  hit.vars.try_emplace("object", meta.ref.display());

  Finding f;
  f.rule = rule.id;
  f.pack = rule.pack;
  f.severity = rule.severity_override.value_or(variant && variant->severity ? *variant->severity : rule.severity);
  f.object = meta.ref;
  f.where = meta.where;
  f.expanded_from = meta.expanded_from;
  f.message = fill(variant && !variant->message.empty() ? variant->message : rule.message, hit.vars);
  f.remediation = fill(variant && !variant->remediation.empty() ? variant->remediation : rule.remediation, hit.vars);
  f.evidence = std::move(hit.evidence);
  f.subject = std::move(hit.subject);
  auto reason = ignored_by(&meta.annotations, rule.id);
  if (!reason) reason = ignored_by(hit.pod_annotations, rule.id);
  if (reason) {
    f.suppressed = true;
    f.suppression = *reason;
  }
  return f;
}

}  // namespace

std::size_t evaluate_rule(const Rule& rule, const Template& tmpl, const Context& context, std::vector<Finding>& findings,
                          Diagnostics* problems) {
  const Params params(rule.params, tmpl.params);
  std::size_t in_scope = 0;
  const TemplateInput input{rule, context, params, tmpl.default_kinds, &in_scope};
  // One rule that fails (out of memory, a bug) loses only its own findings: the guard is per rule.
  const std::size_t kept = findings.size();
  try {
    std::vector<Hit> hits;
    tmpl.evaluate(input, hits);
    for (Hit& hit : hits)
      if (hit.object) findings.push_back(to_finding(rule, hit));
  } catch (const std::exception& e) {
    findings.resize(kept);
    if (problems) {
      problems->push_back({Severity::error, rule.where,
                           fmt::format("rule {} could not be evaluated ({}); its findings are missing from this report",
                                       rule.id, e.what())});
    }
  }
  return in_scope;
}

std::vector<Finding> evaluate(const Catalogue& catalogue, const Context& context,
                              std::map<std::string, std::size_t>* examined, Diagnostics* problems) {
  std::vector<Finding> findings;
  for (const Rule& rule : catalogue.rules) {
    const Template* tmpl = rule.enabled ? find_template(rule.template_id) : nullptr;
    if (!tmpl) continue;
    const std::size_t in_scope = evaluate_rule(rule, *tmpl, context, findings, problems);
    if (examined) (*examined)[rule.id] += in_scope;
  }
  return findings;
}

}  // namespace faultline::rules
