#pragma once
/// Loading packs, choosing rules, running them, and suppressing accepted findings.
#include <map>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/graph/declared.hpp"
#include "faultline/rules/finding.hpp"
#include "faultline/rules/rule.hpp"
#include "faultline/rules/selection.hpp"
#include "faultline/rules/template.hpp"

namespace faultline::rules {

/// Every rule of the built-in packs plus --policy packs, and what the packs declare for the graph.
struct Catalogue {
  std::vector<Rule> rules;  ///< sorted by id
  graph::Declarations declarations;
  /// The selection's `ignore:` entries, applied by evaluate().
  std::vector<ScopeIgnore> ignores;
  const Rule* find(const std::string& id) const;
  /// Closest rule ids to a mistyped one, for "did you mean".
  std::vector<std::string> suggestions(const std::string& id) const;
  /// Names of the packs that hold at least one rule, sorted.
  std::vector<std::string> packs() const;
};

/// Loads built-in packs and every --policy FILE|DIR. Every error of every pack is appended to
/// `errors` with the pack file's file:line; the caller stops when there is any.
Catalogue load_catalogue(const std::vector<std::string>& policy_paths, Diagnostics& errors);

/// Marks rules enabled/disabled and overrides severities; unknown rule ids are errors with suggestions.
void apply_selection(Catalogue& catalogue, const Selection& selection, bool runai_present, Diagnostics& errors);

/// True when the model holds Run:ai objects (namespace runai-backend or runai, or a RunaiConfig).
bool runai_present(const model::Model& model);

/// Runs one rule with `tmpl`, appending its findings; returns how many objects were in its scope.
/// When the template throws, the rule's findings are dropped and an error naming it is added to `problems`.
/// `examined_objects`, when given, receives the objects in its scope.
std::size_t evaluate_rule(const Rule& rule, const Template& tmpl, const Context& context, Findings& findings,
                          Diagnostics* problems, std::vector<const model::ObjectMeta*>* examined_objects = nullptr);

/// Folds each finding of a rule listed in another rule's `supersedes:` into that rule's finding on
/// the same object: one finding keeps the specific message and fix, the worse severity, and the
/// generic one in `also_matched`; a suppression of either suppresses it.
void absorb_superseded(const Catalogue& catalogue, Findings& findings);

/// Suppresses findings whose rule (or a rule they absorbed) and object match an `ignore:` entry.
void apply_ignores(const std::vector<ScopeIgnore>& ignores, Findings& findings);

/// Runs every enabled rule, then absorb_superseded and apply_ignores; findings carry message, remediation and
/// evidence, unsorted. Findings on objects annotated faultline.io/ignore are returned with
/// suppressed = true. `examined`, when given, receives per rule id the number of objects in its scope,
/// and `examined_objects` those objects (pointers into the context's model).
/// A rule that throws (out of memory included) adds an error to `problems` and no findings;
/// the other rules still run.
Findings evaluate(const Catalogue& catalogue, const Context& context,
                              std::map<std::string, std::size_t>* examined = nullptr,
                              Diagnostics* problems = nullptr,
                              std::map<std::string, std::vector<const model::ObjectMeta*>>* examined_objects = nullptr);

}  // namespace faultline::rules
