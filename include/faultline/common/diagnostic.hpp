#pragma once
/// Problems with the input itself (not findings about availability), returned as values.
#include <string>
#include <vector>

#include "faultline/common/location.hpp"
#include "faultline/common/severity.hpp"

namespace faultline {

/// One message about the input: a document that failed to parse, a field of the wrong type, ...
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace faultline
