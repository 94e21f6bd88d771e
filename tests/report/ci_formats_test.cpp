// JUnit and Markdown reports, and the escaping behind them: names and values from the input stay
// text (no XML or HTML injection, no broken table), control characters never appear raw, and
// large inputs give a short Markdown report.
#include <algorithm>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "faultline/report/escape.hpp"
#include "faultline/report/report.hpp"
#include "sample_analysis.hpp"

using namespace faultline;

namespace {

std::string render(void (*writer)(const Analysis&, const report::ReportOptions&, std::ostream&), const Analysis& a,
                   const report::ReportOptions& options = {}) {
  std::ostringstream out;
  writer(a, options, out);
  return out.str();
}

std::unique_ptr<Analysis> analysis_of_text(const std::string& text) {
  AnalysisOptions options;
  options.text = text;
  return analyze(options);
}

/// A Deployment with `replicas` replicas, its name quoted as a YAML double-quoted string.
std::string deployment(const std::string& quoted_name, int replicas) {
  return fmt::format(
      "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {}\n  namespace: shop\n"
      "spec:\n  replicas: {}\n  selector: {{matchLabels: {{app: a}}}}\n"
      "  template: {{metadata: {{labels: {{app: a}}}}, spec: {{containers: [{{name: c, image: i}}]}}}}\n",
      quoted_name, replicas);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

bool has_raw_control(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n') || u == 0x7F;
  });
}

/// The lines of `text` that start with `prefix`.
std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with(prefix)) out.push_back(line);
  return out;
}

/// `markdown` without its fenced code blocks (the only place where '<' may stay as is).
std::string outside_code(const std::string& markdown) {
  std::string out;
  bool fenced = false;
  std::istringstream in(markdown);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("```")) fenced = !fenced;
    else if (!fenced) out += line + "\n";
  }
  return out;
}

const std::string kHostileName = R"("web|x<b>`y`\e[2J\nforged: line")";

}  // namespace

