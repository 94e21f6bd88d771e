// Failure simulation: node, zone and custom-key failures under the worst-case placement, the
// cascade through dependencies, PDB minimums and quorum.
#include <sstream>

#include <doctest/doctest.h>

#include "faultline/graph/quorum.hpp"
#include "faultline/graph/simulate.hpp"
#include "faultline/report/simulation_report.hpp"
#include "scenario.hpp"

using faultline::test::Scenario;
namespace graph = faultline::graph;
namespace inv = faultline::inventory;

namespace {

const std::vector<std::string> kAll = {"n1", "n2", "n3"};

// n1, n2 in zone a (racks r1, r2), n3 in zone b (rack r1). web (3, one per node, ≤ 2 per zone) calls db (1).
Scenario shop() {
  Scenario s;
  s.node("n1", "a", "r1");
  s.node("n2", "a", "r2");
  s.node("n3", "b", "r1");
  auto& web = s.workload("web", 3);
  Scenario::env(web, "DB", "db:5432");
  s.place(web, kAll, {{inv::kHostname, 1}, {inv::kZone, 2}});
  s.place(s.workload("db", 1), kAll, {{inv::kHostname, 1}, {inv::kZone, 1}});
  s.service("db", "db");
  return s;
}

graph::Simulation run(const graph::SystemGraph& g, std::vector<std::string> specs) {
  std::vector<graph::FailureSpec> failures;
  std::string error;
  for (const auto& text : specs) failures.push_back(*graph::parse_failure(text, error));
  auto sim = graph::simulate(g, failures, error);
  INFO(error);
  CHECK(error.empty());
  return sim;
}

std::vector<std::string> lines(const graph::SystemGraph& g, const graph::Simulation& sim) {
  std::vector<std::string> out;
  for (const auto& o : sim.outcomes) {
    out.push_back(g[o.workload].label + ": " + std::string(graph::to_string(o.impact)) + ", " + o.detail);
  }
  return out;
}

}  // namespace

