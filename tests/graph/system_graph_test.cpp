// The graph's structure and its questions: SPOFs, blast radius, SPOF dependencies with paths, cycles.
#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "scenario.hpp"

using faultline::test::Scenario;
using faultline::test::vertex_of;
namespace graph = faultline::graph;
using faultline::model::WorkloadKind;

namespace {

// frontend (3) → api (2) → postgres (1); worker (2) → postgres; admin (1) → api.
Scenario chain() {
  Scenario s;
  Scenario::env(s.workload("frontend", 3), "API", "http://api:8080");
  Scenario::env(s.workload("api", 2), "DB", "postgres:5432");
  Scenario::env(s.workload("worker", 2), "DB", "postgres.shop.svc.cluster.local");
  Scenario::env(s.workload("admin", 1), "API", "api.shop");
  s.workload("postgres", 1, WorkloadKind::StatefulSet);
  s.service("api", "api");
  s.service("postgres", "postgres");
  return s;
}

}  // namespace

TEST_SUITE("graph") {
  TEST_CASE("SPOF: one replica, all replicas on one node, nothing schedulable; not: spread or no inventory") {
    Scenario s;
    s.node("n1", "a");
    s.node("n2", "b");
    s.workload("single", 1);
    s.place(s.workload("crowded", 3), {"n1", "n2"}, {{faultline::inventory::kHostname, 3}});
    s.place(s.workload("spread", 2), {"n1", "n2"}, {{faultline::inventory::kHostname, 1}});
    s.workload("scaled-to-zero", 0);
    const auto g0 = s.build();
    CHECK(g0[vertex_of(g0, "Deployment/shop/single")].spof.reason == "1 replica");
    CHECK(g0[vertex_of(g0, "Deployment/shop/crowded")].spof.spof);
    CHECK(g0[vertex_of(g0, "Deployment/shop/crowded")].spof.reason == "all 3 replicas can share one node");
    CHECK_FALSE(g0[vertex_of(g0, "Deployment/shop/spread")].spof.spof);
    CHECK_FALSE(g0[vertex_of(g0, "Deployment/shop/scaled-to-zero")].spof.spof);

    // Pending replicas count against the runnable ones.
    faultline::placement::WorkloadPlacement p;
    p.workload = &s.model.workloads.back();
    p.replicas = 2;
    p.pending = 2;
    CHECK(graph::spof_status(p, true).reason == "none of its 2 replicas can be scheduled");
    p.pending = 1;
    CHECK(graph::spof_status(p, true).reason == "1 of 2 replicas can be scheduled");
    // Without an inventory, two replicas are not called a SPOF: nothing is known about nodes.
    p.pending = 0;
    CHECK_FALSE(graph::spof_status(p, false).spof);
  }

  TEST_CASE("Services select their workloads; PDBs and HPAs govern them") {
    Scenario s = chain();
    auto& pdb = s.model.pdbs.emplace_back();
    pdb.meta.ref = {"policy/v1", "PodDisruptionBudget", "shop", "api"};
    pdb.selector = faultline::model::LabelSelector{{{"app", "api"}}, {}};
    const auto g = s.build();
    const auto api = vertex_of(g, "Deployment/shop/api");
    std::vector<std::string> in;
    for (const auto e : boost::make_iterator_range(boost::in_edges(api, g.graph()))) {
      in.push_back(std::string(graph::to_string(g.graph()[e].kind)) + " " + g[boost::source(e, g.graph())].label);
    }
    std::sort(in.begin(), in.end());
    CHECK(in == std::vector<std::string>{"governs PodDisruptionBudget/shop/api", "selects Service/shop/api"});
  }

  TEST_CASE("blast radius: every workload that depends on a SPOF, transitively") {
    Scenario s = chain();
    const auto g = s.build();
    CHECK(g.blast_radius(vertex_of(g, "StatefulSet/shop/postgres")) ==
          std::vector<std::string>{"Deployment/shop/admin", "Deployment/shop/api", "Deployment/shop/frontend",
                                   "Deployment/shop/worker"});
    CHECK(g.blast_radius(vertex_of(g, "Deployment/shop/admin")).empty());
  }

  TEST_CASE("SPOF dependencies carry the path, through Services and intermediate workloads") {
    Scenario s = chain();
    const auto g = s.build();
    const auto deps = g.spof_dependencies(vertex_of(g, "Deployment/shop/frontend"));
    CHECK_FALSE(deps.more);
    const auto& paths = deps.nearest;
    REQUIRE(paths.size() == 1);
    CHECK(g.describe(paths.front()) ==
          "Deployment/shop/frontend → Service/shop/api → Deployment/shop/api → Service/shop/postgres → "
          "StatefulSet/shop/postgres (1 replica)");
    CHECK(g.spof_dependencies(vertex_of(g, "StatefulSet/shop/postgres")).nearest.empty());
  }

  TEST_CASE("a Service is down only when every workload it selects is: SPOF dependencies and blast radius") {
    // frontend (2) → Service db, which selects db-primary (1 replica, a SPOF) and db-replicas (3).
    const auto system = [](bool replicas_call_config, bool primary_calls_config) {
      Scenario s;
      Scenario::env(s.workload("frontend", 2), "DB", "db:5432");
      s.workload("db-primary", 1).pod.labels = {{"app", "db"}};
      s.workload("db-replicas", 3).pod.labels = {{"app", "db"}};
      s.workload("config", 1);
      s.service("db", "db");
      s.service("config", "config");
      if (primary_calls_config) Scenario::env(s.model.workloads[1], "CONFIG", "config:80");
      if (replicas_call_config) Scenario::env(s.model.workloads[2], "CONFIG", "config:80");
      return s;
    };
    {
      // Only db-primary calls config: the well-spread db-replicas keep Service db up.
      Scenario s = system(false, true);
      const auto g = s.build();
      for (const auto v : g.services())
        if (g[v].label == "Service/shop/db") CHECK(g.backend_count(v) == 2);
      CHECK(g.spof_dependencies(vertex_of(g, "Deployment/shop/frontend")).nearest.empty());
      CHECK(g.spof_dependencies(vertex_of(g, "Deployment/shop/db-replicas")).nearest.empty());
      CHECK(g.blast_radius(vertex_of(g, "Deployment/shop/db-primary")).empty());
      CHECK(g.blast_radius(vertex_of(g, "Deployment/shop/config")) == std::vector<std::string>{"Deployment/shop/db-primary"});
    }
    {
      // Both backends call config: losing it takes every backend, so Service db and frontend.
      Scenario s = system(true, true);
      const auto g = s.build();
      const auto deps = g.spof_dependencies(vertex_of(g, "Deployment/shop/frontend"));
      REQUIRE(deps.nearest.size() == 1);
      CHECK(g.describe(deps.nearest.front()) ==
            "Deployment/shop/frontend → Service/shop/db → Deployment/shop/db-replicas → Service/shop/config → "
            "Deployment/shop/config (1 replica)");
      CHECK(g.blast_radius(vertex_of(g, "Deployment/shop/config")) ==
            std::vector<std::string>{"Deployment/shop/db-primary", "Deployment/shop/db-replicas", "Deployment/shop/frontend"});
      CHECK(g.blast_radius(vertex_of(g, "Deployment/shop/db-primary")).empty());
    }
  }

  TEST_CASE("cycles are found once, with every member") {
    Scenario s = chain();
    Scenario::env(s.workload("orders", 2), "BILLING", "billing:80");
    Scenario::env(s.workload("billing", 2), "NEXT", "ledger:80");
    Scenario::env(s.workload("ledger", 2), "BACK", "orders:80");
    for (const char* app : {"orders", "billing", "ledger"}) s.service(app, app);
    const auto g = s.build();
    const auto cycles = g.dependency_cycles();
    REQUIRE(cycles.size() == 1);
    std::vector<std::string> names;
    for (const auto v : cycles.front()) names.push_back(g[v].label);
    CHECK(names == std::vector<std::string>{"Deployment/shop/billing", "Deployment/shop/ledger", "Deployment/shop/orders"});
  }

  TEST_CASE("a ring of 300 workloads: one cycle, each SPOF's blast radius is the ring, the nearest SPOFs bounded") {
    // r-000 → r-001 → … → r-299 → r-000, each through the next one's Service; every 20th runs 1 replica.
    constexpr int kSize = 300, kEvery = 20;
    Scenario s;
    const auto name = [](int i) { return fmt::format("r-{:03}", i % kSize); };
    for (int i = 0; i < kSize; ++i) {
      Scenario::env(s.workload(name(i), i % kEvery == 0 ? 1 : 2), "NEXT", "http://" + name(i + 1) + ":80");
      s.service(name(i), name(i));
    }
    const auto g = s.build();
    const auto cycles = g.dependency_cycles();
    REQUIRE(cycles.size() == 1);
    CHECK(cycles.front().size() == kSize);
    CHECK(g[cycles.front().front()].label == "Deployment/shop/r-000");
    const auto radius = g.blast_radius(vertex_of(g, "Deployment/shop/r-020"));
    CHECK(radius.size() == kSize - 1);
    CHECK(std::find(radius.begin(), radius.end(), "Deployment/shop/r-020") == radius.end());
    // r-005 reaches all 15 SPOFs: the 10 nearest are listed, the next one (r-020) first.
    const auto deps = g.spof_dependencies(vertex_of(g, "Deployment/shop/r-005"));
    CHECK(deps.more);
    REQUIRE(deps.nearest.size() == graph::kNearestSpofs);
    CHECK(g.describe(deps.nearest.front()) ==
          "Deployment/shop/r-005 → Service/shop/r-006 → Deployment/shop/r-006 → Service/shop/r-007 → "
          "Deployment/shop/r-007 → Service/shop/r-008 → Deployment/shop/r-008 → Service/shop/r-009 → "
          "Deployment/shop/r-009 → Service/shop/r-010 → Deployment/shop/r-010 → Service/shop/r-011 → "
          "Deployment/shop/r-011 → Service/shop/r-012 → Deployment/shop/r-012 → Service/shop/r-013 → "
          "Deployment/shop/r-013 → Service/shop/r-014 → Deployment/shop/r-014 → Service/shop/r-015 → "
          "Deployment/shop/r-015 → Service/shop/r-016 → Deployment/shop/r-016 → Service/shop/r-017 → "
          "Deployment/shop/r-017 → Service/shop/r-018 → Deployment/shop/r-018 → Service/shop/r-019 → "
          "Deployment/shop/r-019 → Service/shop/r-020 → Deployment/shop/r-020 (1 replica)");
    for (std::size_t i = 0; i < deps.nearest.size(); ++i) {
      CHECK(g[deps.nearest[i].vertices.back()].label == "Deployment/shop/" + name(20 * static_cast<int>(i + 1)));
      CHECK(deps.nearest[i].vertices.size() == 2 * (15 + 20 * i) + 1);  // two hops per workload passed
    }
    // A SPOF depends on the other 14; it is not among its own dependencies.
    const auto from_spof = g.spof_dependencies(vertex_of(g, "Deployment/shop/r-000"));
    CHECK(from_spof.more);
    CHECK(g[from_spof.nearest.front().vertices.back()].label == "Deployment/shop/r-020");
  }

  TEST_CASE("a short ring with two SPOFs lists exactly those two, nearest first") {
    Scenario s;
    for (const char* app : {"a", "b", "c", "d"}) s.service(app, app);
    Scenario::env(s.workload("a", 2), "NEXT", "b:80");
    Scenario::env(s.workload("b", 1), "NEXT", "c:80");
    Scenario::env(s.workload("c", 2), "NEXT", "d:80");
    Scenario::env(s.workload("d", 1), "NEXT", "a:80");
    const auto g = s.build();
    const auto deps = g.spof_dependencies(vertex_of(g, "Deployment/shop/c"));
    CHECK_FALSE(deps.more);
    REQUIRE(deps.nearest.size() == 2);
    CHECK(g[deps.nearest[0].vertices.back()].label == "Deployment/shop/d");
    CHECK(g[deps.nearest[1].vertices.back()].label == "Deployment/shop/b");
    CHECK(g.blast_radius(vertex_of(g, "Deployment/shop/b")) ==
          std::vector<std::string>{"Deployment/shop/a", "Deployment/shop/c", "Deployment/shop/d"});
  }

  TEST_CASE("webhooks are backed by their Service") {
    Scenario s;
    s.workload("policy", 1);
    s.service("policy-webhook", "policy");
    auto& config = s.model.webhooks.emplace_back();
    config.meta.ref = {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "", "policy"};
    auto& hook = config.webhooks.emplace_back();
    hook.name = "pods.policy.example.com";
    hook.service_namespace = "shop";
    hook.service_name = "policy-webhook";
    const auto g = s.build();
    REQUIRE(g.webhooks().size() == 1);
    const auto e = *boost::out_edges(g.webhooks().front(), g.graph()).first;
    CHECK(g.graph()[e].kind == graph::EdgeKind::backed_by);
    CHECK(g[boost::target(e, g.graph())].label == "Service/shop/policy-webhook");
  }
}
