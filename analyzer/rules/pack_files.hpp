#pragma once
// Parsing one pack file: a rule (policies/<pack>/<id>.yaml) or the pack's declarations (_*.yaml).
#include <filesystem>
#include <optional>
#include <string>

#include "faultline/common/diagnostic.hpp"
#include "faultline/graph/declared.hpp"
#include "faultline/rules/engine.hpp"
#include "faultline/rules/rule.hpp"

namespace faultline::rules::detail {

/// Parses and validates one rule file; every problem is appended to `errors` with file:line.
/// Returns the rule only when the file had no error.
std::optional<Rule> parse_rule_file(const std::string& file, const std::string& text, const std::string& pack,
                                    Diagnostics& errors);

/// Parses a declarations file (`dependencies:` and `quorum:` lists) into `out`.
void parse_declarations_file(const std::string& file, const std::string& text, graph::Declarations& out,
                             Diagnostics& errors);

/// Adds one pack file to `catalogue`: `_*.yaml` holds declarations, every other file one rule.
void add_pack_file(const std::string& file, const std::string& text, const std::string& pack, bool builtin,
                   Catalogue& catalogue, Diagnostics& errors);

/// .yaml and .yml files are pack files.
bool is_pack_file(const std::filesystem::path& p);

/// The {placeholder} names used in `text`.
std::vector<std::string> placeholders(const std::string& text);

}  // namespace faultline::rules::detail
