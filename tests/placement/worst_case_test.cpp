// Worst-case placement per topology key, with expectations computed by hand from
// k8s-semantics §1.5 (M(R,S,D) = S + ⌊(R − S)/D⌋) and §2.
#include <doctest/doctest.h>

#include "builders.hpp"

using namespace faultline;
using placement::Verdict;
using model::WorkloadKind;

namespace {

void three_zones(model::Model& m, int nodes_per_zone = 1) {
  for (const char* zone : {"a", "b", "c"})
    for (int i = 0; i < nodes_per_zone; ++i) m.nodes.push_back(test::node(std::string("n-") + zone + std::to_string(i), zone));
}

}  // namespace

TEST_SUITE("placement") {

TEST_CASE("3 replicas, DoNotSchedule zone spread maxSkew 1 over 3 zones: survives one zone loss") {
  model::Model m;
  three_zones(m);
  auto sts = test::workload("db", 3, WorkloadKind::StatefulSet);
  test::spread(sts, inventory::kZone, 1);
  m.workloads.push_back(sts);
  const auto placed = test::run(m);
  const auto* zone = placed.at(0).level(inventory::kZone);
  REQUIRE(zone);
  CHECK(zone->domains == 3);
  CHECK(zone->max_in_one_domain == 1);  // M(3,1,3) = 1 + ⌊2/3⌋
  CHECK(zone->survivors_after_worst_loss == 2);
  CHECK(zone->verdict == Verdict::survives);
  CHECK(zone->hard);
}

TEST_CASE("a Deployment's zone spread counts old and new pods during a rolling update") {
  model::Model m;
  three_zones(m);
  auto web = test::workload("web", 3);
  test::spread(web, inventory::kZone, 1);
  auto hashed = test::workload("api", 3);
  test::spread(hashed, inventory::kZone, 1).match_label_keys = {"pod-template-hash"};
  m.workloads.push_back(web);
  m.workloads.push_back(hashed);
  const auto placed = test::run(m);
  // maxSurge 25% of 3 rounds up to 1: M(4,1,3) = 1 + ⌊3/3⌋ = 2.
  CHECK(placed.at(0).level(inventory::kZone)->max_in_one_domain == 2);
  CHECK(placed.at(0).level(inventory::kZone)->verdict == Verdict::survives);
  CHECK(placed.at(1).level(inventory::kZone)->max_in_one_domain == 1);
}

TEST_CASE("the same spread with ScheduleAnyway is best effort, not coverage") {
  model::Model m;
  three_zones(m);
  auto sts = test::workload("db", 3, WorkloadKind::StatefulSet);
  test::spread(sts, inventory::kZone, 1, "ScheduleAnyway");
  m.workloads.push_back(sts);
  const auto placed = test::run(m);
  const auto* zone = placed.at(0).level(inventory::kZone);
  CHECK(zone->max_in_one_domain == 3);
  CHECK(zone->survivors_after_worst_loss == 0);
  CHECK(zone->verdict == Verdict::best_effort);
  CHECK_FALSE(zone->hard);
  CHECK(zone->reason.find("ScheduleAnyway") != std::string::npos);
}

TEST_CASE("maxSkew 2 over 2 zones with 4 replicas: at most 3 in one zone") {
  model::Model m;
  m.nodes.push_back(test::node("n-a", "a"));
  m.nodes.push_back(test::node("n-b", "b"));
  auto sts = test::workload("db", 4, WorkloadKind::StatefulSet);
  test::spread(sts, inventory::kZone, 2);
  m.workloads.push_back(sts);
  const auto run = test::run(m);
  const auto* zone = run.at(0).level(inventory::kZone);
  CHECK(zone->max_in_one_domain == 3);  // 2 + ⌊2/2⌋
  CHECK(zone->survivors_after_worst_loss == 1);
  CHECK(zone->worst_domains == std::vector<std::string>{"a", "b"});
}

TEST_CASE("required hostname anti-affinity, 3 replicas, 2 eligible nodes: 1 pending") {
  model::Model m;
  m.nodes.push_back(test::node("n1", "a"));
  m.nodes.push_back(test::node("n2", "b"));
  auto web = test::workload("web", 3);
  test::anti_affinity(web, inventory::kHostname);
  m.workloads.push_back(web);
  const auto placed = test::run(m);
  const auto& p = placed.at(0);
  CHECK(p.pending == 1);
  CHECK(p.runnable() == 2);
  CHECK(p.pending_reason.find("required pod anti-affinity on kubernetes.io/hostname") != std::string::npos);
  CHECK(p.level(inventory::kHostname)->max_in_one_domain == 1);
  CHECK(p.level(inventory::kHostname)->survivors_after_worst_loss == 1);
  CHECK(p.rollout_deadlock);  // every node already holds a replica and maxUnavailable 25% of 3 is 0
}

TEST_CASE("hostname anti-affinity bounds a zone by its eligible nodes") {
  model::Model m;
  m.nodes.push_back(test::node("a1", "a"));
  m.nodes.push_back(test::node("a2", "a"));
  m.nodes.push_back(test::node("b1", "b"));
  auto sts = test::workload("db", 3, WorkloadKind::StatefulSet);
  test::anti_affinity(sts, inventory::kHostname);
  m.workloads.push_back(sts);
  const auto run = test::run(m);
  const auto* zone = run.at(0).level(inventory::kZone);
  CHECK(zone->max_in_one_domain == 2);
  CHECK(zone->worst_domains == std::vector<std::string>{"a"});
  CHECK(zone->survivors_after_worst_loss == 1);
  CHECK(zone->verdict == Verdict::survives);
}

TEST_CASE("zone anti-affinity: one replica per zone, the rest pending; nodes without a zone take any number") {
  model::Model m;
  three_zones(m);
  auto sts = test::workload("db", 5, WorkloadKind::StatefulSet);
  test::anti_affinity(sts, inventory::kZone);
  m.workloads.push_back(sts);
  auto placed = test::run(m);
  CHECK(placed.at(0).pending == 2);
  CHECK(placed.at(0).level(inventory::kHostname)->max_in_one_domain == 1);

  m.nodes.push_back(test::node("no-zone"));
  placed = test::run(m);
  CHECK(placed.at(0).pending == 0);
  CHECK(placed.at(0).level(inventory::kHostname)->max_in_one_domain == 5);
  CHECK(placed.at(0).level(inventory::kZone)->max_in_one_domain == 1);
}

TEST_CASE("minDomains above the domain count keeps globalMin at 0") {
  model::Model m;
  m.nodes.push_back(test::node("n-a", "a"));
  m.nodes.push_back(test::node("n-b", "b"));
  auto sts = test::workload("db", 6, WorkloadKind::StatefulSet);
  test::spread(sts, inventory::kZone, 1).min_domains = 3;
  m.workloads.push_back(sts);
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.pending == 4);  // 1 + 1 run
  CHECK(p.level(inventory::kZone)->max_in_one_domain == 1);
}

