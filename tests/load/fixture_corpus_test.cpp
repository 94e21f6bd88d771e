// Real dumps copied under fixtures/corpus: kind List, kind-less Node JSON files, item lines.
#include <doctest/doctest.h>

#include <string>

#include "../model/build_helpers.hpp"

using namespace faultline;

namespace {

const std::string kFixtures = std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/corpus/";

testing::Built build(const std::string& path) { return testing::build_paths({kFixtures + path}); }

}  // namespace

TEST_CASE("fixture corpus: popeye kind List of Nodes keeps item lines and node state") {
  const auto b = build("popeye-testdata/core-node.yaml");
  CHECK(b.diags.empty());
  REQUIRE(b.model.nodes.size() == 5);
  const auto& n1 = b.model.nodes[0];
  CHECK(n1.meta.ref.display() == "Node/n1");
  CHECK(n1.meta.where.line == 4);  // the `- apiVersion: v1` line of the first item
  CHECK(n1.ready == true);
  CHECK(b.model.nodes[1].meta.where.line == 72);
  CHECK(b.model.nodes[1].taints.size() == 1);
  CHECK(b.model.nodes[1].taints[0].effect == "NoSchedule");
  CHECK(b.model.nodes[3].unschedulable);
  CHECK(b.model.nodes[3].ready == false);
  CHECK(b.model.stats.documents == 5);
  CHECK(b.model.stats.objects == 5);
}

TEST_CASE("fixture corpus: popeye folder loads every kind List") {
  const auto b = build("popeye-testdata");
  CHECK(b.model.stats.documents == 19);
  CHECK(b.model.stats.objects == 19);
  CHECK(b.model.stats.failed == 0);
  CHECK(b.model.pdbs.size() == 5);
  CHECK(b.model.workloads.size() == 9);
  CHECK(b.model.pdbs[0].min_available->value == 2);
}

TEST_CASE("fixture corpus: OpenShift Node JSON files without kind become Nodes in file order") {
  const auto b = build("openshift-insights-nodes");
  CHECK(b.diags.empty());
  REQUIRE(b.model.nodes.size() == 6);
  CHECK(b.model.nodes[0].meta.ref.name == "ci-ln-ywdpkbt-f76d1-vw6lz-master-0");
  CHECK(b.model.nodes[0].meta.where.line == 1);
  CHECK(b.model.nodes[0].taints.size() == 1);
  CHECK(b.model.nodes[0].ready == true);
  CHECK(b.model.nodes[0].meta.labels.count("failure-domain.beta.kubernetes.io/zone") == 1);
  CHECK(b.model.nodes[5].meta.ref.name == "ci-ln-ywdpkbt-f76d1-vw6lz-worker-d-rmh8w");
}
