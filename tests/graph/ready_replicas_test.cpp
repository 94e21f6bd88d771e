// In a cluster dump with Pod status the graph counts Ready replicas: a 3-replica Deployment with
// one Ready pod is a SPOF in the graph, and its caller is in its blast radius; the same dump
// without status keeps the spec (3 spread replicas, not a SPOF).
#include <doctest/doctest.h>

#include <sstream>

#include "../rules/analyze_yaml.hpp"
#include "faultline/graph/system_graph.hpp"
#include "faultline/health/observed_health.hpp"
#include "faultline/report/graph_report.hpp"

using namespace faultline;

namespace {

std::unique_ptr<Analysis> dump(const std::string& name) {
  AnalysisOptions options;
  options.paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/capacity/" + name};
  auto a = analyze(options);
  REQUIRE(a);
  REQUIRE_FALSE(a->input_error);
  REQUIRE(a->graph);
  return a;
}

const graph::VertexData& workload(const Analysis& a, const std::string& label) {
  for (const graph::Vertex v : a.graph->workloads())
    if ((*a.graph)[v].label == label) return (*a.graph)[v];
  FAIL("no workload vertex " << label);
  return (*a.graph)[a.graph->workloads().front()];
}

std::vector<std::string> radius_of(const Analysis& a, const std::string& label) {
  for (const graph::Vertex v : a.graph->workloads())
    if ((*a.graph)[v].label == label) return a.graph->blast_radius(v);
  return {};
}

}  // namespace

TEST_SUITE("graph") {
  TEST_CASE("a dump's Ready replicas decide the SPOF status and the blast radius") {
    const auto a = dump("dump-ready-spof.yaml");
    const auto& payments = workload(*a, "Deployment/shop/payments");
    CHECK(payments.placement->replicas == 3);
    CHECK(payments.ready == 1);
    CHECK(payments.spof.spof);
    CHECK(payments.spof.reason == "1 of 3 replicas Ready in the cluster dump");
    const auto& web = workload(*a, "Deployment/shop/web");
    CHECK(web.ready == 3);
    CHECK_FALSE(web.spof.spof);
    CHECK(radius_of(*a, "Deployment/shop/payments") == std::vector<std::string>{"Deployment/shop/web"});

    const auto degraded = test::findings_of(*a, "observed-degraded");
    REQUIRE(degraded.size() == 1);
    CHECK(degraded[0].blast_radius == std::vector<std::string>{"Deployment/shop/web"});
    const auto callers = test::findings_of(*a, "depends-on-spof");
    REQUIRE(callers.size() == 1);
    CHECK(callers[0].object.name == "web");
    CHECK(callers[0].message.find("Deployment/shop/payments (1 of 3 replicas Ready in the cluster dump)") != std::string::npos);

    std::ostringstream json;
    report::write_graph_json(*a->graph, json);
    CHECK(json.str().find("\"readyReplicas\": 1") != std::string::npos);
  }

  TEST_CASE("a dump without Pod status keeps the spec's replicas") {
    const auto a = dump("dump-ready-spof-no-status.yaml");
    const auto& payments = workload(*a, "Deployment/shop/payments");
    CHECK(payments.ready == -1);
    CHECK_FALSE(payments.spof.spof);
    CHECK(test::findings_of(*a, "depends-on-spof").empty());
    CHECK(test::findings_of(*a, "observed-degraded").empty());
    std::ostringstream json;
    report::write_graph_json(*a->graph, json);
    CHECK(json.str().find("readyReplicas") == std::string::npos);
  }

  TEST_CASE("Ready replicas: none Ready, and more than one Ready, against the spec") {
    placement::WorkloadPlacement p;
    model::Workload w;
    w.kind = model::WorkloadKind::Deployment;
    p.workload = &w;
    p.replicas = 3;
    health::WorkloadHealth h;
    h.wanted = 3;
    h.pods = 3;
    h.ready = 0;
    CHECK(graph::spof_status(p, false, &h).reason == "none of its 3 replicas is Ready in the cluster dump");
    h.ready = 2;
    CHECK_FALSE(graph::spof_status(p, false, &h).spof);  // two Ready replicas: the spec's rules decide
    p.replicas = 1;
    h.wanted = 1;
    h.ready = 0;
    CHECK(graph::spof_status(p, false, &h).reason == "1 replica");  // the spec asks for one: its own reason
  }
}
