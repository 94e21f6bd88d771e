#pragma once
// Number agreement for the texts of findings.
#include <string>

namespace faultline::rules::detail {

/// "1 replicas" → "1 replica", "2 replica(s)" → "2 replicas", for the nouns findings count.
std::string agree_counts(const std::string& text);

}  // namespace faultline::rules::detail
