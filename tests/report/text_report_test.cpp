#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "faultline/report/coverage.hpp"
#include "faultline/report/report.hpp"
#include "sample_analysis.hpp"

using namespace faultline;

namespace {

std::string render_text(const Analysis& a, report::ReportOptions options) {
  std::ostringstream out;
  report::write_text(a, options, out);
  return out.str();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("text report groups findings by object with location, template, evidence and fix") {
  const auto a = test::sample_analysis();
  const auto text = render_text(*a, {});
  CHECK(contains(text, "Deployment/shop/web  deploy/web.yaml:3 (template shop/templates/web.yaml)\n"));
  CHECK(contains(text, "  error [single-replica] Deployment web runs 1 replica"));
  CHECK(contains(text, "      - spec.replicas: 1\n"));
  CHECK(contains(text, "      fix: Set spec.replicas to 2 or more.\n"));
  CHECK(contains(text, "      blast radius (1): Deployment/shop/api\n"));
  CHECK(contains(text, "StatefulSet/shop/db  deploy/db.yaml:1\n  expanded from Postgres/shop/main\n"));
  CHECK(contains(text, "  warning [pdb-missing] "));
  CHECK(text.find("Deployment/shop/web") < text.find("StatefulSet/shop/db"));  // worst first
  CHECK_FALSE(contains(text, "no-node-spread"));                                // suppressed
  CHECK_FALSE(contains(text, "could not parse"));  // errors go to stderr (the command prints them), not the report
  CHECK(contains(text, "4 documents, 6 objects, 2 workloads, 1 skipped, 1 failed: 1 error, 1 warning, 0 infos, 1 suppressed\n"));
  CHECK_FALSE(contains(text, "Coverage"));
  CHECK_FALSE(contains(text, "\x1b["));
}

TEST_CASE("text report shows suppressed findings on request") {
  const auto a = test::sample_analysis();
  report::ReportOptions options;
  options.show_suppressed = true;
  CHECK(contains(render_text(*a, options), "  warning [no-node-spread] (suppressed: annotation: accepted) "));
}

TEST_CASE("text report colours only when asked") {
  const auto a = test::sample_analysis();
  report::ReportOptions options;
  options.color = true;
  CHECK(contains(render_text(*a, options), "\x1b[1;31merror\x1b[0m"));
}

TEST_CASE("quiet text report keeps findings, drops diagnostics and the summary") {
  const auto a = test::sample_analysis();
  report::ReportOptions options;
  options.quiet = true;
  const auto text = render_text(*a, options);
  CHECK(contains(text, "[single-replica]"));
  CHECK_FALSE(contains(text, "deploy/bad.yaml:7:3: error"));
  CHECK_FALSE(contains(text, "documents"));
}

TEST_CASE("a clean analysis says so") {
  Analysis a;
  a.summary.documents = 1;
  a.summary.objects = 1;
  const auto text = render_text(a, {});
  CHECK(text == "No findings.\n1 document, 1 object, 0 workloads, 0 skipped, 0 failed: 0 errors, 0 warnings, 0 infos, 0 suppressed\n");
}

TEST_CASE("coverage table: one row per workload, a column per key with domains, and a survival summary") {
  const auto a = test::sample_analysis();
  report::ReportOptions options;
  options.coverage = true;
  const auto text = render_text(*a, options);
  CHECK(contains(text, "WORKLOAD             REPLICAS  ELIGIBLE NODES  node            zone\n"));
  CHECK(contains(text, "Deployment/shop/web  1         3               3/1/0 fails     2/1/0 fails\n"));
  CHECK(contains(text, "StatefulSet/shop/db  3         3               3/1/2 survives  2/2/1 survives\n"));
  CHECK(contains(text, "Workloads that survive the loss of any one node: 1 of 2; one zone: 1 of 2\n"));
  CHECK_FALSE(contains(text, "region"));  // no node carries the region label
}

TEST_CASE("coverage keys include an asked-for key even without domains") {
  auto a = test::sample_analysis();
  a->inventory.topology_keys.push_back("rack");
  a->inventory.extra_keys.push_back("rack");
  const auto keys = report::coverage_keys(*a);
  REQUIRE(keys.size() == 3);
  CHECK(keys[2] == "rack");
  const auto summary = report::coverage_summary(*a);
  CHECK_FALSE(summary[2].has_domains);
  CHECK(report::short_key_name("rack") == "rack");
  CHECK(report::short_key_name("topology.kubernetes.io/zone") == "zone");
}

TEST_CASE("formats table knows text and json") {
  REQUIRE(report::find_format("text") != nullptr);
  REQUIRE(report::find_format("json") != nullptr);
  CHECK(report::find_format("yaml") == nullptr);
}

TEST_CASE("text report lists baseline entries that no longer occur") {
  auto a = test::sample_analysis();
  a->stale_baseline.push_back({"abc", "pdb-missing", "Deployment/shop/old", "pods"});
  const auto text = render_text(*a, {});
  CHECK(contains(text, "Baseline entries no longer found (1), fixed since the baseline was written:\n"
                       "  pdb-missing Deployment/shop/old (pods)\n"));
}

TEST_CASE("diagnostics print like a compiler's") {
  CHECK(report::format_diagnostic({Severity::warning, {"a.yaml", 4, 0, ""}, "odd"}) == "a.yaml:4: warning: odd");
  CHECK(report::format_diagnostic({Severity::error, {}, "no input"}) == "faultline: error: no input");
}

TEST_CASE("text report ranks single points of failure by blast radius, largest first") {
  auto a = test::sample_analysis();
  REQUIRE(a->findings.size() >= 2);
  a->findings[0].blast_radius = {"Deployment/shop/web"};
  a->findings[1].blast_radius = {"Deployment/shop/web", "Deployment/shop/worker", "Deployment/shop/cron"};
  const auto text = render_text(*a, {});
  const auto heading = text.find("Single points of failure by blast radius");
  REQUIRE(heading != std::string::npos);
  const auto big = text.find(fmt::format("     3  {}", a->findings[1].object.display()), heading);
  const auto small = text.find(fmt::format("     1  {}", a->findings[0].object.display()), heading);
  if (a->findings[0].object == a->findings[1].object) {
    CHECK(big != std::string::npos);  // one object: its largest radius counts
  } else {
    REQUIRE(big != std::string::npos);
    REQUIRE(small != std::string::npos);
    CHECK(big < small);
  }
  report::ReportOptions quiet;
  quiet.quiet = true;
  CHECK_FALSE(contains(render_text(*a, quiet), "Single points of failure by blast radius"));
}

TEST_CASE("text report names the first 20 workloads of a blast radius and counts the rest") {
  auto a = test::sample_analysis();
  auto& f = a->findings.front();
  f.blast_radius.clear();
  for (int i = 0; i < 25; ++i) f.blast_radius.push_back(fmt::format("Deployment/ring/w{:02}", i));
  const auto text = render_text(*a, {});
  CHECK(contains(text, "      blast radius (25): Deployment/ring/w00, Deployment/ring/w01, "));
  CHECK(contains(text, "Deployment/ring/w19 and 5 more (--format json lists them all)\n"));
  CHECK_FALSE(contains(text, "Deployment/ring/w20"));
  f.blast_radius.resize(20);
  CHECK(contains(render_text(*a, {}), "Deployment/ring/w19\n"));  // exactly 20: all named, no count
}
