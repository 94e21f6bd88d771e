#pragma once
// How every subcommand puts errors on the terminal: one line each on stderr, never in the report.
#include "command.hpp"

namespace faultline::cli {

/// Writes each error-severity diagnostic of `diagnostics` to env.err, one formatted line each
/// (warnings and notes belong to the report, not to stderr).
void print_errors(const Diagnostics& diagnostics, Environment& env, bool color = false);

}  // namespace faultline::cli
