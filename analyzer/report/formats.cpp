#include "faultline/report/report.hpp"

namespace faultline::report {

const std::vector<Format>& formats() {
  // sarif, junit and markdown writers add one line each here.
  static const std::vector<Format> all = {
      {"text", "findings grouped by object, for people (default)", write_text},
      {"json", "the versioned JSON schema of the README, for tools", write_json},
  };
  return all;
}

const Format* find_format(std::string_view name) {
  for (const auto& format : formats()) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

std::vector<const rules::Finding*> listed_findings(const Analysis& analysis, const ReportOptions& options) {
  std::vector<const rules::Finding*> out;
  for (const auto& finding : analysis.findings) {
    if (!finding.suppressed || options.show_suppressed) out.push_back(&finding);
  }
  return out;
}

}  // namespace faultline::report
