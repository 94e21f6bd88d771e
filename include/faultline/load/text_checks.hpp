#pragma once
/// Checks on raw bytes before parsing: binary data and encodings yaml-cpp would misread.
#include <optional>
#include <string>
#include <string_view>

namespace faultline::load {

/// Why `text` cannot be read as UTF-8 YAML (with the 1-based line of the problem), or nullopt.
struct TextProblem {
  int line = 0;
  std::string message;
};
std::optional<TextProblem> check_text(std::string_view text);

/// Removes a UTF-8 byte order mark, which yaml-cpp would otherwise keep in the first key.
std::string_view strip_bom(std::string_view text);

}  // namespace faultline::load