TEST_SUITE("ci formats") {
  TEST_CASE("xml_escape: markup escaped, characters XML 1.0 forbids removed, tab and newline kept") {
    CHECK(report::xml_escape(R"(<a href="x">&'</a>)") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    CHECK(report::xml_escape(std::string("a\x01\x1b[0m\tb\nc\rd\x7f", 13)) == "a[0m\tb\nc\rd\x7f");
    CHECK(report::xml_escape(std::string("nul\0here", 8)) == "nulhere");
    CHECK(report::xml_escape("\xef\xbf\xbe|\xef\xbf\xbf|\xef\xbf\xbd") == "||\xef\xbf\xbd");  // U+FFFE, U+FFFF out; U+FFFD kept
    CHECK(report::xml_escape("caf\xc3\xa9 \xff\xc3") == "caf\xc3\xa9 ");  // invalid UTF-8 removed
    CHECK(report::xml_escape("\xf0\x9f\x98\x80") == "\xf0\x9f\x98\x80");
  }

  TEST_CASE("markdown_text: no HTML, no table break, no code span, no new line from the input") {
    CHECK(report::markdown_text("a|b") == "a\\|b");
    CHECK(report::markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(report::markdown_text("`code` *em* _u_ ~s~ [l](u) ![i](u) # h") ==
          "\\`code\\` \\*em\\* \\_u\\_ \\~s\\~ \\[l\\](u) \\!\\[i\\](u) \\# h");
    CHECK(report::markdown_text("&amp;") == "&amp;amp;");
    CHECK(report::markdown_text("one\ntwo\r\x1b[1m") == "one\\\\ntwo\\\\r\\\\x1b\\[1m");
    CHECK(report::markdown_text("back\\slash") == "back\\\\slash");
    CHECK(report::markdown_code("single-replica") == "`single-replica`");
    CHECK(report::markdown_code("a`b|c") == "a\\`b\\|c");
    CHECK(report::markdown_code("") == "");
  }

  TEST_CASE("JUnit: a suite per rule that ran, a case per examined object, failures at or above --fail-on") {
    const auto a = analysis_of_text(deployment("web", 1) + deployment("api", 3));
    REQUIRE(a->examined.count("single-replica"));
    const auto xml = render(report::write_junit, *a);
    INFO(xml);
    CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"faultline\""));
    CHECK(xml.ends_with("</testsuites>\n"));
    std::size_t suites = 0;
    for (const auto& rule : a->catalogue.rules) suites += rule.enabled && a->examined.count(rule.id) ? 1 : 0;
    CHECK(count(xml, "<testsuite name=") == suites);
    // single-replica examined both Deployments and fails on one.
    const auto begin = xml.find("<testsuite name=\"single-replica\" tests=\"2\" failures=\"1\" errors=\"0\">");
    REQUIRE(begin != std::string::npos);
    const auto suite = xml.substr(begin, xml.find("</testsuite>", begin) - begin);
    CHECK(count(suite, "<testcase ") == 2);
    CHECK(suite.find("<testcase name=\"Deployment/shop/api\" classname=\"core.single-replica\" file=\"&lt;input&gt;\" line=") !=
          std::string::npos);
    CHECK(count(suite, "<failure message=") == 1);
    CHECK(suite.find("type=\"error\">&lt;input&gt;:") != std::string::npos);  // location first, then message and fix
    CHECK(suite.find("\nFix: ") != std::string::npos);

    std::size_t error_findings = 0, warning_findings = 0;
    for (const auto& f : a->findings) {
      error_findings += f.severity == Severity::error ? 1 : 0;
      warning_findings += f.severity == Severity::warning ? 1 : 0;
    }
    REQUIRE(warning_findings > 0);
    report::ReportOptions warning;
    warning.fail_on = "warning";
    const auto strict = render(report::write_junit, *a, warning);
    CHECK(count(strict, "<failure ") == error_findings + warning_findings);
    CHECK(count(xml, "<failure ") == error_findings);
    CHECK(count(xml, "<system-out>warning: ") >= 1);  // below --fail-on: shown, not failed
    report::ReportOptions never;
    never.fail_on = "never";
    CHECK(count(render(report::write_junit, *a, never), "<failure ") == 0);
  }

  TEST_CASE("JUnit: one failure per test case; a finding a specific rule absorbed shows in the generic suite, not failed") {
    auto a = test::sample_analysis();
    a->catalogue.rules.resize(2);
    a->catalogue.rules[0].id = "pdb-missing";
    a->catalogue.rules[1].id = "single-replica";
    for (auto& rule : a->catalogue.rules) {
      rule.pack = "core";
      a->examined[rule.id] = 1;
    }
    a->findings.resize(2);
    a->findings[1] = a->findings[0];
    a->findings[1].subject = "second";
    a->findings[1].message = "second problem";
    a->findings[0].also_matched = {{"pdb-missing", "", ""}};
    const auto xml = render(report::write_junit, *a);
    INFO(xml);
    const auto single = xml.substr(xml.find("<testsuite name=\"single-replica\""));
    CHECK(single.starts_with("<testsuite name=\"single-replica\" tests=\"1\" failures=\"1\""));
    CHECK(count(single, "<failure ") == 1);
    CHECK(single.find("(and 1 more)\" type=\"error\">") != std::string::npos);
    CHECK(single.find("second problem") != std::string::npos);
    const auto pdb = xml.substr(xml.find("<testsuite name=\"pdb-missing\""), single.size());
    CHECK(pdb.starts_with("<testsuite name=\"pdb-missing\" tests=\"1\" failures=\"0\""));
    CHECK(pdb.find("<system-out>also matched, reported as single-replica: deploy/web.yaml:3") != std::string::npos);
  }

  TEST_CASE("JUnit: hostile names are escaped, control characters never raw; input errors are errors") {
    auto a = analysis_of_text(deployment(kHostileName, 1) + "---\nkind: [unclosed\n");
    const auto xml = render(report::write_junit, *a);
    INFO(xml);
    CHECK_FALSE(has_raw_control(xml));
    CHECK(xml.find("<b>") == std::string::npos);
    CHECK(xml.find("Deployment/shop/web|x&lt;b&gt;`y`\\x1b[2J\\nforged: line") != std::string::npos);
    CHECK(lines_starting(xml, "forged").empty());
    CHECK(xml.find("<testsuite name=\"inputs\" tests=\"1\" failures=\"0\" errors=\"1\">") != std::string::npos);
    CHECK(xml.find("<error message=") != std::string::npos);
    const auto head = xml.substr(0, xml.find('\n', xml.find("<testsuites")));
    CHECK(head.find("errors=\"1\"") != std::string::npos);
  }

  TEST_CASE("Markdown: verdict, counts, SPOFs with blast radius and fix, details folded") {
    const auto a = analysis_of_text(deployment("web", 1) + deployment("api", 3));
    const auto md = render(report::write_markdown, *a);
    INFO(md);
    CHECK(md.starts_with("**faultline: fails**: 1 error, "));
    CHECK(md.find("| severity | findings |\n|---|---:|\n| error | 1 |") != std::string::npos);
    CHECK(md.find("### Single points of failure (1)") != std::string::npos);
    CHECK(md.find("| Deployment/shop/web | 1 replica | nothing depends on it | Run at least 2 replicas") != std::string::npos);
    CHECK(md.find("<details><summary>Fix plan: ") != std::string::npos);
    CHECK(md.find("```\n# Deployment/shop/web (single-replica)") != std::string::npos);
    CHECK(md.find("<details><summary>What to fix: ") != std::string::npos);
    CHECK(md.find("</details>") != std::string::npos);
    CHECK(md.find("### Coverage") == std::string::npos);  // no inventory, no coverage summary
    CHECK(md.find("<sub>faultline " FAULTLINE_VERSION ": ") != std::string::npos);

    const auto clean = analysis_of_text(deployment("api", 3));
    report::ReportOptions never;
    never.fail_on = "never";
    CHECK(render(report::write_markdown, *a, never).starts_with("**faultline: passes**"));
    CHECK(render(report::write_markdown, *clean).find("### Single points of failure") == std::string::npos);
  }

  TEST_CASE("Markdown: an incomplete analysis says so; a hostile name breaks no table and injects no HTML") {
    const auto a = analysis_of_text(deployment(kHostileName, 1) + "---\nkind: [unclosed\n");
    report::ReportOptions never;
    never.fail_on = "never";
    const auto md = render(report::write_markdown, *a, never);
    INFO(md);
    CHECK(md.starts_with("**faultline: incomplete**"));
    CHECK(md.find("<summary>Input problems: 1 error") != std::string::npos);
    CHECK_FALSE(has_raw_control(md));
    CHECK(outside_code(md).find("<b>") == std::string::npos);  // inside a fence it is shown, not rendered
    CHECK(lines_starting(md, "forged").empty());
    const auto rows = lines_starting(md, "| Deployment/shop/web");
    REQUIRE(rows.size() == 1);
    // Four cells: five unescaped pipes, however many the name holds.
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < rows[0].size(); ++i) pipes += rows[0][i] == '|' && (i == 0 || rows[0][i - 1] != '\\') ? 1 : 0;
    CHECK(pipes == 5);
    CHECK(rows[0].find("web\\|x&lt;b&gt;\\`y\\`\\\\x1b\\[2J\\\\nforged: line") != std::string::npos);
  }

  TEST_CASE("Markdown stays short on large inputs: capped lists, the rest counted") {
    std::string manifests;
    for (int i = 0; i < 60; ++i) manifests += deployment(fmt::format("app-{:02}", i), 1);
    const auto a = analysis_of_text(manifests);
    const auto md = render(report::write_markdown, *a);
    INFO(md);
    CHECK(md.find("### Single points of failure (60)") != std::string::npos);
    CHECK(lines_starting(md, "| Deployment/").size() == 10);
    CHECK(md.find("…and 50 more single points of failure") != std::string::npos);
    CHECK(lines_starting(md, "- **").size() <= 25);
    CHECK(md.find("on 60 objects: Deployment/shop/app-00, Deployment/shop/app-01, Deployment/shop/app-02, "
                  "Deployment/shop/app-03, Deployment/shop/app-04 and 55 more") != std::string::npos);
    CHECK(md.find("Deployment/shop/app-04 and 55 more (single-replica): merge into each manifest") != std::string::npos);
    CHECK(count(md, "\n") < 150);  // a comment, not a dump: 60 workloads, a few lines each otherwise
    CHECK(md.size() < 10000);
  }

  TEST_CASE("Markdown caps the items to act on and the input problems, and counts the rest") {
    auto a = test::sample_analysis();
    a->findings.clear();
    for (int i = 0; i < 30; ++i) {  // thirty different rules: nothing folds
      rules::Finding f;
      f.rule = fmt::format("rule-{:02}", i);
      f.object = {"apps/v1", "Deployment", "shop", fmt::format("app-{:02}", i)};
      f.message = "m";
      a->findings.push_back(f);
    }
    a->diagnostics.clear();
    for (int i = 1; i <= 23; ++i) a->diagnostics.push_back({Severity::error, {"bad.yaml", i, 1, ""}, "cannot parse"});
    const auto md = render(report::write_markdown, *a);
    INFO(md);
    CHECK(md.find("<summary>What to fix: 30 findings</summary>") != std::string::npos);
    CHECK(lines_starting(md, "- **warning** `rule-").size() == 25);
    CHECK(md.find("…and 5 more items") != std::string::npos);
    CHECK(lines_starting(md, "- bad.yaml:").size() == 20);
    CHECK(md.find("…and 3 more input problems") != std::string::npos);
  }

  TEST_CASE("all three formats are registered for --format") {
    for (const char* name : {"sarif", "junit", "markdown"}) {
      CAPTURE(name);
      REQUIRE(report::find_format(name) != nullptr);
      CHECK_FALSE(report::find_format(name)->description.empty());
    }
  }
}
