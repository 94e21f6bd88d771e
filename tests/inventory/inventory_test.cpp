// The inventory: nodes sorted and de-duplicated, topology keys, deprecated zone labels.
#include <doctest/doctest.h>

#include "../placement/builders.hpp"

using namespace faultline;

TEST_SUITE("inventory") {

TEST_CASE("nodes are sorted by name, a node given twice is kept once") {
  model::Model m;
  m.nodes.push_back(test::node("b"));
  m.nodes.push_back(test::node("a", "z1"));
  m.nodes.push_back(test::node("a", "z2"));
  const auto inv = inventory::build_inventory(m, {});
  REQUIRE(inv.nodes.size() == 2);
  CHECK(inv.nodes[0]->meta.ref.name == "a");
  CHECK(inv.domain_of(*inv.nodes[0], inventory::kZone) == "z2");
  CHECK(inv.find("b") == inv.nodes[1]);
  CHECK(inv.find("c") == nullptr);
  CHECK(inv.present());
  CHECK_FALSE(inventory::build_inventory(model::Model{}, {}).present());
}

TEST_CASE("topology keys: defaults, then extra keys once each, deprecated forms mapped") {
  const auto inv = inventory::build_inventory(model::Model{}, {"rack", inventory::kDeprecatedZone, "rack"});
  CHECK(inv.topology_keys == std::vector<std::string>{inventory::kHostname, inventory::kZone, inventory::kRegion, "rack"});
  CHECK(inv.extra_keys == std::vector<std::string>{"rack"});
}

TEST_CASE("domains: deprecated zone labels count, a node without the label is in no domain") {
  model::Model m;
  m.nodes.push_back(test::node("old", "", {{inventory::kDeprecatedZone, "eu-1a"}}));
  m.nodes.push_back(test::node("new", "eu-1b"));
  m.nodes.push_back(test::node("bare"));
  const auto inv = inventory::build_inventory(m, {});
  const auto zones = inv.domains(inventory::kZone);
  REQUIRE(zones.size() == 2);
  CHECK(zones.at("eu-1a").front()->meta.ref.name == "old");
  CHECK_FALSE(inv.domain_of(*inv.find("bare"), inventory::kZone));
  CHECK(inv.domain_of(*inv.find("bare"), inventory::kHostname) == "bare");
}

TEST_CASE("usable: Ready and not cordoned; an unknown Ready condition counts as ready") {
  auto n = test::node("n");
  CHECK(inventory::Inventory::usable(n));
  n.ready.reset();
  CHECK(inventory::Inventory::usable(n));
  n.ready = false;
  CHECK(inventory::unusable_reason(n) == "NotReady");
  n.ready = true;
  n.unschedulable = true;
  CHECK(inventory::unusable_reason(n) == "cordoned (spec.unschedulable)");
}

}  // TEST_SUITE
