// The capacity verdict of a failure on each fixture of fixtures/capacity: fits, does not fit
// (a bound), may not fit (first-fit decreasing fails, no bound proves it), a GPU shortage, and
// unknown requests; observed usage in a cluster dump; quantities that do not parse.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "../rules/analyze_yaml.hpp"
#include "faultline/capacity/capacity.hpp"
#include "faultline/graph/simulate.hpp"
#include "faultline/graph/system_graph.hpp"

using namespace faultline;

namespace {

std::unique_ptr<Analysis> fixture(const std::string& name) {
  AnalysisOptions options;
  options.paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/capacity/" + name};
  auto a = analyze(options);
  REQUIRE(a);
  REQUIRE_FALSE(a->input_error);
  return a;
}

capacity::FitReport fail(const Analysis& a, const std::string& spec) {
  std::string error;
  const auto sim = graph::simulate(*a.graph, {*graph::parse_failure(spec, error)}, error);
  INFO(error);
  REQUIRE(error.empty());
  std::vector<std::pair<const placement::WorkloadPlacement*, int>> lost;
  for (const auto& o : sim.outcomes) lost.emplace_back((*a.graph)[o.workload].placement, o.lost);
  return capacity::check_failure(capacity::build_capacity(a.inventory, a.placement), sim.failed_nodes, lost);
}

}  // namespace