TEST_SUITE("graph") {
  TEST_CASE("losing a node: the one-replica db goes down and takes its caller with it") {
    Scenario s = shop();
    const auto g = s.build();
    const auto sim = run(g, {"node=n1"});
    CHECK(sim.failed_nodes == std::vector<std::string>{"n1"});
    CHECK(lines(g, sim) == std::vector<std::string>{"Deployment/shop/db: down, loses all 1 replicas",
                                                    "Deployment/shop/web: down through a dependency, something it calls is down"});
    REQUIRE(sim.outcomes[1].path);
    CHECK(g.describe(*sim.outcomes[1].path) == "Deployment/shop/web → Service/shop/db → Deployment/shop/db (1 replica)");
    CHECK(sim.outcomes[1].lost == 1);
    CHECK(sim.outages() == 2);
  }

  TEST_CASE("webhooks of a Service that loses every backend: fail-closed ones block, fail-open ones let requests through") {
    Scenario s = shop();
    auto& config = s.model.webhooks.emplace_back();
    config.meta.ref = {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "", "db-policy"};
    for (const char* policy : {"Fail", "Ignore"}) {
      auto& hook = config.webhooks.emplace_back();
      hook.name = std::string(policy) == "Fail" ? "strict.example.com" : "lenient.example.com";
      hook.failure_policy = policy;
      hook.service_namespace = "shop";
      hook.service_name = "db";
    }
    const auto g = s.build();
    const auto sim = run(g, {"node=n1"});
    CHECK(sim.webhooks_down == std::vector<std::string>{"ValidatingWebhookConfiguration/db-policy (strict.example.com)"});
    CHECK(sim.webhooks_failing_open ==
          std::vector<std::string>{"ValidatingWebhookConfiguration/db-policy (lenient.example.com)"});
    std::ostringstream text;
    faultline::report::write_simulation_text(g, sim, text);
    CHECK(text.str().find("  WEBHOOK DOWN       ValidatingWebhookConfiguration/db-policy (strict.example.com): its Service "
                          "has no running backend, so the API server rejects what it intercepts (failurePolicy Fail)\n") !=
          std::string::npos);
    CHECK(text.str().find("  WEBHOOK FAILS OPEN ValidatingWebhookConfiguration/db-policy (lenient.example.com): its Service "
                          "has no running backend, so what it intercepts is admitted unchecked (failurePolicy Ignore)\n") !=
          std::string::npos);
    std::ostringstream json;
    faultline::report::write_simulation_json(g, sim, {}, json);
    CHECK(json.str().find("\"webhooksDown\": [\n    \"ValidatingWebhookConfiguration/db-policy (strict.example.com)\"\n  ]") !=
          std::string::npos);
    CHECK(json.str().find("\"webhooksFailingOpen\": [\n    \"ValidatingWebhookConfiguration/db-policy (lenient.example.com)\"\n  ]") !=
          std::string::npos);
  }

  TEST_CASE("a Service that selects one StatefulSet pod by name goes down when its workload may have lost that pod") {
    Scenario s;
    for (const char* n : {"n1", "n2", "n3"}) s.node(n, n);
    s.place(s.workload("kafka", 3, faultline::model::WorkloadKind::StatefulSet), kAll, {{inv::kHostname, 1}, {inv::kZone, 1}});
    auto& client = s.workload("client", 2);
    Scenario::env(client, "BROKER", "kafka-0:9092");
    s.place(client, kAll, {{inv::kHostname, 1}, {inv::kZone, 1}});
    s.service("kafka-0", "kafka").selector->emplace("statefulset.kubernetes.io/pod-name", "kafka-0");
    const auto g = s.build();
    const auto sim = run(g, {"node=n2"});
    CHECK(lines(g, sim) == std::vector<std::string>{
                               "Deployment/shop/client: down through a dependency, something it calls is down",
                               "StatefulSet/shop/kafka: degraded, 2 of 3 replicas left"});
    REQUIRE(sim.outcomes[0].path);
    CHECK(g.describe(*sim.outcomes[0].path) ==
          "Deployment/shop/client → Service/shop/kafka-0 → StatefulSet/shop/kafka");
  }

  TEST_CASE("a workload scaled to 0 is not among those a node loss takes down") {
    Scenario s = shop();
    s.place(s.workload("idle", 0), kAll, {{inv::kHostname, 0}, {inv::kZone, 0}});
    const auto g = s.build();
    for (const auto& o : run(g, {"node=n1"}).outcomes) CHECK(g[o.workload].label != "Deployment/shop/idle");
    CHECK(run(g, {"any-node"}).outages() == 2);  // db and web, as without idle
  }

  TEST_CASE("losing a zone: at most 2 of web's replicas share a zone") {
    Scenario s = shop();
    s.model.services.clear();  // no dependency: look at web alone
    const auto g = s.build();
    const auto sim = run(g, {"zone=a"});
    CHECK(sim.failed_nodes == std::vector<std::string>{"n1", "n2"});
    CHECK(lines(g, sim) == std::vector<std::string>{"Deployment/shop/db: down, loses all 1 replicas",
                                                    "Deployment/shop/web: degraded, 1 of 3 replicas left"});
  }

  TEST_CASE("losing a domain of a custom key (rack) counts the eligible nodes in it") {
    Scenario s = shop();
    s.model.services.clear();
    const auto g = s.build();
    const auto sim = run(g, {"rack=r2"});
    CHECK(sim.failed_nodes == std::vector<std::string>{"n2"});
    CHECK(lines(g, sim) == std::vector<std::string>{"Deployment/shop/db: down, loses all 1 replicas",
                                                    "Deployment/shop/web: degraded, 2 of 3 replicas left"});
  }

  TEST_CASE("several failures combine; a node outside every workload's eligible set changes nothing") {
    Scenario s = shop();
    s.model.services.clear();
    s.node("spare", "b");
    const auto g = s.build();
    CHECK(run(g, {"node=spare"}).outcomes.empty());
    const auto sim = run(g, {"node=n1", "node=n3"});
    CHECK(lines(g, sim).back() == "Deployment/shop/web: degraded, 1 of 3 replicas left");
  }

  TEST_CASE("falling below a PDB minimum is reported, and is not an outage") {
    Scenario s = shop();
    s.model.services.clear();
    auto& pdb = s.model.pdbs.emplace_back();
    pdb.meta.ref = {"policy/v1", "PodDisruptionBudget", "shop", "web"};
    pdb.selector = faultline::model::LabelSelector{{{"app", "web"}}, {}};
    pdb.min_available = faultline::model::IntOrPercent{3, false};
    const auto g = s.build();
    const auto sim = run(g, {"node=n3"});
    CHECK(lines(g, sim).back() == "Deployment/shop/web: below its disruption budget, 2 of 3 replicas left, "
                                  "PodDisruptionBudget/shop/web wants 3");
    CHECK(sim.outages() == 1);  // db only
  }

  TEST_CASE("quorum: 3 replicas over 2 zones lose the majority with a zone, over 3 zones they keep it") {
    for (const bool three_zones : {false, true}) {
      CAPTURE(three_zones);
      Scenario s;
      s.node("n1", "a");
      s.node("n2", three_zones ? "b" : "a");
      s.node("n3", three_zones ? "c" : "b");
      auto& etcd = s.workload("etcd", 3, faultline::model::WorkloadKind::StatefulSet);
      etcd.meta.annotations[graph::kQuorumAnnotation] = "majority";
      s.place(etcd, kAll, {{inv::kHostname, 1}, {inv::kZone, three_zones ? 1 : 2}});
      const auto g = s.build();
      const auto sim = run(g, {"any-zone"});
      CHECK(sim.tried == (three_zones ? 3u : 2u));
      REQUIRE(sim.outcomes.size() == 1);
      if (three_zones) {
        CHECK(lines(g, sim).front() == "StatefulSet/shop/etcd: degraded, 2 of 3 replicas left");
        CHECK(sim.outages() == 0);
      } else {
        CHECK(sim.failed == std::vector<std::string>{"topology.kubernetes.io/zone=a"});
        CHECK(lines(g, sim).front() == "StatefulSet/shop/etcd: below quorum, 1 of 3 replicas left, a majority is 2");
        CHECK(sim.outages() == 1);
      }
    }
  }

  TEST_CASE("any-node reports the worst node") {
    Scenario s;
    s.node("n1", "a");
    s.node("n2", "a");
    s.place(s.workload("pinned", 1), {"n2"}, {{inv::kHostname, 1}});
    s.place(s.workload("wide", 2), {"n1", "n2"}, {{inv::kHostname, 1}});
    const auto g = s.build();
    const auto sim = run(g, {"any-node"});
    CHECK(sim.failed_nodes == std::vector<std::string>{"n2"});
    CHECK(sim.outages() == 1);
  }

  TEST_CASE("bad failure specs and unknown domains are errors that say what is known") {
    std::string error;
    CHECK_FALSE(graph::parse_failure("zone", error));
    CHECK(error.find("KEY=VALUE") != std::string::npos);
    Scenario s = shop();
    const auto g = s.build();
    graph::simulate(g, {{"zone", "nowhere", false}}, error);
    CHECK(error == "--fail zone=nowhere: no node has topology.kubernetes.io/zone=nowhere (known: a, b)");
    graph::simulate(g, {{"zone", "", true}, {"node", "", true}}, error);
    CHECK(error == "--fail: only one any-KEY can be given");

    Scenario empty;
    empty.workload("web", 1);
    const auto g2 = empty.build();
    graph::simulate(g2, {{"zone", "a", false}}, error);
    CHECK(error.find("--nodes") != std::string::npos);
  }
}
