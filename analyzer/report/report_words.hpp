#pragma once
// Small wording helpers shared by the report writers (text, SARIF, JUnit, Markdown).
#include <cstddef>
#include <string>
#include <string_view>

#include "faultline/common/location.hpp"

namespace faultline::report {

/// "1 error", "3 errors": `word` with an "s" unless n is 1.
std::string plural(std::size_t n, std::string_view word);

/// "file:line (template T)" with every input string made terminal-safe; parts that are unknown
/// are left out, "" when nothing is known.
std::string location_words(const SourceLocation& where);

}  // namespace faultline::report
