// Namespace and cluster findings name Namespace/<ns> or Cluster, not an example object, and the
// config file's `ignore:` accepts them by rule and scope.
#include <doctest/doctest.h>

#include "analyze_yaml.hpp"
#include "faultline/pipeline/settings.hpp"

using namespace faultline;

namespace {

const std::string kGathered =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: runai-backend-frontend, namespace: runai-backend}\n"
    "spec:\n  replicas: 2\n  selector: {matchLabels: {app: f}}\n  template:\n    metadata: {labels: {app: f}}\n"
    "    spec:\n      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
    "            nodeSelectorTerms: [{matchExpressions: [{key: node-role.kubernetes.io/runai-system, operator: Exists}]}]\n"
    "      containers: [{name: f, image: f:1}]\n";

const std::string kOneSystemNode =
    "apiVersion: v1\nkind: Node\nmetadata:\n  name: sys-1\n  labels: {kubernetes.io/hostname: sys-1, "
    "topology.kubernetes.io/zone: a, node-role.kubernetes.io/runai-system: \"true\"}\n"
    "status: {conditions: [{type: Ready, status: \"True\"}]}\n";

struct WithNodes {
  test::TempDir dir;
  AnalysisOptions options;
  WithNodes() { options.node_paths = {dir.write("nodes.yaml", kOneSystemNode).string()}; }
};

}  // namespace

TEST_CASE("scope findings: runai-system-nodes names the namespace, single-zone-cluster the Cluster") {
  WithNodes run;
  const auto a = test::analyze_yaml(kGathered, run.options);
  const auto system = test::findings_of(*a, "runai-system-nodes");
  REQUIRE(system.size() == 1);
  CHECK(system[0].object.display() == "Namespace/runai-backend");
  CHECK(system[0].message.find("only 1 such node exists (sys-1)") != std::string::npos);
  CHECK(system[0].cause_nodes == std::vector<std::string>{"sys-1"});
  const auto zone = test::findings_of(*a, "single-zone-cluster");
  REQUIRE(zone.size() == 1);
  CHECK(zone[0].object.display() == "Cluster");
}

TEST_CASE("scope findings: without an inventory, one cluster note instead of one per namespace") {
  std::string cluster_side = kGathered;
  cluster_side.replace(cluster_side.find("namespace: runai-backend"), 24, "namespace: runai");
  const auto a = test::analyze_yaml(kGathered + "---\n" + cluster_side);
  const auto notes = test::findings_of(*a, "runai-system-nodes");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].object.display() == "Cluster");
  CHECK(notes[0].message.find("Run:ai pods of runai, runai-backend have required affinity") != std::string::npos);
}

TEST_CASE("scope findings: the config file's ignore accepts a rule on one scope only") {
  test::TempDir dir;
  const auto file = dir.write(".faultline.yaml", R"(ignore:
  - {rule: runai-system-nodes, scope: Namespace/runai-backend, reason: one system node in the lab}
  - {rule: single-zone-cluster, scope: Namespace/other}
)");
  Diagnostics errors;
  const auto settings = load_config_file(file, errors);
  REQUIRE(errors.empty());
  REQUIRE(settings.selection.ignore.size() == 2);
  WithNodes run;
  run.options.selection = settings.selection;
  const auto a = test::analyze_yaml(kGathered, run.options);
  const auto system = test::findings_of(*a, "runai-system-nodes");
  REQUIRE(system.size() == 1);
  CHECK(system[0].suppressed);
  CHECK(system[0].suppression == "config: one system node in the lab");
  const auto zone = test::findings_of(*a, "single-zone-cluster");
  REQUIRE(zone.size() == 1);
  CHECK_FALSE(zone[0].suppressed);  // its entry names another scope
}

TEST_CASE("scope findings: ignore entries are validated with file:line") {
  test::TempDir dir;
  Diagnostics errors;
  load_config_file(dir.write(".faultline.yaml", "ignore:\n  - {rule: single-zone-cluster}\n  - {rule: x, scope: Cluster, why: no}\n"), errors);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].where.line == 2);
  CHECK(errors[0].message.find("needs rule and scope") != std::string::npos);
  CHECK(errors[1].where.line == 3);
  CHECK(errors[1].message.find("unknown field 'why'") != std::string::npos);

  AnalysisOptions options;
  options.selection.ignore = {{"single-zone-clusters", "Cluster", ""}};
  const auto a = test::analyze_yaml(test::kOneReplicaApi, options);
  CHECK(a->policy_error);
}