TEST_CASE("an untolerated tainted node still counts as a spread domain unless nodeTaintsPolicy is Honor") {
  // kubernetes/kubernetes #116118: 3 workers + 1 tainted node, hostname maxSkew 1, 7 replicas.
  model::Model m;
  for (const char* n : {"w1", "w2", "w3"}) m.nodes.push_back(test::node(n, "a"));
  auto cp = test::node("cp", "a");
  cp.taints.push_back({"node-role.kubernetes.io/control-plane", "", "NoSchedule"});
  m.nodes.push_back(cp);
  auto sts = test::workload("db", 7, WorkloadKind::StatefulSet);
  test::spread(sts, inventory::kHostname, 1);
  m.workloads.push_back(sts);
  auto placed = test::run(m);
  CHECK(placed.at(0).pending == 4);
  CHECK(placed.at(0).level(inventory::kHostname)->max_in_one_domain == 1);

  m.workloads.front().pod.detail.edit().topology_spread.front().node_taints_policy = "Honor";
  placed = test::run(m);
  CHECK(placed.at(0).pending == 0);
  CHECK(placed.at(0).level(inventory::kHostname)->max_in_one_domain == 3);  // M(7,1,3) = 1 + ⌊6/3⌋
}

TEST_CASE("a DoNotSchedule constraint on a key no node has leaves every replica pending") {
  model::Model m;
  m.nodes.push_back(test::node("n1"));
  m.nodes.push_back(test::node("n2"));
  auto web = test::workload("web", 2);
  test::spread(web, inventory::kZone, 1);
  m.workloads.push_back(web);
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.eligible_nodes == 2);
  CHECK(p.pending == 2);
  CHECK(p.pending_reason.find(inventory::kZone) != std::string::npos);
}

TEST_CASE("an empty labelSelector in a hard spread constraint does nothing") {
  model::Model m;
  three_zones(m);
  auto sts = test::workload("db", 3, WorkloadKind::StatefulSet);
  test::spread(sts, inventory::kZone, 1).label_selector = model::LabelSelector{};
  m.workloads.push_back(sts);
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.level(inventory::kZone)->max_in_one_domain == 3);
  REQUIRE(p.ineffective_rules.size() == 1);
  CHECK(p.ineffective_rules.front().find("counts no pods") != std::string::npos);
}

TEST_CASE("a single replica does not survive, and no best-effort rule changes that") {
  model::Model m;
  three_zones(m);
  m.workloads.push_back(test::workload("web", 1));
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.level(inventory::kHostname)->verdict == Verdict::does_not_survive);
  CHECK(p.level(inventory::kZone)->verdict == Verdict::does_not_survive);
}

TEST_CASE("default spreading is best effort for replicated workloads without constraints") {
  model::Model m;
  three_zones(m);
  m.workloads.push_back(test::workload("web", 3));
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.level(inventory::kHostname)->verdict == Verdict::best_effort);
  CHECK(p.level(inventory::kHostname)->max_in_one_domain == 3);
  CHECK_FALSE(p.hard_hostname_spread);
  CHECK(p.best_effort.size() == 2);
}

TEST_CASE("an extra topology key gets its own level") {
  model::Model m;
  m.nodes.push_back(test::node("r1a", "a", {{"rack", "r1"}}));
  m.nodes.push_back(test::node("r1b", "a", {{"rack", "r1"}}));
  m.nodes.push_back(test::node("r2a", "a", {{"rack", "r2"}}));
  auto sts = test::workload("db", 2, WorkloadKind::StatefulSet);
  test::anti_affinity(sts, inventory::kHostname);
  m.workloads.push_back(sts);
  const auto placed = test::run(m, {"rack"});
  const auto* rack = placed.at(0).level("rack");
  REQUIRE(rack);
  CHECK(rack->domains == 2);
  CHECK(rack->max_in_one_domain == 2);  // r1 has two eligible nodes
  CHECK(rack->verdict == Verdict::does_not_survive);
  CHECK(placed.at(0).levels.size() == 4);
}

}  // TEST_SUITE
