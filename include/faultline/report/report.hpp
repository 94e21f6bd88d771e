#pragma once
/// Report writers: one Analysis in, one document out, in the format the user chose.
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/pipeline.hpp"

namespace faultline::report {

/// What the user asked the report to contain.
struct ReportOptions {
  bool color = false;            ///< ANSI colours (only ever for a terminal)
  bool coverage = false;         ///< the coverage table / the JSON `coverage` array
  bool show_suppressed = false;  ///< list suppressed findings too (always counted)
  bool quiet = false;            ///< text: findings and error diagnostics only, no summary
  bool plan_only = false;        ///< only the fix plan (`faultline plan`, `check --plan-only`)
  std::string helm_release;      ///< --helm-release NAME: the release the plan's helm upgrade names
  std::string fail_on = "error";  ///< --fail-on (resolved): JUnit failures and the Markdown verdict follow it
  std::string sarif_root;         ///< --sarif-root DIR: SARIF URIs are relative to it; "" = the current directory
};

/// A report format: its name for --format, a one-line description, and its writer.
struct Format {
  std::string name;
  std::string description;
  std::function<void(const Analysis&, const ReportOptions&, std::ostream&)> write;
};

/// Every format, in the order --help lists them. Adding a format is one line in formats.cpp.
const std::vector<Format>& formats();
/// The format called `name`, or null.
const Format* find_format(std::string_view name);

/// Text for people: findings grouped by object (worst first), diagnostics, coverage, summary.
void write_text(const Analysis& analysis, const ReportOptions& options, std::ostream& out);
/// JSON, schema version 1 (documented in README "JSON output").
void write_json(const Analysis& analysis, const ReportOptions& options, std::ostream& out);
/// SARIF 2.1.0 for code scanning: every rule of the catalogue, one result per listed finding.
void write_sarif(const Analysis& analysis, const ReportOptions& options, std::ostream& out);
/// JUnit XML for CI test reports: a test suite per rule, a test case per object it examined.
void write_junit(const Analysis& analysis, const ReportOptions& options, std::ostream& out);
/// Markdown for a pull-request comment or a review: verdict, counts, SPOFs, coverage, details.
void write_markdown(const Analysis& analysis, const ReportOptions& options, std::ostream& out);

/// "file:line:column: severity: message" (parts that are unknown left out), like a compiler.
std::string format_diagnostic(const Diagnostic& diagnostic, bool color = false);

/// The findings a report lists: unsuppressed ones, plus suppressed ones with show_suppressed.
std::vector<const rules::Finding*> listed_findings(const Analysis& analysis, const ReportOptions& options);

/// True when `finding` makes the exit code 1 under `fail_on` ("error", "warning", "info", "never").
bool fails_check(const rules::Finding& finding, std::string_view fail_on);

}  // namespace faultline::report
