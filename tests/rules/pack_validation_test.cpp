// Packs are validated on load; every error is reported with the pack file's file:line.
#include <doctest/doctest.h>

#include "faultline/rules/engine.hpp"
#include "temp_dir.hpp"

using namespace faultline;

namespace {

const char* kValid = R"(id: {ID}
template: min-replicas
params:
  min: 3
severity: warning
summary: Fewer than three replicas.
message: "{object} runs {replicas} replicas."
remediation: Run three replicas.
)";

std::string rule_text(const std::string& id, const std::string& from, const std::string& to) {
  std::string text = kValid;
  text.replace(text.find("{ID}"), 4, id);
  if (!from.empty()) text.replace(text.find(from), from.size(), to);
  return text;
}

/// Loads the one pack file `id`.yaml holding `text` and returns the errors it produced.
Diagnostics errors_of(const std::string& id, const std::string& text, rules::Catalogue* out = nullptr) {
  test::TempDir tmp;
  const auto file = tmp.write("team/" + id + ".yaml", text);
  Diagnostics errors;
  auto catalogue = rules::load_catalogue({(tmp.path() / "team").string()}, errors);
  for (auto& e : errors) {
    CHECK(e.where.file == file.string());
    e.where.file = "FILE";
  }
  if (out) *out = std::move(catalogue);
  return errors;
}

void expect_one(const Diagnostics& errors, int line, const std::string& fragment) {
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where.line == line);
  CHECK_MESSAGE(errors[0].message.find(fragment) != std::string::npos, errors[0].message);
}

}  // namespace

TEST_CASE("a valid user rule loads into its pack and is not built in") {
  rules::Catalogue catalogue;
  CHECK(errors_of("three-replicas", rule_text("three-replicas", "", ""), &catalogue).empty());
  const auto* rule = catalogue.find("three-replicas");
  REQUIRE(rule);
  CHECK(rule->pack == "team");
  CHECK_FALSE(rule->builtin);
}

TEST_CASE("pack validation: each kind of error, with its line") {
  SUBCASE("unknown template, with a suggestion") {
    expect_one(errors_of("r", rule_text("r", "min-replicas", "min-replica")), 2, "unknown template 'min-replica' (did you mean 'min-replicas'?)");
  }
  SUBCASE("unknown param") { expect_one(errors_of("r", rule_text("r", "  min: 3", "  min: 3\n  mni: 2")), 5, "unknown param 'mni'"); }
  SUBCASE("missing required param") { expect_one(errors_of("r", rule_text("r", "params:\n  min: 3\n", "")), 1, "missing required param 'min'"); }
  SUBCASE("param of the wrong type") { expect_one(errors_of("r", rule_text("r", "min: 3", "min: three")), 4, "param 'min' must be of type int"); }
  SUBCASE("unknown field") { expect_one(errors_of("r", rule_text("r", "severity:", "severty: x\nseverity:")), 5, "unknown field 'severty'"); }
  SUBCASE("empty scope") { expect_one(errors_of("r", rule_text("r", "severity:", "scope: {}\nseverity:")), 5, "empty scope"); }
  SUBCASE("empty kinds list") { expect_one(errors_of("r", rule_text("r", "severity:", "scope:\n  kinds: []\nseverity:")), 6, "empty scope"); }
  SUBCASE("kind the template does not examine") {
    expect_one(errors_of("r", rule_text("r", "severity:", "scope:\n  kinds: [Job]\nseverity:")), 6, "kind 'Job' is not one");
  }
  SUBCASE("id differs from the file name") { expect_one(errors_of("r", rule_text("other", "", "")), 1, "differs from its file name 'r'"); }
  SUBCASE("unknown severity") { expect_one(errors_of("r", rule_text("r", "severity: warning", "severity: fatal")), 5, "unknown severity 'fatal'"); }
  SUBCASE("remediation without a period") {
    expect_one(errors_of("r", rule_text("r", "Run three replicas.", "Run three replicas")), 8, "ending with a period");
  }
  SUBCASE("unknown placeholder") { expect_one(errors_of("r", rule_text("r", "{replicas}", "{replica}")), 7, "unknown placeholder '{replica}'"); }
  SUBCASE("YAML that does not parse") { expect_one(errors_of("r", "id: r\ntemplate: [unclosed\n"), 3, "cannot parse YAML"); }
  SUBCASE("duplicate id across packs") {
    expect_one(errors_of("single-replica", rule_text("single-replica", "", "")), 1, "duplicate rule id 'single-replica'");
  }
}

TEST_CASE("pack validation reports every error of a file, not just the first") {
  const auto errors = errors_of("r", rule_text("r", "severity: warning", "severity: fatal\ncolour: red"));
  REQUIRE(errors.size() == 2);
}

TEST_CASE("declarations file: dependency edges and quorum workloads") {
  test::TempDir tmp;
  tmp.write("team/_dependencies.yaml", R"(dependencies:
  - from: {namespace: shop, name: "web-*"}
    to: {namespace: shop, name: db}
    reason: web stores orders in db
quorum:
  - image: "*etcd*"
    reason: etcd needs a majority
  - nmae: x
)");
  Diagnostics errors;
  const auto catalogue = rules::load_catalogue({(tmp.path() / "team").string()}, errors);
  // Built-in packs declare edges and quorum workloads too; pick this file's.
  std::vector<graph::DeclaredEdge> edges;
  for (const auto& e : catalogue.declarations.edges)
    if (e.where.file.find("team") != std::string::npos) edges.push_back(e);
  std::vector<graph::DeclaredQuorum> quorum;
  for (const auto& q : catalogue.declarations.quorum)
    if (q.where.file.find("team") != std::string::npos) quorum.push_back(q);
  REQUIRE(edges.size() == 1);
  const auto& edge = edges[0];
  CHECK(edge.from_name == "web-*");
  CHECK(edge.to_name == "db");
  CHECK(edge.where.line == 2);
  REQUIRE(quorum.size() == 1);
  CHECK(quorum[0].image_pattern == "*etcd*");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where.line == 8);
}

TEST_CASE("a missing --policy path is an error") {
  Diagnostics errors;
  rules::load_catalogue({"/nonexistent/policy/dir"}, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where.file == "/nonexistent/policy/dir");
}
