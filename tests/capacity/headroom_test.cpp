// Headroom per domain loss: planned usage (every runnable replica on the survivors, DaemonSets on
// each node, cordoned and unknown nodes offering nothing), observed usage in a cluster dump (the
// bound pods of the lost domain move), a custom topology key, and no allocatable at all.
#include <doctest/doctest.h>

#include <sstream>

#include <fmt/format.h>

#include "../rules/analyze_yaml.hpp"
#include "faultline/capacity/headroom.hpp"
#include "faultline/report/coverage.hpp"
#include "faultline/report/report.hpp"

using namespace faultline;

namespace {

std::unique_ptr<Analysis> fixture(const std::string& name, std::vector<std::string> keys = {}) {
  AnalysisOptions options;
  options.paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/capacity/" + name};
  options.extra_topology_keys = std::move(keys);
  auto a = analyze(options);
  REQUIRE(a);
  REQUIRE_FALSE(a->input_error);
  return a;
}

/// "16 spare (gpu-1)": the text report's cell, to compare whole rows at once.
std::string cell(const capacity::ResourceHeadroom& h) {
  std::string text = report::headroom_amount(h) + " " + std::string(report::headroom_verdict(h));
  return h.worst_domain.empty() ? text : text + " (" + h.worst_domain + ")";
}

std::vector<std::string> cells(const std::vector<capacity::ResourceHeadroom>& row) {
  std::vector<std::string> out;
  for (const auto& h : row) out.push_back(cell(h));
  return out;
}

const capacity::KeyHeadroom& loss(const capacity::Headroom& h, const std::string& key) {
  for (const auto& l : h.losses)
    if (l.key == key) return l;
  FAIL("no headroom for " << key);
  return h.losses.front();
}

using Row = std::vector<std::string>;

}  // namespace

TEST_SUITE("capacity") {
  TEST_CASE("planned headroom: the worst node, zone and rack, per resource") {
    const auto a = fixture("headroom.yaml", {"topology.example.com/rack"});
    const auto h = report::coverage_headroom(*a);
    REQUIRE(h);
    CHECK(h->usage == capacity::Usage::planned);
    CHECK(h->resources == Row{"cpu", "memory", "nvidia.com/gpu"});
    // Room: 49.5 CPU, 203Gi, 8 GPUs (allocatable of the five usable nodes minus the logger on
    // each); demand: 18 CPU, 60Gi, 6 GPUs.
    CHECK(cells(h->before_loss) == Row{"31500m spare", "143Gi spare", "2 spare"});
    const auto& node = loss(*h, inventory::kHostname);
    CHECK(node.domains == 7);
    CHECK(cells(node.resources) == Row{"16 spare (gpu-1)", "80Gi spare (gpu-1)", "2 short (gpu-1)"});
    const auto& zone = loss(*h, inventory::kZone);
    CHECK(zone.domains == 2);
    CHECK(cells(zone.resources) == Row{"5 spare (eu-1b)", "34Gi spare (eu-1b)", "2 short (eu-1a)"});
    const auto& rack = loss(*h, "topology.example.com/rack");
    CHECK(cells(rack.resources) == Row{"3 short (r2)", "2Gi spare (r2)", "6 short (r2)"});
    CHECK(h->unknown_requests == 1);           // batch
    CHECK(h->nodes_without_allocatable == 1);  // cpu-5
    CHECK(h->unusable_nodes == 1);             // cpu-4, cordoned
  }

  TEST_CASE("observed headroom: the pods bound to the lost node move onto the others' free room") {
    // Three 4-CPU, 8Gi nodes; n1 runs 3 pods of 1 CPU and 1Gi, n2 and n3 two each; one pod is Pending.
    const auto a = fixture("dump-health.yaml");
    const auto h = report::coverage_headroom(*a);
    REQUIRE(h);
    CHECK(h->usage == capacity::Usage::observed);
    CHECK(h->usage_note.find("7 pods bound to nodes") != std::string::npos);
    CHECK(cells(h->before_loss) == Row{"5 spare", "17Gi spare"});
    CHECK(cells(loss(*h, inventory::kHostname).resources) == Row{"1 spare (n1)", "9Gi spare (n1)"});
    CHECK(cells(loss(*h, inventory::kZone).resources) == Row{"1 spare (eu-1a)", "9Gi spare (eu-1a)"});
  }

  TEST_CASE("observed headroom goes short when the lost node's pods exceed the others' room") {
    std::string yaml;
    for (const char* n : {"a", "b"})
      yaml += fmt::format("apiVersion: v1\nkind: Node\nmetadata: {{name: {0}, labels: {{kubernetes.io/hostname: {0}}}}}\n"
                          "status: {{allocatable: {{cpu: '4', memory: 4Gi}}}}\n---\n", n);
    yaml += "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n  replicas: 2\n"
            "  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n"
            "    spec: {containers: [{name: c, image: 'big:1', resources: {requests: {cpu: '3', memory: 1Gi}}}]}\n";
    for (const char* n : {"a", "b"})
      yaml += fmt::format("---\napiVersion: v1\nkind: Pod\nmetadata: {{name: big-{0}, labels: {{app: big}}, "
                          "ownerReferences: [{{apiVersion: apps/v1, kind: Deployment, name: big, controller: true}}]}}\n"
                          "spec: {{nodeName: {0}, containers: [{{name: c, image: 'big:1', resources: {{requests: {{cpu: '3', memory: 1Gi}}}}}}]}}\n",
                          n);
    const auto a = test::analyze_yaml(yaml);
    const auto h = report::coverage_headroom(*a);
    REQUIRE(h);
    REQUIRE(h->usage == capacity::Usage::observed);
    // Losing a: its 3-CPU pod needs room on b, which has 1 CPU free.
    CHECK(cells(loss(*h, inventory::kHostname).resources) == Row{"2 short (a)", "2Gi spare (a)"});
  }

  TEST_CASE("no node states allocatable: no headroom, in the text or the JSON") {
    AnalysisOptions options;
    const std::string golden = std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/golden/coverage/";
    options.paths = {golden + "input.yaml"};
    options.node_paths = {golden + "nodes.yaml"};
    const auto a = analyze(options);
    CHECK_FALSE(report::coverage_headroom(*a));
    report::ReportOptions ro;
    ro.coverage = true;
    std::ostringstream text, json;
    report::write_text(*a, ro, text);
    report::write_json(*a, ro, json);
    CHECK(text.str().find("Headroom") == std::string::npos);
    CHECK(json.str().find("\"headroom\": null") != std::string::npos);
  }

  TEST_CASE("the text coverage table gains the headroom rows") {
    const auto a = fixture("headroom.yaml", {"topology.example.com/rack"});
    report::ReportOptions ro;
    ro.coverage = true;
    std::ostringstream text;
    report::write_text(*a, ro, text);
    const std::string out = text.str();
    CHECK(out.find("\nLOSS                           CPU               MEMORY              NVIDIA.COM/GPU\n"
                   "none                           31500m spare      143Gi spare         2 spare\n"
                   "one node                       16 spare (gpu-1)  80Gi spare (gpu-1)  2 short (gpu-1)\n") != std::string::npos);
    CHECK(out.find("\none topology.example.com/rack  3 short (r2)      2Gi spare (r2)      6 short (r2)\n") != std::string::npos);
    CHECK(out.find("Not counted: 1 workload without requests; 1 node without allocatable; 1 node NotReady or cordoned.") !=
          std::string::npos);
  }
}
