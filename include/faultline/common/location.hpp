#pragma once
/// Where a value came from: the first thing every stage keeps and every finding points back to.
#include <string>

namespace faultline {

/// A position in an input file, plus the Helm template that rendered it (from `# Source:`).
struct SourceLocation {
  std::string file;           ///< path as given on the command line; "<stdin>" for standard input
  int line = 0;               ///< 1-based; 0 when unknown
  int column = 0;             ///< 1-based; 0 when unknown
  std::string helm_template;  ///< e.g. "runai-backend/templates/frontend.yaml"; empty when absent
};

}  // namespace faultline
