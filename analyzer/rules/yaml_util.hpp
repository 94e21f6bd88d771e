#pragma once
// Small helpers the pack loader and the config file share: positions and typed reads with errors.
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "faultline/common/diagnostic.hpp"

namespace faultline::rules::detail {

/// The file:line of a node (yaml-cpp marks are 0-based).
SourceLocation where(const std::string& file, const YAML::Node& node);

/// Appends an error at `node`'s position.
void error_at(Diagnostics& errors, const std::string& file, const YAML::Node& node, std::string message);

/// A scalar string, or nullopt after reporting `what` as expected.
std::optional<std::string> read_string(const YAML::Node& node, const std::string& file, const std::string& what,
                                       Diagnostics& errors);

/// A sequence of scalars (or one comma-separated scalar), or nullopt after reporting an error.
std::optional<std::vector<std::string>> read_string_list(const YAML::Node& node, const std::string& file,
                                                         const std::string& what, Diagnostics& errors);

/// Parses `text` as one YAML document; a parse error becomes a diagnostic with file:line:column.
std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& file, Diagnostics& errors);

}  // namespace faultline::rules::detail