TEST_SUITE("capacity") {
  TEST_CASE("fits: a placement on the survivors is found and named as the proof") {
    const auto a = fixture("fits.yaml");
    const auto fit = fail(*a, "zone=eu-1a");
    CHECK(fit.verdict == capacity::Fit::fits);
    CHECK(fit.rests_on.find("first-fit decreasing placed every pod") != std::string::npos);
    CHECK(fit.usage.find("usage planned") != std::string::npos);
    REQUIRE(fit.moves.size() == 1);
    CHECK(fit.moves[0].pods == 3);  // nothing keeps the three replicas out of one zone
    CHECK(fit.moves[0].placed == 3);
    CHECK(fit.shortages.empty());
  }

  TEST_CASE("does not fit: the sum bound proves the CPU short, with how much") {
    const auto a = fixture("does-not-fit.yaml");
    const auto fit = fail(*a, "zone=eu-1a");
    CHECK(fit.verdict == capacity::Fit::does_not_fit);
    CHECK(fit.rests_on.find("a bound") != std::string::npos);
    REQUIRE(fit.shortages.size() == 1);
    CHECK(fit.shortages[0].resource == "cpu");
    CHECK(fit.shortages[0].needed == 9000);
    CHECK(fit.shortages[0].available == 8000);
    CHECK(fit.shortages[0].scope.find("2 surviving eligible nodes of Deployment/shop/batch") != std::string::npos);
  }

  TEST_CASE("may not fit: no bound proves it, first-fit decreasing leaves a pod unplaced") {
    const auto a = fixture("may-not-fit.yaml");
    const auto fit = fail(*a, "zone=eu-1a");
    CHECK(fit.verdict == capacity::Fit::may_not_fit);
    CHECK(fit.rests_on.find("left 1 pod unplaced") != std::string::npos);
    REQUIRE_FALSE(fit.shortages.empty());
    CHECK(fit.shortages[0].resource == "cpu");
    CHECK(fit.shortages[0].needed == 2500);
  }

  TEST_CASE("GPU shortage: two 2-GPU trainers and one 2-GPU node left") {
    const auto a = fixture("gpu-shortage.yaml");
    const auto fit = fail(*a, "zone=eu-1a");
    CHECK(fit.verdict == capacity::Fit::does_not_fit);
    REQUIRE_FALSE(fit.shortages.empty());
    CHECK(fit.shortages[0].resource == "nvidia.com/gpu");
    CHECK(fit.shortages[0].needed == 4);
    CHECK(fit.shortages[0].available == 2);
  }

  TEST_CASE("unknown requests: never assumed to fit") {
    const auto a = fixture("unknown-requests.yaml");
    const auto fit = fail(*a, "zone=eu-1a");
    CHECK(fit.verdict == capacity::Fit::unknown);
    REQUIRE(fit.moves.size() == 1);
    CHECK_FALSE(fit.moves[0].known);
    CHECK(fit.rests_on.find("declare no requests") != std::string::npos);
  }

  TEST_CASE("nodes without allocatable: capacity unknown, said so") {
    const auto a = test::analyze_yaml(
        "apiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: {topology.kubernetes.io/zone: a}}\n---\n"
        "apiVersion: v1\nkind: Node\nmetadata: {name: n2, labels: {topology.kubernetes.io/zone: b}}\n---\n" +
        test::kOneReplicaApi);
    const auto fit = fail(*a, "zone=a");
    CHECK(fit.verdict == capacity::Fit::unknown);
    CHECK(fit.rests_on.find("no node states status.allocatable") != std::string::npos);
  }

  TEST_CASE("observed usage: a dump's bound pods use the survivors' room, and only the failed node's pods move") {
    const auto a = fixture("dump-health.yaml");
    const auto cap = capacity::build_capacity(a->inventory, a->placement);
    CHECK(cap.usage == capacity::Usage::observed);
    CHECK(cap.bound_pods == 7);
    const auto fit = fail(*a, "node=n1");
    CHECK(fit.usage.find("usage observed: requests of the 7 pods bound to nodes") != std::string::npos);
    CHECK(fit.pods_to_move == 3);  // cart, checkout and search each had one pod on n1
    CHECK(fit.verdict == capacity::Fit::fits);
  }

  TEST_CASE("a request that is not a quantity is reported with its field and line, and left out") {
    const auto a = test::analyze_yaml(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\n"
        "spec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n"
        "    spec:\n      containers:\n        - name: api\n          image: api:1\n"
        "          resources: {requests: {cpu: lots, memory: -1Gi}}\n");
    int reported = 0;
    for (const auto& d : a->diagnostics) {
      if (d.message.find("resources.requests.cpu") != std::string::npos) {
        CHECK(d.message.find("\"lots\" is not a quantity") != std::string::npos);
        CHECK(d.where.line == 12);
        ++reported;
      }
      if (d.message.find("resources.requests.memory") != std::string::npos) {
        CHECK(d.message.find("negative") != std::string::npos);
        ++reported;
      }
    }
    CHECK(reported == 2);
    CHECK(a->model.workloads.front().pod.containers.front().requests.empty());
  }
  TEST_CASE("capacity-after-loss bounds on a dump: room left by the bound pods, or not") {
    const auto roomy = fixture("dump-health.yaml");
    CHECK(capacity::unrecoverable_losses(capacity::build_capacity(roomy->inventory, roomy->placement)).empty());

    std::string yaml;
    for (const char* n : {"n1", "n2"})
      yaml += fmt::format("apiVersion: v1\nkind: Node\nmetadata: {{name: {0}, labels: {{topology.kubernetes.io/zone: z-{0}}}}}\n"
                          "status: {{allocatable: {{cpu: \"2\", memory: 4Gi}}}}\n---\n"
                          "apiVersion: v1\nkind: Pod\nmetadata: {{name: web-6d4b-{0}, namespace: shop, labels: {{app: web, pod-template-hash: 6d4b}},\n"
                          "  ownerReferences: [{{apiVersion: apps/v1, kind: ReplicaSet, name: web-6d4b, controller: true}}]}}\n"
                          "spec: {{nodeName: {0}, containers: [{{name: web, image: web:1, resources: {{requests: {{cpu: 1500m}}}}}}]}}\n---\n",
                          n);
    yaml += "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 2\n"
            "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
            "    spec: {containers: [{name: web, image: web:1, resources: {requests: {cpu: 1500m}}}]}\n";
    const auto tight = test::analyze_yaml(yaml);
    const auto cap = capacity::build_capacity(tight->inventory, tight->placement);
    CHECK(cap.usage == capacity::Usage::observed);
    const auto losses = capacity::unrecoverable_losses(cap);
    REQUIRE(losses.size() == 1);
    CHECK(losses[0].placement->workload->meta.ref.name == "web");
    CHECK(losses[0].total == 4);  // either node, either zone
    REQUIRE_FALSE(losses[0].shortfalls.empty());
    CHECK(losses[0].shortfalls[0].why == "cpu: 1500m must move, 500m free on the surviving eligible nodes");
  }
}
