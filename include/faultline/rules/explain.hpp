#pragma once
/// Printable forms of the catalogue: what `faultline rules`, `faultline explain` and the README show.
#include <string>

#include "faultline/rules/engine.hpp"

namespace faultline::rules {

/// One rule in full, as Markdown-flavoured text: summary, severity, pack, template and its
/// parameters (value, default, doc), scope, explanation, remediation, failing and passing examples.
std::string explain_text(const Rule& rule);

/// One line per rule, sorted by id: "- `id` (pack, severity): summary". The README's rule list is this text.
std::string catalogue_list_markdown(const Catalogue& catalogue);

}  // namespace faultline::rules
