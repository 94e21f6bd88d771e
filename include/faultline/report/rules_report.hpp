#pragma once
/// Printable forms of the catalogue: what `faultline rules`, `faultline explain` and the README show.
#include <ostream>
#include <string>

#include "faultline/rules/engine.hpp"

namespace faultline::report {

/// One rule in full, as Markdown-flavoured text: summary, severity, pack, template and its
/// parameters (value, default, doc), scope, explanation, remediation, failing and passing examples.
std::string explain_text(const rules::Rule& rule);

/// One line per rule, sorted by id: "- `id` (pack, severity): summary". The README's rule list is this text.
std::string catalogue_list_markdown(const rules::Catalogue& catalogue);

/// `faultline rules`: a table (ID, PACK, SEVERITY, CHECKS), pack by pack.
void write_rules_text(const rules::Catalogue& catalogue, std::ostream& out);

/// `faultline rules --format json`: one object per rule (id, pack, severity, template, summary, remediation).
void write_rules_json(const rules::Catalogue& catalogue, std::ostream& out);

}  // namespace faultline::report
