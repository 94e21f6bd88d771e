// Running rules: template hits become findings with filled texts, chosen severity and suppression.
#include <algorithm>
#include <exception>
#include <sstream>

#include <fmt/format.h>

#include "faultline/rules/engine.hpp"
#include "grammar.hpp"

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

PlanItems fill_plan(PlanItems plan, const std::map<std::string, std::string>& vars) {
  for (auto& set : plan.helm_sets) set = fill(set, vars);
  for (auto& [path, value] : plan.runaiconfig) value = fill(value, vars);
  plan.node_count = fill(plan.node_count, vars);
  plan.yaml = fill(plan.yaml, vars);
  return plan;
}

/// Evidence says what the message does not: a trailing ": <reason>" the message already gives is cut off.
std::vector<std::string> without_repeats(std::vector<std::string> evidence, const std::string& message) {
  std::vector<std::string> out;
  for (auto& line : evidence) {
    line = detail::agree_counts(line);
    if (const auto colon = line.rfind(": "); colon != std::string::npos && line.size() - colon > 24 &&
                                             message.find(line.substr(colon + 2)) != std::string::npos)
      line.resize(colon);
    out.push_back(std::move(line));
  }
  return out;
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
  f.object = hit.scope.value_or(meta.ref);
  f.where = meta.where;
  if (hit.line > 0) {
    f.where.line = hit.line;
    f.where.column = 0;
  }
  if (!hit.scope) {
    f.expanded_from = meta.provenance->expanded_from;
    f.also_at = meta.provenance->also_at;
  }
  f.cause_nodes = std::move(hit.cause_nodes);
  std::sort(f.cause_nodes.begin(), f.cause_nodes.end());
  f.message = detail::agree_counts(fill(variant && !variant->message.empty() ? variant->message : rule.message, hit.vars));
  f.remediation =
      detail::agree_counts(fill(variant && !variant->remediation.empty() ? variant->remediation : rule.remediation, hit.vars));
  if (PlanItems plan = fill_plan(variant && variant->plan ? *variant->plan : rule.plan, hit.vars); !plan.empty())
    f.plan.edit() = std::move(plan);
  f.evidence = without_repeats(std::move(hit.evidence), f.message);
  f.subject = std::move(hit.subject);
  // A namespace or cluster finding is not the example object's to suppress: `ignore:` in the config is.
  auto reason = hit.scope ? std::nullopt : ignored_by(&meta.annotations, rule.id);
  if (!reason && !hit.scope) reason = ignored_by(hit.pod_annotations, rule.id);
  if (reason) {
    f.suppressed = true;
    f.suppression = *reason;
  }
  return f;
}

}  // namespace

std::size_t evaluate_rule(const Rule& rule, const Template& tmpl, const Context& context, Findings& findings,
                          Diagnostics* problems, std::vector<const model::ObjectMeta*>* examined_objects) {
  const Params params(rule.params, tmpl.params);
  std::size_t in_scope = 0;
  const TemplateInput input{rule, context, params, tmpl.default_kinds, &in_scope, examined_objects};
  // One rule that fails (out of memory, a bug) loses only its own findings: the guard is per rule.
  const std::size_t kept = findings.size();
  const std::size_t kept_objects = examined_objects ? examined_objects->size() : 0;
  try {
    std::vector<Hit> hits;
    tmpl.evaluate(input, hits);
    for (Hit& hit : hits)
      if (hit.object) findings.push_back(to_finding(rule, hit));
  } catch (const std::exception& e) {
    findings.resize(kept);
    if (examined_objects) examined_objects->resize(kept_objects);  // no test case may pass a rule that failed
    if (problems) {
      problems->push_back({Severity::error, rule.where,
                           fmt::format("rule {} could not be evaluated ({}); its findings are missing from this report",
                                       rule.id, e.what())});
    }
  }
  return in_scope;
}

Findings evaluate(const Catalogue& catalogue, const Context& context,
                              std::map<std::string, std::size_t>* examined, Diagnostics* problems,
                              std::map<std::string, std::vector<const model::ObjectMeta*>>* examined_objects) {
  Findings findings;
  for (const Rule& rule : catalogue.rules) {
    const Template* tmpl = rule.enabled ? find_template(rule.template_id) : nullptr;
    if (!tmpl) continue;
    auto* objects = examined_objects ? &(*examined_objects)[rule.id] : nullptr;
    const std::size_t in_scope = evaluate_rule(rule, *tmpl, context, findings, problems, objects);
    if (examined) (*examined)[rule.id] += in_scope;
  }
  absorb_superseded(catalogue, findings);
  apply_ignores(catalogue.ignores, findings);
  return findings;
}

}  // namespace faultline::rules
