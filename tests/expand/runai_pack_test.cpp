// The runai pack: it loads, every rule has its fixtures, and its dependency declarations are read.
#include <doctest/doctest.h>

#include <filesystem>

#include "faultline/rules/engine.hpp"

using namespace faultline;

TEST_SUITE("expand") {

TEST_CASE("the runai pack loads without errors and declares its rules and dependency edges") {
  Diagnostics errors;
  const auto catalogue = rules::load_catalogue({}, errors);
  std::string text;
  for (const auto& d : errors) text += d.where.file + ":" + std::to_string(d.where.line) + ": " + d.message + "\n";
  INFO(text);
  CHECK(errors.empty());
  for (const char* id : {"runai-system-nodes", "runai-control-plane-replicas", "runai-keycloak", "runai-internal-postgresql",
                         "runai-thanos-query", "runai-thanos-receive", "runai-prometheus-replicas", "runai-do-not-scale",
                         "runai-large-cluster"}) {
    CAPTURE(id);
    const rules::Rule* rule = catalogue.find(id);
    REQUIRE(rule);
    CHECK(rule->pack == "runai");
    CHECK_FALSE(rule->explanation.empty());
    CHECK_FALSE(rule->failing_examples.empty());
    CHECK_FALSE(rule->passing_examples.empty());
    CHECK(std::filesystem::is_directory(std::filesystem::path(FAULTLINE_SOURCE_DIR) / "fixtures/rules" / id));
  }
  std::size_t to_postgres = 0, to_keycloak = 0;
  for (const auto& e : catalogue.declarations.edges) {
    to_postgres += e.to_name == "runai-backend-postgresql";
    to_keycloak += e.to_name == "keycloak-http";
  }
  CHECK(to_postgres >= 20);
  CHECK(to_keycloak >= 2);
}

}  // TEST_SUITE
