#pragma once
/// Severity of findings and diagnostics, ordered so that a larger value is worse.
#include <optional>
#include <string_view>

namespace faultline {

enum class Severity { info = 0, warning = 1, error = 2 };

/// "info", "warning" or "error".
std::string_view to_string(Severity s);
/// Parses "info" | "warning" | "error"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace faultline
