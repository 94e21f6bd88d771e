// JUnit XML as CI systems show test reports (GitLab `artifacts:reports:junit`, Jenkins): one
// test suite per rule that ran, one test case per object the rule examined, a failure for each
// finding at or above --fail-on, and a suite of errors for inputs that could not be analyzed.
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "faultline/report/escape.hpp"
#include "faultline/report/report.hpp"
#include "faultline/report/terminal_text.hpp"
#include "report_words.hpp"

namespace faultline::report {

namespace {

/// Input text as an XML attribute or character data: control characters shown as escapes
/// (terminal_text), then XML markup escaped.
std::string xml_text(std::string_view text) { return xml_escape(terminal_text(text)); }

/// One test case: an object a rule examined, with the rule's findings on it.
struct Case {
  std::string file;
  int line = 0;
  std::vector<const rules::Finding*> findings;
};

/// One test suite: a rule, its test cases by object name (sorted: stable across input order).
struct Suite {
  const rules::Rule* rule = nullptr;
  std::map<std::string, Case> cases;
  std::size_t failures = 0;
};

/// The failure text: where, what, the evidence and the fix, one per line.
std::string finding_body(const rules::Finding& f) {
  std::string body = location_words(f.where);
  body += (body.empty() ? "" : ": ") + terminal_text(f.message);
  for (const auto& line : f.evidence) body += "\n- " + terminal_text(line);
  if (!f.remediation.empty()) body += "\nFix: " + terminal_text(f.remediation);
  if (!f.blast_radius.empty()) body += "\nBlast radius: " + plural(f.blast_radius.size(), "workload");
  return body;
}

void write_case(const std::string& name, const Case& c, const Suite& suite, const ReportOptions& options,
                std::ostream& out) {
  out << "    <testcase name=\"" << xml_text(name) << "\" classname=\"" << xml_text(suite.rule->pack) << '.'
      << xml_text(suite.rule->id) << '"';
  if (!c.file.empty()) out << " file=\"" << xml_text(c.file) << '"';
  if (c.line > 0) out << " line=\"" << c.line << '"';
  if (c.findings.empty()) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  std::vector<const rules::Finding*> failed;  // worst first, as the pipeline sorted them
  std::string passed;  // below --fail-on, suppressed, or absorbed by a more specific rule: shown, not failed
  for (const auto* f : c.findings) {
    if (f->rule != suite.rule->id) {
      passed += fmt::format("also matched, reported as {}: {}\n", terminal_text(f->rule), finding_body(*f));
    } else if (fails_check(*f, options.fail_on)) {
      failed.push_back(f);
    } else {
      passed += fmt::format("{}{}: {}\n", to_string(f->severity),
                            f->suppressed ? " (suppressed: " + terminal_text(f->suppression) + ")" : "", finding_body(*f));
    }
  }
  // One <failure> per test case (what CI viewers show); several findings of the rule share it.
  if (!failed.empty()) {
    std::string message = terminal_text(failed.front()->message), body;
    if (failed.size() > 1) message += fmt::format(" (and {} more)", failed.size() - 1);
    for (const auto* f : failed) body += (body.empty() ? "" : "\n\n") + finding_body(*f);
    out << "      <failure message=\"" << xml_escape(message) << "\" type=\"" << to_string(failed.front()->severity)
        << "\">" << xml_escape(body) << "</failure>\n";
  }
  if (!passed.empty()) out << "      <system-out>" << xml_escape(passed) << "</system-out>\n";
  out << "    </testcase>\n";
}

/// Test cases of every rule that ran: the objects it examined, plus the objects its findings name
/// (a namespace or the cluster) and the findings it absorbed from generic rules.
std::vector<Suite> build_suites(const Analysis& analysis, const ReportOptions& options) {
  std::vector<Suite> suites;
  std::map<std::string, std::size_t> index;
  for (const auto& rule : analysis.catalogue.rules) {
    if (!rule.enabled || !analysis.examined.count(rule.id)) continue;
    index.emplace(rule.id, suites.size());
    Suite& suite = suites.emplace_back();
    suite.rule = &rule;
    if (const auto it = analysis.examined_objects.find(rule.id); it != analysis.examined_objects.end())
      for (const auto* meta : it->second) suite.cases.try_emplace(meta->ref.display(), Case{meta->where.file, meta->where.line, {}});
  }
  const auto add = [&](const std::string& rule, const rules::Finding& f) {
    const auto it = index.find(rule);
    if (it == index.end()) return;
    auto& c = suites[it->second].cases.try_emplace(f.object.display(), Case{f.where.file, f.where.line, {}}).first->second;
    c.findings.push_back(&f);
  };
  for (const auto* f : listed_findings(analysis, options)) {
    add(f->rule, *f);
    for (const auto& also : f->also_matched) add(also.rule, *f);
  }
  for (auto& suite : suites)
    for (const auto& [name, c] : suite.cases)
      for (const auto* f : c.findings)
        if (f->rule == suite.rule->id && fails_check(*f, options.fail_on)) {
          ++suite.failures;
          break;
        }
  return suites;
}

void write_input_errors(const std::vector<const Diagnostic*>& errors, std::ostream& out) {
  if (errors.empty()) return;
  out << "  <testsuite name=\"inputs\" tests=\"" << errors.size() << "\" failures=\"0\" errors=\"" << errors.size()
      << "\">\n";
  for (const auto* d : errors) {
    const std::string where = location_words(d->where);
    out << "    <testcase name=\"" << xml_escape(where.empty() ? "input" : where) << "\" classname=\"inputs\"";
    if (!d->where.file.empty()) out << " file=\"" << xml_text(d->where.file) << '"';
    out << ">\n      <error message=\"" << xml_text(d->message) << "\" type=\"error\">"
        << xml_escape(format_diagnostic(*d)) << "</error>\n    </testcase>\n";
  }
  out << "  </testsuite>\n";
}

}  // namespace

void write_junit(const Analysis& analysis, const ReportOptions& options, std::ostream& out) {
  const auto suites = build_suites(analysis, options);
  std::vector<const Diagnostic*> errors;
  for (const auto& d : analysis.diagnostics)
    if (d.severity == Severity::error) errors.push_back(&d);
  std::size_t tests = errors.size(), failures = 0;
  for (const auto& suite : suites) {
    tests += suite.cases.size();
    failures += suite.failures;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"faultline\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\""
      << errors.size() << "\">\n";
  write_input_errors(errors, out);
  for (const auto& suite : suites) {
    out << "  <testsuite name=\"" << xml_text(suite.rule->id) << "\" tests=\"" << suite.cases.size()
        << "\" failures=\"" << suite.failures << "\" errors=\"0\">\n";
    for (const auto& [name, c] : suite.cases) write_case(name, c, suite, options, out);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace faultline::report
