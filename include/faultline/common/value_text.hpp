#pragma once
/// How diagnostics quote and judge input values: short excerpts only, integers checked once.
#include <optional>
#include <string>
#include <string_view>

namespace faultline {

/// Longest part of a value a diagnostic quotes, in bytes.
inline constexpr std::size_t kExcerptBytes = 32;

/// `value` in double quotes, cut after kExcerptBytes (at a UTF-8 boundary) with "…" and its
/// full length, so a diagnostic never repeats a long or hostile value in full.
std::string quoted_excerpt(std::string_view value);

/// What is wrong with `text` as a decimal integer in [min, max], said the way a person fixes it
/// ("invalid value \"1e9\" (expected an integer)", "2000000000000 is too large (maximum 2147483647)");
/// nullopt when it is one, with the number in `value`.
std::optional<std::string> integer_problem(std::string_view text, long min, long max, long& value);

}  // namespace faultline
