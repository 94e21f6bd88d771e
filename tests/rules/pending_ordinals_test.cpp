// Pending replicas of a StatefulSet are named by ordinal: its pods start in order, so the last ones wait.
#include <doctest/doctest.h>

#include "analyze_yaml.hpp"

using namespace faultline;

namespace {

std::string stateful_set(const std::string& policy) {
  return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\nspec:\n  replicas: 3\n"
         "  serviceName: db\n" + policy + "  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n"
         "    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
         "            - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: db}}}\n"
         "      containers: [{name: db, image: db:1}]\n";
}

const std::string kOneNode =
    "apiVersion: v1\nkind: Node\nmetadata:\n  name: n-1\n  labels: {kubernetes.io/hostname: n-1, topology.kubernetes.io/zone: a}\n"
    "status: {conditions: [{type: Ready, status: \"True\"}]}\n";

std::string pending_message(const std::string& yaml) {
  test::TempDir dir;
  AnalysisOptions options;
  options.node_paths = {dir.write("nodes.yaml", kOneNode).string()};
  const auto a = test::analyze_yaml(yaml, options);
  const auto found = test::findings_of(*a, "pending-replicas");
  REQUIRE(found.size() == 1);
  return found[0].message;
}

}  // namespace

TEST_CASE("pending-replicas names the StatefulSet pods that stay Pending") {
  CHECK(pending_message(stateful_set("")).find("but db-1 and db-2 stay Pending for ever") != std::string::npos);
}

TEST_CASE("pending-replicas counts pods when the start order does not decide which wait") {
  CHECK(pending_message(stateful_set("  podManagementPolicy: Parallel\n")).find("but 2 replicas stay Pending for ever") !=
        std::string::npos);
}
