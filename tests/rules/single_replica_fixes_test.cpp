// single-replica tells leader-elected controllers, Recreate singletons and parked workloads apart,
// and its messages agree in number.
#include <doctest/doctest.h>

#include "analyze_yaml.hpp"

using namespace faultline;

namespace {

std::string deployment(const std::string& extra_spec, const std::string& args) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c, namespace: ops}\nspec:\n" + extra_spec +
         "  selector: {matchLabels: {app: c}}\n  template:\n    metadata: {labels: {app: c}}\n"
         "    spec: {containers: [{name: c, image: c:1, args: [" + args + "]}]}\n";
}

rules::Finding only_single_replica(const std::string& yaml) {
  const auto a = test::analyze_yaml(yaml);
  const auto found = test::findings_of(*a, "single-replica");
  REQUIRE(found.size() == 1);
  return found[0];
}

}  // namespace

TEST_CASE("single-replica: a leader-elected controller is told to run 2, leader election keeps one active") {
  const auto f = only_single_replica(deployment("", "--leader-elect=true"));
  CHECK(f.remediation.find("it passes --leader-elect, so leader election keeps one active") != std::string::npos);
  CHECK(f.message == "Deployment/ops/c runs 1 replica (spec.replicas (not set; the API default is 1)): a restart, an "
                     "eviction or the loss of its node takes it down.");
}

TEST_CASE("single-replica: a Recreate singleton without leader election is not asked for replicas") {
  const auto f = only_single_replica(deployment("  strategy: {type: Recreate}\n", "--port=80"));
  CHECK(f.message.find("singleton by design") != std::string::npos);
  CHECK(f.remediation.find("Do not add replicas") != std::string::npos);
  CHECK(f.plan->empty());  // nothing to paste: the fix is the workload's own design
}

TEST_CASE("single-replica: --leader-elect=false is no leader election; replicas 0 is parked, not a finding") {
  const auto f = only_single_replica(deployment("  strategy: {type: Recreate}\n", "--leader-elect=false"));
  CHECK(f.message.find("singleton by design") != std::string::npos);
  const auto parked = test::analyze_yaml(deployment("  replicas: 0\n", ""));
  CHECK(test::findings_of(*parked, "single-replica").empty());
}

TEST_CASE("findings agree in number: no '(s)', no '1 replicas'") {
  const auto a = test::analyze_yaml(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: runai-backend-thanos-query, namespace: runai-backend}\n"
      "spec:\n  replicas: 1\n  selector: {matchLabels: {app: q}}\n  template:\n    metadata: {labels: {app: q}}\n"
      "    spec: {containers: [{name: q, image: q:1}]}\n");
  const auto query = test::findings_of(*a, "runai-thanos-query");
  REQUIRE(query.size() == 1);
  CHECK(query[0].message.find("runs 1 replica without an autoscaler") != std::string::npos);
  for (const auto& f : a->findings) {
    CHECK_MESSAGE(f.message.find("(s)") == std::string::npos, f.message);
    CHECK_MESSAGE(f.message.find(" 1 replicas") == std::string::npos, f.message);
  }
}
