#pragma once
// JSON string and string-list literals for the graph's JSON writers.
#include <string>
#include <vector>

namespace faultline::graph {

/// `text` as a quoted, escaped JSON string.
std::string json_string(const std::string& text);
/// `items` as a one-line JSON array of strings.
std::string json_list(const std::vector<std::string>& items);

}  // namespace faultline::graph
