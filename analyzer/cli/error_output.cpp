#include "error_output.hpp"

#include "faultline/report/report.hpp"

namespace faultline::cli {

void print_errors(const Diagnostics& diagnostics, Environment& env, bool color) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) env.err << report::format_diagnostic(d, color) << '\n';
}

}  // namespace faultline::cli
