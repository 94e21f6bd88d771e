// Baselines: fingerprints survive line moves and reordering; fixed findings are listed as stale.
#include <doctest/doctest.h>

#include "analyze_yaml.hpp"
#include "faultline/rules/baseline.hpp"

using namespace faultline;

namespace {

const std::string& kApi = test::kOneReplicaApi;
const std::string kDb =
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\n"
    "spec:\n  replicas: 1\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n"
    "    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: db:1}]}\n";

}  // namespace

TEST_CASE("baseline round trip: accepted findings stay suppressed after lines move") {
  test::TempDir tmp;
  const auto first = test::analyze_yaml(kApi + "---\n" + kDb);
  REQUIRE(first->summary.errors == 2);
  const std::string path = (tmp.path() / "baseline.json").string();
  Diagnostics errors;
  REQUIRE(rules::write_baseline(path, first->findings, errors));

  AnalysisOptions options;
  options.baseline_path = path;
  // Reordered, with comments shifting every line: same objects, same findings.
  const auto second = test::analyze_yaml("# moved\n\n" + kDb + "---\n# comment\n" + kApi, options);
  CHECK(second->summary.errors == 0);
  CHECK(second->summary.suppressed == 2);
  for (const auto& f : second->findings) CHECK(f.suppression == "baseline");
  CHECK(second->stale_baseline.empty());
}

TEST_CASE("baseline: new findings are reported, fixed ones are listed as stale") {
  test::TempDir tmp;
  const std::string path = (tmp.path() / "baseline.json").string();
  Diagnostics errors;
  REQUIRE(rules::write_baseline(path, test::analyze_yaml(kApi)->findings, errors));
  AnalysisOptions options;
  options.baseline_path = path;
  const auto a = test::analyze_yaml(kDb, options);
  CHECK(a->summary.errors == 1);
  REQUIRE(a->stale_baseline.size() == 1);
  CHECK(a->stale_baseline[0].rule == "single-replica");
  CHECK(a->stale_baseline[0].object == "Deployment/shop/api");
}

TEST_CASE("baseline file is deterministic JSON and a malformed one is an error") {
  rules::Finding f;
  f.rule = "pdb-overlap";
  f.object = {"policy/v1", "PodDisruptionBudget", "shop", "web"};
  f.subject = "web-\"legacy\"";
  const std::string json = rules::baseline_json({f, f});
  CHECK(json == "{\n  \"version\": 1,\n  \"findings\": [\n    {\"fingerprint\": \"" + f.fingerprint() +
                    "\", \"rule\": \"pdb-overlap\", \"object\": \"PodDisruptionBudget/shop/web\", \"subject\": "
                    "\"web-\\\"legacy\\\"\"}\n  ]\n}\n");
  test::TempDir tmp;
  const auto file = tmp.write("bad.json", "[1, 2");
  Diagnostics errors;
  rules::read_baseline(file.string(), errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where.file == file.string());
  AnalysisOptions options;
  options.baseline_path = file.string();
  CHECK(test::analyze_yaml(kApi, options)->policy_error);
}

TEST_CASE("fingerprint ignores location and message, not identity or subject") {
  rules::Finding a;
  a.rule = "pdb-overlap";
  a.object = {"policy/v1", "PodDisruptionBudget", "shop", "web"};
  rules::Finding b = a;
  b.where.line = 99;
  b.message = "other words";
  b.object.api_version = "policy/v1beta1";
  CHECK(a.fingerprint() == b.fingerprint());
  b.subject = "web-legacy";
  CHECK(a.fingerprint() != b.fingerprint());
}
