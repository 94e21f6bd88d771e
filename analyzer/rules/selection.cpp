// Which rules run: packs (core by default, runai when Run:ai objects are present), enables, disables, severities.
#include <algorithm>

#include "faultline/rules/engine.hpp"
#include "faultline/rules/suggest.hpp"

namespace faultline::rules {

bool runai_present(const model::Model& model) {
  auto runai_ns = [](const model::ObjectMeta& m) { return m.ref.ns == "runai-backend" || m.ref.ns == "runai"; };
  const auto any = [&](const auto& objects) {
    return std::any_of(objects.begin(), objects.end(), [&](const auto& o) { return runai_ns(o.meta); });
  };
  const bool config = std::any_of(model.raw.begin(), model.raw.end(),
                                  [](const model::RawObject& o) { return o.meta.ref.kind == "RunaiConfig"; });
  return config || any(model.workloads) || any(model.services) || any(model.raw) || any(model.config_maps);
}

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void unknown_rule(const Catalogue& catalogue, const std::string& id, const std::string& option, Diagnostics& errors) {
  const auto close = catalogue.suggestions(id);
  std::string message = option + ": unknown rule '" + id + "'";
  if (!close.empty()) message += " (did you mean '" + close.front() + "'?)";
  errors.push_back({Severity::error, {}, message + "; `faultline rules` lists them"});
}

}  // namespace

void apply_selection(Catalogue& catalogue, const Selection& selection, bool runai, Diagnostics& errors) {
  std::vector<std::string> packs = selection.packs;
  if (packs.empty()) packs = runai ? std::vector<std::string>{"core", "runai"} : std::vector<std::string>{"core"};
  const auto known_packs = catalogue.packs();
  for (const auto& pack : packs)
    if (!contains(known_packs, pack))
      errors.push_back({Severity::error, {}, "--pack: unknown pack '" + pack + "'" + did_you_mean(pack, known_packs)});
  for (const auto& id : selection.enable)
    if (!catalogue.find(id)) unknown_rule(catalogue, id, "--enable", errors);
  for (const auto& id : selection.disable)
    if (!catalogue.find(id)) unknown_rule(catalogue, id, "--disable", errors);
  for (const auto& [id, level] : selection.severity)
    if (!catalogue.find(id)) unknown_rule(catalogue, id, "--severity", errors);

  for (const auto& entry : selection.ignore)
    if (!catalogue.find(entry.rule)) unknown_rule(catalogue, entry.rule, "ignore", errors);
  catalogue.ignores = selection.ignore;

  for (auto& rule : catalogue.rules) {
    // Rules from --policy packs run because the user asked for them by naming the path.
    rule.enabled = (!rule.builtin || contains(packs, rule.pack) || contains(selection.enable, rule.id)) &&
                   !contains(selection.disable, rule.id);
    const auto level = selection.severity.find(rule.id);
    if (level != selection.severity.end()) rule.severity_override = level->second;
  }
}

}  // namespace faultline::rules
