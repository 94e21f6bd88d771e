#pragma once
/// Checks on raw bytes before parsing: binary data and encodings the parsers would misread.
#include <optional>
#include <string>
#include <string_view>

namespace faultline::load {

/// Why the start of a file shows it is not UTF-8 text (UTF-16, UTF-32), or nullopt.
std::optional<std::string> foreign_encoding(std::string_view head);

/// Why `line` is not UTF-8 text (a NUL byte or a malformed sequence), or nullopt.
std::optional<std::string> line_problem(std::string_view line);

/// Removes a UTF-8 byte order mark, which the parsers would otherwise keep in the first key.
std::string_view strip_bom(std::string_view text);

}  // namespace faultline::load
