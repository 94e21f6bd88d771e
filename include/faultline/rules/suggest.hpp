#pragma once
/// "Did you mean" for mistyped rule ids, templates, params and settings.
#include <string>
#include <vector>

namespace faultline::rules {

/// Levenshtein distance between two strings.
std::size_t edit_distance(const std::string& a, const std::string& b);

/// Candidates closest to `word` (within a third of its length, at least 2 edits), best first.
std::vector<std::string> closest(const std::string& word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace faultline::rules
