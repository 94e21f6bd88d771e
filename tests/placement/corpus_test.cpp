// Real node inventories from fixtures/corpus: they load, give coverage, and a few results
// checked by hand against the files.
#include <doctest/doctest.h>

#include "builders.hpp"
#include "faultline/model/builder.hpp"
#include "faultline/placement/describe.hpp"

using namespace faultline;
using placement::Verdict;

namespace {

const std::string kCorpus = std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/corpus/";

const placement::WorkloadPlacement* find(const test::Placed& placed, const std::string& name) {
  for (const auto& p : placed.result.workloads)
    if (p.workload->meta.ref.name == name) return &p;
  return nullptr;
}

}  // namespace

TEST_SUITE("corpus") {

TEST_CASE("openshift-insights-nodes: masters tainted, one worker per zone, deprecated zone labels") {
  model::Model m;
  Diagnostics diags;
  model::load_model({kCorpus + "openshift-insights-nodes"}, {}, m, diags);
  REQUIRE(m.nodes.size() == 6);
  auto web = test::workload("web", 3, model::WorkloadKind::StatefulSet);
  test::spread(web, inventory::kZone, 1);
  m.workloads.push_back(web);
  const auto placed = test::run(m);
  const auto& p = placed.at(0);
  CHECK(p.eligible_nodes == 3);  // the three workers
  REQUIRE(p.exclusions().size() == 1);
  CHECK(p.exclusions().front().nodes.size() == 3);
  CHECK(p.exclusions().front().reason == "taint node-role.kubernetes.io/master:NoSchedule not tolerated");
  const auto* zone = p.level(inventory::kZone);
  CHECK(zone->domains == 3);  // us-east1-b, -c, -d
  CHECK(zone->max_in_one_domain == 1);
  CHECK(zone->verdict == Verdict::survives);
  CHECK(p.level(inventory::kRegion)->domains == 1);
  CHECK(p.level(inventory::kRegion)->verdict == Verdict::does_not_survive);
}

TEST_CASE("popeye-testdata: a tainted node, a cordoned NotReady node, a node without conditions") {
  model::Model m;
  Diagnostics diags;
  model::load_model({kCorpus + "popeye-testdata/core-node.yaml"}, {}, m, diags);
  m.workloads.push_back(test::workload("web", 2));
  const auto placed = test::run(m);
  const auto& p = placed.at(0);
  CHECK(p.eligible->names(placed.inv) == std::vector<std::string>{"n1", "n3", "n5"});
  const auto groups = placement::describe_exclusions(p);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == "1 node (n4): NotReady");
  CHECK(groups[1] == "1 node (n2): taint t2:NoSchedule not tolerated");
  CHECK(p.level(inventory::kHostname)->verdict == Verdict::best_effort);
  CHECK(p.level(inventory::kZone)->domains == 0);
  CHECK(p.level(inventory::kZone)->verdict == Verdict::unknown);
}

TEST_CASE("troubleshoot-cluster-dump: seven nodes without zones; coredns and alertmanager") {
  model::Model m;
  Diagnostics diags;
  model::load_model({kCorpus + "troubleshoot-cluster-dump"}, {}, m, diags);
  REQUIRE(m.nodes.size() == 7);
  const auto placed = test::run(m);
  const auto* coredns = find(placed, "coredns");
  REQUIRE(coredns);
  CHECK(coredns->replicas == 2);
  CHECK(coredns->eligible_nodes == 7);  // every node is linux, none tainted
  CHECK(coredns->level(inventory::kHostname)->max_in_one_domain == 2);
  CHECK(coredns->level(inventory::kHostname)->verdict == Verdict::best_effort);
  CHECK(coredns->level(inventory::kZone)->domains == 0);
  CHECK(coredns->level(inventory::kRegion)->domains == 1);  // sfo2 on five of the nodes
  const auto* alertmanager = find(placed, "alertmanager-prometheus-alertmanager");
  REQUIRE(alertmanager);
  CHECK(alertmanager->hard_hostname_spread);
  CHECK(alertmanager->level(inventory::kHostname)->max_in_one_domain == 1);
  CHECK(alertmanager->level(inventory::kHostname)->verdict == Verdict::does_not_survive);  // one replica
}

TEST_CASE("Run:ai inventories: system nodes in one and in three zones") {
  struct Case {
    int nodes, zones;
    Verdict zone_verdict;
    int pending;
  };
  for (const Case c : {Case{1, 1, Verdict::does_not_survive, 1}, Case{2, 1, Verdict::does_not_survive, 0},
                       Case{2, 3, Verdict::survives, 0}, Case{3, 3, Verdict::survives, 0}, Case{3, 1, Verdict::does_not_survive, 0}}) {
    CAPTURE(c.nodes);
    CAPTURE(c.zones);
    model::Model m;
    Diagnostics diags;
    const std::string file = "runai-system-" + std::to_string(c.nodes) + "-nodes-" + std::to_string(c.zones) + "-zones.yaml";
    model::load_model({std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/inventories/" + file}, {}, m, diags);
    CHECK(diags.empty());
    CHECK(m.nodes.size() == static_cast<std::size_t>(c.nodes + 2));
    auto backend = test::workload("backend", 2);
    backend.pod.detail.edit().node_selector = {{"node-role.kubernetes.io/runai-system", "true"}};
    test::anti_affinity(backend, inventory::kHostname);
    m.workloads.push_back(backend);
    const auto placed = test::run(m);
    const auto& p = placed.at(0);
    CHECK(p.eligible_nodes == c.nodes);
    CHECK(p.pending == c.pending);
    CHECK(p.level(inventory::kZone)->verdict == c.zone_verdict);
  }
}

}  // TEST_SUITE
