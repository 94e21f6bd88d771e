#pragma once
// Where a report goes: stdout, or the --output file, which appears only once the report is complete.
#include <functional>
#include <ostream>
#include <string>

#include "command.hpp"

namespace faultline::cli {

/// Writes `body` to `output` (stdout when empty); false, with a message on stderr, when the file
/// cannot be written. A failed write to stdout is reported once, when the command returns (app.cpp).
bool write_result(const std::string& output, Environment& env, const std::function<void(std::ostream&)>& body);

}  // namespace faultline::cli
