#include "faultline/report/report.hpp"

namespace faultline::report {

const std::vector<Format>& formats() {
  static const std::vector<Format> all = {
      {"text", "findings grouped by object, for people (default)", write_text},
      {"json", "the versioned JSON schema of the README, for tools", write_json},
      {"sarif", "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers", write_sarif},
      {"junit", "JUnit XML test reports for CI (GitLab, Jenkins): a suite per rule", write_junit},
      {"markdown", "a pull-request comment or review: verdict, SPOFs, coverage, details", write_markdown},
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

bool fails_check(const rules::Finding& finding, std::string_view fail_on) {
  const auto threshold = parse_severity(fail_on);  // "never" has none
  return !finding.suppressed && threshold && finding.severity >= *threshold;
}

}  // namespace faultline::report
