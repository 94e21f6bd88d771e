// `supersedes:`: a specific rule's finding absorbs the generic one on the same object, and
// --disable, annotations and baselines keep working whichever of the two the user named.
#include <doctest/doctest.h>

#include "analyze_yaml.hpp"
#include "faultline/rules/baseline.hpp"

using namespace faultline;

namespace {

// A team rule about the shop's api that says the same as single-replica, with its own fix.
const char* kShopRule = R"(id: shop-api-replicas
template: min-replicas
params:
  min: 2
scope:
  names: [api]
severity: warning
supersedes: [single-replica]
summary: The shop api runs one replica.
message: "{object} runs {replicas} replica."
remediation: Set replicas in the shop chart's values.
)";

struct Pack {
  test::TempDir dir;
  std::string path = dir.write("team/shop-api-replicas.yaml", kShopRule).string();
};

AnalysisOptions with_pack(const Pack& pack, std::vector<std::string> disable = {}) {
  AnalysisOptions options;
  options.policy_paths = {pack.path};
  options.selection.disable = std::move(disable);
  return options;
}

}  // namespace

TEST_CASE("supersedes: one finding with the specific fix, the worse severity and the generic id") {
  const Pack pack;
  const auto a = test::analyze_yaml(test::kOneReplicaApi, with_pack(pack));
  CHECK(test::findings_of(*a, "single-replica").empty());
  const auto merged = test::findings_of(*a, "shop-api-replicas");
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].remediation == "Set replicas in the shop chart's values.");
  CHECK(merged[0].severity == Severity::error);  // single-replica's; folding never lowers it
  REQUIRE(merged[0].also_matched.size() == 1);
  CHECK(merged[0].also_matched[0].rule == "single-replica");
  CHECK(a->summary.errors == 1);
}

TEST_CASE("supersedes: disabling either rule leaves the other's finding on its own") {
  const Pack pack;
  const auto no_specific = test::analyze_yaml(test::kOneReplicaApi, with_pack(pack, {"shop-api-replicas"}));
  CHECK(test::findings_of(*no_specific, "single-replica").size() == 1);
  const auto no_generic = test::analyze_yaml(test::kOneReplicaApi, with_pack(pack, {"single-replica"}));
  const auto specific = test::findings_of(*no_generic, "shop-api-replicas");
  REQUIRE(specific.size() == 1);
  CHECK(specific[0].also_matched.empty());
  CHECK(specific[0].severity == Severity::warning);
}

TEST_CASE("supersedes: an annotation naming the generic rule suppresses the folded finding") {
  std::string yaml = test::kOneReplicaApi;
  yaml.replace(yaml.find("namespace: shop}"), 16, "namespace: shop, annotations: {faultline.io/ignore: single-replica}}");
  const Pack pack;
  const auto a = test::analyze_yaml(yaml, with_pack(pack));
  const auto merged = test::findings_of(*a, "shop-api-replicas");
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].suppressed);
}

TEST_CASE("supersedes: a baseline written either way matches the folded finding") {
  const Pack pack;
  test::TempDir tmp;
  Diagnostics errors;
  SUBCASE("baseline of the generic finding alone (written before the specific rule existed)") {
    const auto before = test::analyze_yaml(test::kOneReplicaApi, with_pack(pack, {"shop-api-replicas"}));
    const std::string path = (tmp.path() / "b.json").string();
    REQUIRE(rules::write_baseline(path, before->findings, errors));
    auto options = with_pack(pack);
    options.baseline_path = path;
    const auto after = test::analyze_yaml(test::kOneReplicaApi, options);
    CHECK(after->summary.suppressed == 1);
    CHECK(after->summary.errors == 0);
    CHECK(after->stale_baseline.empty());
  }
  SUBCASE("baseline of the folded finding, read with the specific rule disabled") {
    const auto folded = test::analyze_yaml(test::kOneReplicaApi, with_pack(pack));
    const std::string json = rules::baseline_json(folded->findings);
    CHECK(json.find("\"single-replica\"") != std::string::npos);
    CHECK(json.find("\"shop-api-replicas\"") != std::string::npos);
    const std::string path = (tmp.path() / "b.json").string();
    REQUIRE(rules::write_baseline(path, folded->findings, errors));
    auto options = with_pack(pack, {"shop-api-replicas"});
    options.baseline_path = path;
    const auto after = test::analyze_yaml(test::kOneReplicaApi, options);
    CHECK(after->summary.suppressed == 1);
    CHECK(after->summary.errors == 0);
  }
}

TEST_CASE("supersedes: an unknown rule id is a pack error at its line, with a suggestion") {
  test::TempDir dir;
  std::string text = kShopRule;
  text.replace(text.find("[single-replica]"), 16, "[single-replicas]");
  const auto file = dir.write("team/shop-api-replicas.yaml", text);
  Diagnostics errors;
  rules::load_catalogue({file.string()}, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where.line == 8);
  CHECK(errors[0].message.find("unknown rule 'single-replicas'") != std::string::npos);
  CHECK(errors[0].message.find("did you mean 'single-replica'") != std::string::npos);
}

TEST_CASE("supersedes: the Run:ai pack folds single-replica into its own findings") {
  const auto a = test::analyze_yaml(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: runai-backend-frontend, namespace: runai-backend}\n"
      "spec:\n  replicas: 1\n  selector: {matchLabels: {app: f}}\n  template:\n    metadata: {labels: {app: f}}\n"
      "    spec: {containers: [{name: f, image: f:1}]}\n");
  CHECK(test::findings_of(*a, "single-replica").empty());
  const auto specific = test::findings_of(*a, "runai-control-plane-replicas");
  REQUIRE(specific.size() == 1);
  REQUIRE(specific[0].also_matched.size() == 1);
  CHECK(specific[0].also_matched[0].rule == "single-replica");
  CHECK(specific[0].remediation.find("frontend.autoscaling.enabled=true") != std::string::npos);
}
