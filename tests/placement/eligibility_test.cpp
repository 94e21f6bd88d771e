// Node eligibility: nodeSelector, required node affinity, taints and tolerations, cordon,
// readiness, spec.nodeName, DaemonSets; exclusions grouped with their reasons.
#include <doctest/doctest.h>

#include "builders.hpp"
#include "faultline/placement/eligibility.hpp"

using namespace faultline;
using model::WorkloadKind;

namespace {

model::Node system_node(const std::string& name, const std::string& zone) {
  auto n = test::node(name, zone, {{"node-role.kubernetes.io/system", "true"}});
  n.taints.push_back({"node-role.kubernetes.io/system", "true", "NoSchedule"});
  return n;
}

}  // namespace

TEST_SUITE("placement") {

TEST_CASE("tolerations: effect, key, operator and value") {
  const model::Taint taint{"dedicated", "gpu", "NoSchedule"};
  CHECK(placement::tolerates({"dedicated", "Equal", "gpu", "NoSchedule", {}}, taint));
  CHECK(placement::tolerates({"dedicated", "Equal", "gpu", "", {}}, taint));  // empty effect matches all
  CHECK_FALSE(placement::tolerates({"dedicated", "Equal", "cpu", "NoSchedule", {}}, taint));
  CHECK(placement::tolerates({"dedicated", "Exists", "", "NoSchedule", {}}, taint));
  CHECK_FALSE(placement::tolerates({"dedicated", "Exists", "", "NoExecute", {}}, taint));
  CHECK(placement::tolerates({"", "Exists", "", "", {}}, taint));  // empty key + Exists tolerates everything
  CHECK_FALSE(placement::tolerates({"", "Equal", "", "", {}}, taint));
  CHECK_FALSE(placement::tolerates({"other", "Exists", "", "", {}}, taint));
}

TEST_CASE("PreferNoSchedule taints do not exclude; NoExecute ones do") {
  auto n = test::node("n1");
  n.taints.push_back({"soft", "", "PreferNoSchedule"});
  CHECK(placement::untolerated_taints(n, {}).empty());
  n.taints.push_back({"hard", "", "NoExecute"});
  REQUIRE(placement::untolerated_taints(n, {}).size() == 1);
  CHECK(placement::describe(placement::untolerated_taints(n, {}).front()) == "hard:NoExecute");
}

TEST_CASE("nodeSelector matching one node: every replica on that node") {
  model::Model m;
  m.nodes.push_back(test::node("n1", "a", {{"disk", "ssd"}}));
  m.nodes.push_back(test::node("n2", "b"));
  m.nodes.push_back(test::node("n3", "c"));
  auto web = test::workload("web", 3);
  web.pod.detail.edit().node_selector = {{"disk", "ssd"}};
  m.workloads.push_back(web);
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.eligible->names(run.inv) == std::vector<std::string>{"n1"});
  REQUIRE(p.exclusions().size() == 1);
  CHECK(p.exclusions().front().nodes == std::vector<std::string>{"n2", "n3"});
  CHECK(p.exclusions().front().reason == "nodeSelector disk=ssd");
  const auto* host = p.level(inventory::kHostname);
  CHECK(host->max_in_one_domain == 3);
  CHECK(host->worst_domains == std::vector<std::string>{"n1"});
  CHECK(host->verdict == placement::Verdict::does_not_survive);  // one domain: best effort cannot spread
  CHECK(host->reason == "every eligible node is in node n1");
}

