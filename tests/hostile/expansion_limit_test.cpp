// Issue 11: what one custom resource may imply is bounded, and bad counts say what is wrong.
#include <doctest/doctest.h>

#include <string>

#include "../expand/raw_object.hpp"
#include "../rules/analyze_yaml.hpp"
#include "faultline/expand/expand.hpp"

using namespace faultline;
using expand::implied_objects;
using expand::test::raw_object;

namespace {

std::string prometheus(const std::string& spec) {
  return "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: mon}\nspec: " + spec +
         "\n";
}

bool has(const Diagnostics& diags, const std::string& text, int line = -1) {
  for (const auto& d : diags)
    if (d.message.find(text) != std::string::npos && (line < 0 || d.where.line == line)) return true;
  return false;
}

}  // namespace

TEST_SUITE("expand") {

TEST_CASE("shards × replicas of 2,000,000,000 stop at the limit: a diagnostic naming it, no workloads") {
  Diagnostics diags;
  const auto out = implied_objects(raw_object(prometheus("{shards: 2000000000, replicas: 2}"), 7), diags);
  CHECK(out.empty());
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].where.file == "cr.yaml");
  CHECK(diags[0].where.line == 7);
  CHECK(diags[0].message ==
        "Prometheus/mon/k8s: implies more than 1000 pods (--max-expanded 1000; shards × replicas, a workload counting at "
        "least 1); none of its workloads is analyzed");
}

TEST_CASE("the limit counts replicas of one workload, and workloads of zero replicas") {
  Diagnostics diags;
  CHECK(implied_objects(raw_object(prometheus("{replicas: 2000000000}")), diags).empty());
  CHECK(has(diags, "implies more than 1000 pods"));
  diags.clear();
  CHECK(implied_objects(raw_object(prometheus("{shards: 2000000000, replicas: 0}")), diags).empty());
  CHECK(has(diags, "implies more than 1000 pods"));
}

TEST_CASE("up to the limit everything is expanded; the limit is a setting") {
  Diagnostics diags;
  CHECK(implied_objects(raw_object(prometheus("{shards: 10, replicas: 100}")), diags).size() == 10);
  CHECK(diags.empty());
  expand::Limits small;
  small.max_pods = 5;
  CHECK(implied_objects(raw_object(prometheus("{shards: 3, replicas: 2}")), diags, small).empty());
  CHECK(has(diags, "implies more than 5 pods (--max-expanded 5"));
}

TEST_CASE("every expander gets the limit: Alertmanager, ThanosRuler and RunaiConfig") {
  for (const std::string kind : {"Alertmanager", "ThanosRuler"}) {
    Diagnostics diags;
    const auto cr = raw_object("apiVersion: monitoring.coreos.com/v1\nkind: " + kind +
                               "\nmetadata: {name: x, namespace: mon}\nspec: {replicas: 5000}\n");
    CHECK(implied_objects(cr, diags).empty());
    CHECK(has(diags, "implies more than 1000 pods"));
  }
  Diagnostics diags;
  const auto runai = raw_object(
      "apiVersion: run.ai/v1\nkind: RunaiConfig\nmetadata: {name: runai, namespace: runai}\n"
      "spec: {global: {replicaCount: 2000000000}}\n");
  CHECK(implied_objects(runai, diags).empty());
  CHECK(has(diags, "RunaiConfig/runai/runai: implies more than 1000 pods"));
}

TEST_CASE("counts of the wrong type or range say what is wrong, at the field's line") {
  const std::string cr = "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: mon}\n"
                         "spec:\n  shards: 1e9\n  replicas: 9223372036854775808\n";
  Diagnostics diags;
  CHECK(implied_objects(raw_object(cr, 1), diags).size() == 1);
  CHECK(has(diags, "spec.shards: invalid value \"1e9\" (expected an integer); the default is used", 5));
  CHECK(has(diags, "spec.replicas: \"9223372036854775808\" is too large (maximum 2147483647); the default is used", 6));
  for (const auto& [value, message] : std::vector<std::pair<std::string, std::string>>{
           {"2^63", "spec.replicas: invalid value \"2^63\" (expected an integer)"},
           {"-3", "spec.replicas: -3 is too small (minimum 0)"},
           {"2147483648", "spec.replicas: 2147483648 is too large (maximum 2147483647)"},
           {"{a: 1}", "spec.replicas: expected a non-negative integer, got a mapping"},
           {"[1, 2]", "spec.replicas: expected a non-negative integer, got a list"},
       }) {
    Diagnostics d;
    CHECK(implied_objects(raw_object(prometheus("{replicas: " + value + "}")), d).size() == 1);
    const auto& quoted = value;  // clang 14 cannot capture a structured binding in CHECK_MESSAGE
    CHECK_MESSAGE(has(d, message), quoted);
  }
}

TEST_CASE("a value quoted in a diagnostic is a short excerpt") {
  Diagnostics diags;
  implied_objects(raw_object(prometheus("{replicas: \"" + std::string(10'000, '7') + "x\"}")), diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message.find(std::string(33, '7')) == std::string::npos);
  CHECK(diags[0].message.find("(10001 bytes)") != std::string::npos);
}

}  // TEST_SUITE

TEST_CASE("analyze: a resource over the limit is an input error; every other document is still analyzed") {
  const auto a = test::analyze_yaml(prometheus("{shards: 2000000000}") + "---\n" + test::kOneReplicaApi);
  CHECK(a->input_error);
  CHECK(has(a->diagnostics, "Prometheus/mon/k8s: implies more than 1000 pods", 1));
  CHECK(test::findings_of(*a, "single-replica").size() == 1);  // Deployment/shop/api
  AnalysisOptions options;
  options.expand_limits.max_pods = 3'000'000'000;
  const auto big = test::analyze_yaml(prometheus("{shards: 2}"), options);
  CHECK_FALSE(has(big->diagnostics, "implies more than"));
}
