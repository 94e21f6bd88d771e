// The README's worked rule and config file example must work as printed.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analyze_yaml.hpp"
#include "faultline/pipeline/settings.hpp"

using namespace faultline;

namespace {

/// The first ```yaml block after `marker` in README.md.
std::string readme_block_after(const std::string& marker) {
  std::ifstream in(std::string(FAULTLINE_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  const auto at = s.find(marker);
  REQUIRE(at != std::string::npos);
  const auto open = s.find("```yaml\n", at) + 8;
  return s.substr(open, s.find("```", open) - open);
}

}  // namespace

TEST_CASE("README worked example: the rule loads and fires") {
  test::TempDir tmp;
  tmp.write("ha-policy/prod-three-replicas.yaml", readme_block_after("<!-- example-rule: prod-three-replicas -->"));
  AnalysisOptions options;
  options.policy_paths = {(tmp.path() / "ha-policy").string()};
  const auto a = test::analyze_yaml(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: prod-shop}\n"
      "spec:\n  replicas: 2\n  selector: {matchLabels: {app: api}}\n  template:\n"
      "    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, image: api:1}]}\n",
      options);
  REQUIRE_FALSE(a->policy_error);
  const auto found = test::findings_of(*a, "prod-three-replicas");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "Deployment/prod-shop/api runs 2 replicas; production needs 3 (spec.replicas).");
  CHECK(found[0].pack == "ha-policy");
}

TEST_CASE("README config file example loads without error") {
  test::TempDir tmp;
  const auto file = tmp.write(".faultline.yaml", readme_block_after("## Configuration file"));
  Diagnostics errors;
  const auto settings = load_config_file(file, errors);
  CHECK(errors.empty());
  CHECK(settings.fail_on == "warning");
}
