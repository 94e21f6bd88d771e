// Dependency edges: env values, args, command, referenced ConfigMaps, the depends-on annotation,
// declared edges, each with its evidence; false friends and other namespaces do not match.
#include <doctest/doctest.h>

#include "scenario.hpp"

using faultline::test::calls_of;
using faultline::test::Scenario;
namespace graph = faultline::graph;

TEST_SUITE("graph") {
  TEST_CASE("env values, args and command name Services in every DNS form") {
    Scenario s;
    auto& web = s.workload("web", 2);
    Scenario::env(web, "DB_URL", "jdbc:postgresql://postgres:5432/app");
    Scenario::env(web, "CACHE", "redis.cache.svc.cluster.local:6379");
    web.pod.containers.front().args = {"--queue=http://queue.shop.svc:8080/in"};
    web.pod.containers.front().command = {"/bin/wait-for", "search.shop:9200"};
    for (const char* app : {"postgres", "queue", "search"}) {
      s.workload(app, 1);
      s.service(app, app);
    }
    s.workload("redis", 1, faultline::model::WorkloadKind::StatefulSet, "cache");
    s.service("redis", "redis", "cache");
    const auto g = s.build();
    CHECK(calls_of(g, "Deployment/shop/web") ==
          std::vector<std::string>{"Service/cache/redis", "Service/shop/postgres", "Service/shop/queue", "Service/shop/search"});
  }

  TEST_CASE("$(VAR) references to the container's env vars are expanded, as the kubelet does") {
    Scenario s;
    auto& web = s.workload("web", 2);
    Scenario::env(web, "COLLECTOR", "otel-collector");
    Scenario::env(web, "OTLP", "http://$(COLLECTOR):4317");
    web.pod.containers.front().args = {"--db=$(DB_HOST):5432", "$$(COLLECTOR)"};
    Scenario::env(web, "DB_HOST", "postgres");
    for (const char* app : {"otel-collector", "postgres"}) {
      s.workload(app, 1);
      s.service(app, app);
    }
    const auto g = s.build();
    CHECK(calls_of(g, "Deployment/shop/web") == std::vector<std::string>{"Service/shop/otel-collector", "Service/shop/postgres"});
  }

  TEST_CASE("each edge records its evidence") {
    Scenario s;
    auto& web = s.workload("web", 2);
    Scenario::env(web, "DB_HOST", "postgres");
    Scenario::env(web, "DB_URL", "postgres://postgres:5432/app");
    s.workload("postgres", 1);
    s.service("postgres", "postgres");
    const auto g = s.build();
    const auto v = faultline::test::vertex_of(g, "Deployment/shop/web");
    const auto [e, found] = boost::edge(v, *g.find(s.model.services.front()), g.graph());
    REQUIRE(found);
    CHECK(g.graph()[e].evidence == std::vector<std::string>{"container web env DB_HOST", "container web env DB_URL"});
  }

  TEST_CASE("ConfigMaps the pod references: configMapKeyRef, envFrom and mounted volumes") {
    Scenario s;
    auto& web = s.workload("web", 2);
    auto& c = web.pod.containers.front();
    c.env.push_back({"DB", "", "settings", "database"});
    c.env_from_config_maps = {"env-settings"};
    web.pod.detail.edit().volumes.push_back({"conf", "configMap", "", "mounted"});
    s.config_map("settings", {{"database", "postgres:5432"}, {"unused", "ignored-by-key-ref"}});
    s.config_map("env-settings", {{"QUEUE_URL", "amqp://queue:5672"}});
    s.config_map("mounted", {{"app.yaml", "search:\n  url: http://search.shop.svc.cluster.local:9200\n"}});
    s.config_map("not-referenced", {{"x", "lonely:80"}});
    for (const char* app : {"postgres", "queue", "search", "lonely", "ignored-by-key-ref"}) {
      s.workload(app, 1);
      s.service(app, app);
    }
    const auto g = s.build();
    CHECK(calls_of(g, "Deployment/shop/web") ==
          std::vector<std::string>{"Service/shop/postgres", "Service/shop/queue", "Service/shop/search"});
    const auto v = faultline::test::vertex_of(g, "Deployment/shop/web");
    std::vector<std::string> evidence;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g.graph()))) {
      for (const auto& item : g.graph()[e].evidence) evidence.push_back(item);
    }
    std::sort(evidence.begin(), evidence.end());
    CHECK(evidence == std::vector<std::string>{"ConfigMap shop/env-settings key QUEUE_URL (envFrom)",
                                               "ConfigMap shop/mounted key app.yaml (volume conf)",
                                               "ConfigMap shop/settings key database (env DB)"});
  }

  TEST_CASE("false friends: words containing a Service name do not make an edge") {
    Scenario s;
    auto& web = s.workload("web", 2);
    Scenario::env(web, "POSTGRES_PASSWORD_KEY", "postgres-password");
    Scenario::env(web, "CACHE_NAME", "my-redis-cache");
    Scenario::env(web, "DATA", "/var/lib/postgres/data");
    s.workload("postgres", 1);
    s.service("postgres", "postgres");
    s.workload("redis", 1);
    s.service("redis", "redis");
    const auto g = s.build();
    CHECK(calls_of(g, "Deployment/shop/web").empty());
  }

  TEST_CASE("a bare short name matches only a Service in the pod's own namespace") {
    Scenario s;
    auto& web = s.workload("web", 2);
    Scenario::env(web, "DB_HOST", "postgres");
    s.workload("postgres", 1, faultline::model::WorkloadKind::Deployment, "db");
    s.service("postgres", "postgres", "db");
    const auto g = s.build();
    CHECK(calls_of(g, "Deployment/shop/web").empty());
  }

  TEST_CASE("a workload naming its own Service does not depend on itself") {
    Scenario s;
    auto& kc = s.workload("keycloak", 2, faultline::model::WorkloadKind::StatefulSet);
    Scenario::env(kc, "KC_HOSTNAME", "keycloak");
    s.service("keycloak", "keycloak");
    const auto g = s.build();
    CHECK(calls_of(g, "StatefulSet/shop/keycloak").empty());
  }

  TEST_CASE("the depends-on annotation names Services, or workloads when no Service has the name") {
    Scenario s;
    auto& web = s.workload("web", 2);
    web.meta.annotations["faultline.io/depends-on"] = "db/postgres, worker ,shop/missing";
    s.workload("postgres", 1, faultline::model::WorkloadKind::StatefulSet, "db");
    s.service("postgres", "postgres", "db");
    s.workload("worker", 1);
    const auto g = s.build();
    CHECK(calls_of(g, "Deployment/shop/web") == std::vector<std::string>{"Deployment/shop/worker", "Service/db/postgres"});
    REQUIRE(g.diagnostics().size() == 1);
    CHECK(g.diagnostics().front().message.find("shop/missing") != std::string::npos);
  }

  TEST_CASE("dependencies declared by a pack, with the pack file as evidence") {
    Scenario s;
    s.workload("web-a", 2);
    s.workload("web-b", 2);
    s.workload("other", 2);
    s.workload("postgres", 1);
    s.service("postgres", "postgres");
    graph::DeclaredEdge edge;
    edge.from_namespace = "shop";
    edge.from_name = "web-*";
    edge.to_namespace = "shop";
    edge.to_name = "postgres";
    edge.reason = "web stores sessions in postgres";
    edge.where = {"policies/x/_dependencies.yaml", 3, 0, ""};
    s.declarations.edges.push_back(edge);
    const auto g = s.build();
    CHECK(calls_of(g, "Deployment/shop/web-a") == std::vector<std::string>{"Service/shop/postgres"});
    CHECK(calls_of(g, "Deployment/shop/web-b") == std::vector<std::string>{"Service/shop/postgres"});
    CHECK(calls_of(g, "Deployment/shop/other").empty());
    const auto v = faultline::test::vertex_of(g, "Deployment/shop/web-a");
    const auto e = *boost::out_edges(v, g.graph()).first;
    CHECK(g.graph()[e].evidence.front() == "declared in policies/x/_dependencies.yaml:3: web stores sessions in postgres");
  }
}
