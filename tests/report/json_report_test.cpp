#include <sstream>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "faultline/report/report.hpp"
#include "sample_analysis.hpp"

using namespace faultline;

namespace {

std::string render_json(const Analysis& a, report::ReportOptions options) {
  std::ostringstream out;
  report::write_json(a, options, out);
  return out.str();
}

}  // namespace

TEST_CASE("JSON report follows the documented schema") {
  const auto a = test::sample_analysis();
  const auto text = render_json(*a, {});
  const YAML::Node doc = YAML::Load(text);  // JSON is valid YAML: parses only if well formed
  CHECK(doc["version"].as<int>() == 1);
  REQUIRE(doc["findings"].size() == 2);  // the suppressed one is not listed
  const auto f = doc["findings"][0];
  CHECK(f["rule"].as<std::string>() == "single-replica");
  CHECK(f["severity"].as<std::string>() == "error");
  CHECK(f["object"]["apiVersion"].as<std::string>() == "apps/v1");
  CHECK(f["object"]["kind"].as<std::string>() == "Deployment");
  CHECK(f["object"]["namespace"].as<std::string>() == "shop");
  CHECK(f["object"]["name"].as<std::string>() == "web");
  CHECK(f["location"]["file"].as<std::string>() == "deploy/web.yaml");
  CHECK(f["location"]["line"].as<int>() == 3);
  CHECK(f["location"]["template"].as<std::string>() == "shop/templates/web.yaml");
  CHECK(f["remediation"].as<std::string>() == "Set spec.replicas to 2 or more.");
  CHECK(f["evidence"][0].as<std::string>() == "spec.replicas: 1");
  CHECK(f["blastRadius"][0].as<std::string>() == "Deployment/shop/api");
  CHECK(f["expandedFrom"].IsNull());
  const auto g = doc["findings"][1];
  CHECK(g["message"].as<std::string>() == "No PodDisruptionBudget selects the pods of \"db\"\tyet.");
  CHECK(g["location"]["template"].IsNull());
  CHECK(g["expandedFrom"].as<std::string>() == "Postgres/shop/main");
  CHECK(doc["coverage"].size() == 0);  // only with coverage on
  REQUIRE(doc["diagnostics"].size() == 1);
  CHECK(doc["diagnostics"][0]["severity"].as<std::string>() == "error");
  CHECK(doc["diagnostics"][0]["file"].as<std::string>() == "deploy/bad.yaml");
  CHECK(doc["diagnostics"][0]["line"].as<int>() == 7);
  const auto s = doc["summary"];
  CHECK(s["documents"].as<int>() == 4);
  CHECK(s["objects"].as<int>() == 6);
  CHECK(s["workloads"].as<int>() == 2);
  CHECK(s["skipped"].as<int>() == 1);
  CHECK(s["failed"].as<int>() == 1);
  CHECK(s["errors"].as<int>() == 1);
  CHECK(s["warnings"].as<int>() == 1);
  CHECK(s["infos"].as<int>() == 0);
  CHECK(s["suppressed"].as<int>() == 1);
}

TEST_CASE("JSON report lists suppressed findings on request, marked as such") {
  const auto a = test::sample_analysis();
  report::ReportOptions options;
  options.show_suppressed = true;
  const YAML::Node doc = YAML::Load(render_json(*a, options));
  REQUIRE(doc["findings"].size() == 3);
  CHECK(doc["findings"][2]["suppressed"].as<bool>());
  CHECK(doc["findings"][2]["suppression"].as<std::string>() == "annotation: accepted");
  CHECK_FALSE(doc["findings"][0]["suppressed"].as<bool>());
}

TEST_CASE("JSON coverage entries carry replicas, eligible nodes and every level") {
  const auto a = test::sample_analysis();
  report::ReportOptions options;
  options.coverage = true;
  const YAML::Node doc = YAML::Load(render_json(*a, options));
  REQUIRE(doc["coverage"].size() == 2);
  const auto db = doc["coverage"][1];
  CHECK(db["object"]["name"].as<std::string>() == "db");
  CHECK(db["replicas"].as<int>() == 3);
  CHECK(db["eligibleNodes"].as<int>() == 3);
  const auto zone = db["levels"]["topology.kubernetes.io/zone"];
  CHECK(zone["domains"].as<int>() == 2);
  CHECK(zone["maxInOneDomain"].as<int>() == 2);
  CHECK(zone["survivorsAfterWorstLoss"].as<int>() == 1);
  CHECK(zone["verdict"].as<std::string>() == "survives");
  CHECK(doc["coverage"][0]["levels"]["kubernetes.io/hostname"]["verdict"].as<std::string>() == "does-not-survive");
}

TEST_CASE("JSON without an inventory writes eligibleNodes as null") {
  auto a = test::sample_analysis();
  a->placement.workloads[0].eligible_nodes.reset();
  report::ReportOptions options;
  options.coverage = true;
  const YAML::Node doc = YAML::Load(render_json(*a, options));
  CHECK(doc["coverage"][0]["eligibleNodes"].IsNull());
}

TEST_CASE("JSON report is byte-identical across runs") {
  const auto a = test::sample_analysis();
  report::ReportOptions options;
  options.coverage = true;
  CHECK(render_json(*a, options) == render_json(*a, options));
}
