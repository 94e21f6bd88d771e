// Real manifests (fixtures/corpus): dependency edges checked by hand against the files, the SPOFs
// with the largest blast radius, and depends-on-spof on Keycloak's one-replica PostgreSQL.
#include <doctest/doctest.h>

#include "faultline/graph/verdicts.hpp"
#include "faultline/pipeline.hpp"

namespace {

std::unique_ptr<faultline::Analysis> analyze_corpus(const std::string& path) {
  faultline::AnalysisOptions options;
  options.paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/corpus/" + path};
  return faultline::analyze(options);
}

bool calls(const faultline::graph::SystemGraph& g, const std::string& from, const std::string& service) {
  for (const auto v : g.workloads()) {
    if (g[v].label != from) continue;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g.graph()))) {
      if (g.graph()[e].kind == faultline::graph::EdgeKind::calls && g[boost::target(e, g.graph())].label == service) return true;
    }
  }
  return false;
}

}  // namespace

TEST_SUITE("corpus") {
  TEST_CASE("keycloak-quickstarts: the 2-replica Keycloak depends on the 1-replica PostgreSQL") {
    const auto a = analyze_corpus("keycloak-quickstarts");
    REQUIRE(a->graph);
    CHECK(calls(*a->graph, "StatefulSet/default/keycloak", "Service/default/postgres"));  // KC_DB_URL_HOST: postgres
    CHECK_FALSE(calls(*a->graph, "Deployment/default/postgres", "Service/default/keycloak"));  // POSTGRES_USER is a user
    std::vector<const faultline::rules::Finding*> found;
    for (const auto& f : a->findings) {
      if (f.rule == "depends-on-spof") found.push_back(&f);
    }
    REQUIRE(found.size() == 1);
    CHECK(found[0]->object.display() == "StatefulSet/default/keycloak");
    CHECK(found[0]->subject == "Deployment/default/postgres");
    CHECK(found[0]->evidence.front() ==
          "StatefulSet/default/keycloak → Service/default/postgres → Deployment/default/postgres (1 replica)");
    // Findings about the SPOF itself carry its blast radius.
    bool radius = false;
    for (const auto& f : a->findings) {
      if (f.object.display() == "Deployment/default/postgres") {
        CHECK(f.blast_radius == std::vector<std::string>{"StatefulSet/default/keycloak"});
        radius = true;
      }
    }
    CHECK(radius);
  }

  TEST_CASE("microservices-demo: edges from the ADDR env vars; productcatalogservice and redis-cart hit most") {
    const auto a = analyze_corpus("microservices-demo");
    const auto& g = *a->graph;
    CHECK(calls(g, "Deployment/default/frontend", "Service/default/productcatalogservice"));  // PRODUCT_CATALOG_SERVICE_ADDR
    CHECK(calls(g, "Deployment/default/cartservice", "Service/default/redis-cart"));          // REDIS_ADDR redis-cart:6379
    CHECK(calls(g, "Deployment/default/checkoutservice", "Service/default/paymentservice"));  // PAYMENT_SERVICE_ADDR
    CHECK(calls(g, "Deployment/default/loadgenerator", "Service/default/frontend"));          // FRONTEND_ADDR frontend:80
    CHECK_FALSE(calls(g, "Deployment/default/paymentservice", "Service/default/frontend"));
    const auto spofs = faultline::graph::spofs_by_blast_radius(g);
    REQUIRE(spofs.size() >= 2);
    CHECK(g[spofs[0].first].label == "Deployment/default/productcatalogservice");
    CHECK(spofs[0].second == std::vector<std::string>{"Deployment/default/checkoutservice", "Deployment/default/frontend",
                                                       "Deployment/default/loadgenerator",
                                                       "Deployment/default/recommendationservice"});
    CHECK(g[spofs[1].first].label == "Deployment/default/redis-cart");
    CHECK(spofs[1].second.size() == 4);
    CHECK(g.dependency_cycles().empty());
  }

  TEST_CASE("opentelemetry-demo: flagd, called by every service, has the largest blast radius; one real cycle") {
    const auto a = analyze_corpus("opentelemetry-demo");
    const auto& g = *a->graph;
    CHECK(calls(g, "Deployment/default/checkout", "Service/default/kafka"));           // KAFKA_ADDR kafka:9092
    CHECK(calls(g, "Deployment/default/accounting", "Service/default/postgresql"));    // DB_CONNECTION_STRING
    CHECK(calls(g, "Deployment/default/cart", "Service/default/valkey-cart"));         // VALKEY_ADDR
    CHECK(calls(g, "Deployment/default/shipping", "Service/default/quote"));           // QUOTE_ADDR http://quote:8080
    CHECK(calls(g, "Deployment/otel-demo/otel-collector", "Service/otel-demo/prometheus"));  // from its mounted ConfigMap
    const auto spofs = faultline::graph::spofs_by_blast_radius(g);
    REQUIRE_FALSE(spofs.empty());
    CHECK(g[spofs[0].first].label == "Deployment/default/flagd");
    CHECK(spofs[0].second.size() == 11);
    CHECK(g[spofs[1].first].label == "Deployment/default/kafka");
    // frontend-proxy routes to the load generator's web UI, which drives traffic through the proxy.
    const auto cycles = g.dependency_cycles();
    REQUIRE(cycles.size() == 1);
    CHECK(g[cycles[0][0]].label == "Deployment/default/frontend-proxy");
    CHECK(g[cycles[0][1]].label == "Deployment/default/load-generator");
  }
}
