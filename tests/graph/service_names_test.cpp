// Service DNS names in free text: every form the resolver accepts, and words that only look alike.
#include <algorithm>

#include <doctest/doctest.h>

#include "faultline/graph/dependencies.hpp"

using faultline::graph::ServiceName;
using faultline::graph::service_names_in;

namespace {
std::vector<ServiceName> names(const char* text) { return service_names_in(text, "shop", "DB_HOST"); }
ServiceName svc(const char* ns, const char* name) { return ServiceName{ns, name}; }
}  // namespace

TEST_SUITE("graph") {
  TEST_CASE("a bare short name resolves in the pod's own namespace") {
    CHECK(names("postgres") == std::vector{svc("shop", "postgres")});
  }

  TEST_CASE("svc.ns, svc.ns.svc and the fully qualified name name the Service in ns") {
    CHECK(names("postgres.db") == std::vector{svc("db", "postgres")});
    CHECK(names("postgres.db.svc") == std::vector{svc("db", "postgres")});
    CHECK(names("postgres.db.svc.cluster.local") == std::vector{svc("db", "postgres")});
    CHECK(names("postgres.db.svc.cluster.local.") == std::vector{svc("db", "postgres")});
    // The cluster domain is configurable, so any zone after "svc" is accepted.
    CHECK(names("postgres.db.svc.corp.example") == std::vector{svc("db", "postgres")});
  }

  TEST_CASE("per-pod names of a headless Service name that Service") {
    CHECK(names("kafka-0.kafka-headless.data.svc.cluster.local:9092") == std::vector{svc("data", "kafka-headless")});
  }

  TEST_CASE("ports, URL schemes, user info and paths are stripped") {
    CHECK(names("postgres:5432") == std::vector{svc("shop", "postgres")});
    CHECK(names("http://api.shop:8080/v1/items?x=1") == std::vector{svc("shop", "api")});
    CHECK(names("jdbc:postgresql://postgres:5432/keycloak") == std::vector{svc("shop", "postgres")});
    CHECK(names("redis://user:secret@redis-cart.shop.svc:6379/0") == std::vector{svc("shop", "redis-cart")});
    CHECK(names("grpc://checkout:5050") == std::vector{svc("shop", "checkout")});
  }

  TEST_CASE("settings, flags and lists are read at their separators") {
    CHECK(names("--db-host=postgres") == std::vector{svc("shop", "postgres")});
    CHECK(names("host=postgres port=5432 dbname=app") == std::vector{svc("shop", "app"), svc("shop", "postgres")});
    CHECK(names("kafka:9092,zookeeper:2181") == std::vector{svc("shop", "kafka"), svc("shop", "zookeeper")});
    CHECK(names("{\"host\": \"postgres\"}") == std::vector{svc("shop", "host"), svc("shop", "postgres")});
    CHECK(names("host: postgres\nport: 5432") == std::vector{svc("shop", "postgres")});
  }

  TEST_CASE("false friends: a longer word that contains a Service name is not that Service") {
    for (const char* text : {"postgres-password", "my-redis-cache", "redis_cart", "postgresql",
                             "POSTGRES", "/var/lib/postgres", "postgres:latest", "image:redis", "$(REDIS_HOST)"}) {
      CAPTURE(text);
      const auto found = names(text);
      CHECK(std::find(found.begin(), found.end(), svc("shop", "postgres")) == found.end());
      CHECK(std::find(found.begin(), found.end(), svc("shop", "redis")) == found.end());
    }
  }

  TEST_CASE("a bare word is a host only when its env var, flag or key says so") {
    CHECK(service_names_in("keycloak", "shop", "POSTGRES_USER").empty());
    CHECK(service_names_in("postgres", "shop", "KC_DB").empty());
    CHECK(service_names_in("postgres", "shop", "KC_DB_URL_HOST") == std::vector{svc("shop", "postgres")});
    CHECK(service_names_in("redis", "shop", "REDIS_ADDR") == std::vector{svc("shop", "redis")});
    CHECK(service_names_in("--db-host=postgres --user=keycloak", "shop") == std::vector{svc("shop", "postgres")});
    CHECK(service_names_in("user: keycloak\nhost: postgres\n", "shop") == std::vector{svc("shop", "postgres")});
    // A port, a scheme or a dotted name says "host" on its own.
    CHECK(service_names_in("redis:6379", "shop", "CACHE") == std::vector{svc("shop", "redis")});
    CHECK(service_names_in("grpc://cart", "shop", "X") == std::vector{svc("shop", "cart")});
    CHECK(service_names_in("cart.shop", "shop", "X") == std::vector{svc("shop", "cart")});
  }

  TEST_CASE("host names outside the cluster and IP addresses are not Services") {
    CHECK(names("10.0.0.1:5432").empty());
    CHECK(names("https://api.example.com/v1").empty());
    CHECK(names("").empty());
  }
}
