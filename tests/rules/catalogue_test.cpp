// The catalogue's tidiness: every shipped rule is complete, has fixtures, and the README lists it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "faultline/rules/embedded.hpp"
#include "faultline/rules/engine.hpp"
#include "faultline/report/rules_report.hpp"

namespace fs = std::filesystem;
using namespace faultline;

namespace {

rules::Catalogue builtin() {
  Diagnostics errors;
  auto catalogue = rules::load_catalogue({}, errors);
  std::string all;
  for (const auto& e : errors) all += e.where.file + ":" + std::to_string(e.where.line) + ": " + e.message + "\n";
  INFO(all);
  REQUIRE(errors.empty());
  return catalogue;
}

std::size_t count_prefix(const fs::path& folder, const std::string& prefix) {
  std::size_t n = 0;
  if (!fs::is_directory(folder)) return 0;
  for (const auto& e : fs::directory_iterator(folder))
    n += e.path().filename().string().starts_with(prefix) && e.path().extension() == ".yaml";
  return n;
}

}  // namespace

TEST_CASE("built-in packs load without error and every rule is complete") {
  const auto catalogue = builtin();
  CHECK_FALSE(catalogue.rules.empty());
  for (const auto& rule : catalogue.rules) {
    CAPTURE(rule.id);
    CHECK(rule.where.file == "policies/" + rule.pack + "/" + rule.id + ".yaml");
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.explanation.empty());
    REQUIRE_FALSE(rule.remediation.empty());
    CHECK(rule.remediation.back() == '.');
    CHECK_FALSE(rule.failing_examples.empty());
    CHECK_FALSE(rule.passing_examples.empty());
    const fs::path fixtures = fs::path(FAULTLINE_SOURCE_DIR) / "fixtures/rules" / rule.id;
    CHECK_MESSAGE(count_prefix(fixtures, "pass") >= 1, "no pass*.yaml in " << fixtures.string());
    CHECK_MESSAGE(count_prefix(fixtures, "fail") >= 1, "no fail*.yaml in " << fixtures.string());
  }
}

TEST_CASE("every fixture folder names a shipped rule") {
  const auto catalogue = builtin();
  for (const auto& e : fs::directory_iterator(fs::path(FAULTLINE_SOURCE_DIR) / "fixtures/rules")) {
    const std::string name = e.path().filename().string();
    if (name.starts_with("_")) continue;
    CHECK_MESSAGE(catalogue.find(name), "fixtures/rules/" << name << " names no rule");
  }
}

TEST_CASE("templates are registered in one sorted list, each in its own file") {
  const auto& list = rules::all_templates();
  for (std::size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1].id < list[i].id);
  for (const auto& t : list) {
    std::string file = t.id;
    std::replace(file.begin(), file.end(), '-', '_');
    CHECK_MESSAGE(fs::exists(fs::path(FAULTLINE_SOURCE_DIR) / "analyzer/rules/templates" / (file + ".cpp")),
                  "template " << t.id << " is not in analyzer/rules/templates/" << file << ".cpp");
    CHECK_FALSE(t.summary.empty());
    for (const auto& p : t.params) CHECK_FALSE(p.doc.empty());
  }
}

TEST_CASE("the README's rule list matches the catalogue") {
  std::ifstream in(fs::path(FAULTLINE_SOURCE_DIR) / "README.md");
  std::string line, listed;
  bool in_rules = false;
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) in_rules = line == "## Rules";
    else if (in_rules && line.starts_with("- `")) listed += line + "\n";
  }
  const std::string expected = report::catalogue_list_markdown(builtin());
  CHECK_MESSAGE(listed == expected, "update the list under '## Rules' in README.md to:\n" << expected);
}

TEST_CASE("explain text holds summary, parameters, explanation, fix and examples") {
  const auto catalogue = builtin();
  const auto* rule = catalogue.find("single-replica");
  REQUIRE(rule);
  const std::string text = report::explain_text(*rule);
  CHECK(text.starts_with("single-replica: "));
  CHECK(text.find("min = 2 (int, default none)") != std::string::npos);
  CHECK(text.find("Fix: ") != std::string::npos);
  CHECK(text.find("Fails: ") != std::string::npos);
  CHECK(text.find("Passes: ") != std::string::npos);
}