TEST_CASE("system nodes tainted and pods without the toleration: unschedulable") {
  model::Model m;
  m.nodes.push_back(system_node("sys-1", "a"));
  m.nodes.push_back(system_node("sys-2", "b"));
  auto web = test::workload("web", 2);
  web.pod.detail.edit().node_selector = {{"node-role.kubernetes.io/system", "true"}};
  m.workloads.push_back(web);
  auto placed = test::run(m);
  CHECK(placed.at(0).eligible_nodes == 0);
  CHECK(placed.at(0).pending == 2);
  REQUIRE(placed.at(0).exclusions().size() == 1);
  CHECK(placed.at(0).exclusions().front().reason == "taint node-role.kubernetes.io/system=true:NoSchedule not tolerated");

  m.workloads.front().pod.detail.edit().tolerations.push_back({"node-role.kubernetes.io/system", "Exists", "", "", {}});
  placed = test::run(m);
  CHECK(placed.at(0).eligible_nodes == 2);
  CHECK(placed.at(0).pending == 0);
}

TEST_CASE("required node affinity: terms ORed, expressions ANDed, matchFields on metadata.name") {
  model::Model m;
  m.nodes.push_back(test::node("n1", "a", {{"gpu", "true"}}));
  m.nodes.push_back(test::node("n2", "b", {{"gpu", "true"}}));
  m.nodes.push_back(test::node("n3", "c"));
  auto web = test::workload("web", 2);
  model::NodeSelectorTerm gpu_in_a;
  gpu_in_a.match_expressions = {{"gpu", "Exists", {}}, {inventory::kZone, "In", {"a"}}};
  model::NodeSelectorTerm by_name;
  by_name.match_fields = {{"metadata.name", "In", {"n3"}}};
  web.pod.detail.edit().node_affinity.required = {gpu_in_a, by_name};
  m.workloads.push_back(web);
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.eligible->names(run.inv) == std::vector<std::string>{"n1", "n3"});
  REQUIRE(p.exclusions().size() == 1);
  CHECK(p.exclusions().front().reason ==
        "required node affinity gpu Exists and topology.kubernetes.io/zone In (a) or metadata.name In (n3)");
}

TEST_CASE("NotReady and cordoned nodes are not eligible, and the reason says so") {
  model::Model m;
  auto down = test::node("down", "a");
  down.ready = false;
  auto cordoned = test::node("cordoned", "b");
  cordoned.unschedulable = true;
  m.nodes.push_back(down);
  m.nodes.push_back(cordoned);
  m.nodes.push_back(test::node("ok", "c"));
  m.workloads.push_back(test::workload("web", 2));
  m.workloads.push_back(test::workload("agent", 1, WorkloadKind::DaemonSet));
  const auto placed = test::run(m);
  const auto& web = placed.at(0);
  CHECK(web.eligible->names(placed.inv) == std::vector<std::string>{"ok"});
  REQUIRE(web.exclusions().size() == 2);
  CHECK(web.exclusions()[0].reason == "NotReady");
  CHECK(web.exclusions()[1].reason == "cordoned (spec.unschedulable)");
  // A DaemonSet tolerates the cordon: one pod on each of "cordoned" and "ok".
  const auto& agent = placed.at(1);
  CHECK(agent.replicas == 2);
  CHECK(agent.eligible->names(placed.inv) == std::vector<std::string>{"cordoned", "ok"});
  CHECK(agent.level(inventory::kHostname)->survivors_after_worst_loss == 1);
  CHECK(agent.level(inventory::kZone)->verdict == placement::Verdict::survives);
}

TEST_CASE("spec.nodeName pins a pod to its node, bypassing cordon and NoSchedule taints") {
  model::Model m;
  auto n1 = system_node("n1", "a");
  n1.unschedulable = true;
  m.nodes.push_back(n1);
  m.nodes.push_back(test::node("n2", "b"));
  auto pod = test::workload("static", 1, WorkloadKind::Pod);
  pod.replicas.reset();
  pod.pod.node_name = "n1";
  m.workloads.push_back(pod);
  const auto run = test::run(m);
  const auto& p = run.at(0);
  CHECK(p.eligible->names(run.inv) == std::vector<std::string>{"n1"});
  REQUIRE(p.exclusions().size() == 1);
  CHECK(p.exclusions().front().reason == "spec.nodeName is n1");
}

}  // TEST_SUITE
