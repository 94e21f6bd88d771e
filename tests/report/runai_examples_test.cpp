// The bundled Run:ai examples, end to end: the number of items a person reads in the text report
// (causes plus findings under none) is pinned, so the noise of one finding per fact per workload
// cannot creep back.
#include <sstream>

#include <doctest/doctest.h>

#include "faultline/report/causes.hpp"
#include "faultline/report/report.hpp"

using namespace faultline;

namespace {

std::string fixture(const std::string& relative) { return std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/" + relative; }

struct Items {
  std::size_t findings = 0, items = 0;
  std::string text;
};

Items items_of(std::vector<std::string> paths, const std::string& nodes = "") {
  AnalysisOptions options;
  for (auto& p : paths) options.paths.push_back(fixture(p));
  if (!nodes.empty()) options.node_paths = {fixture(nodes)};
  const auto a = analyze(options);
  REQUIRE_FALSE(a->input_error);
  const auto listed = report::listed_findings(*a, {});
  std::ostringstream text;
  report::write_text(*a, {}, text);
  return {listed.size(), report::fold_by_cause(*a, listed).top_level_items(listed.size()), text.str()};
}

}  // namespace

TEST_CASE("Run:ai examples: top-level items of the text report") {
  SUBCASE("default control plane, no inventory: one item per recommendation of the HA guide") {
    const auto run = items_of({"examples/runai-control-plane.yaml"});
    CHECK(run.items == 6);  // was 53 findings, one item each
    CHECK(run.text.starts_with(std::to_string(run.items) + " items to act on"));
    // No contradictory fix: nothing the runai pack covers is also told "run 2 replicas".
    CHECK(run.text.find("[single-replica]") == std::string::npos);
  }
  SUBCASE("HA control plane on one system node: the node shortage leads, the rest folds under it") {
    const auto run = items_of({"examples/runai-control-plane-ha.yaml"}, "inventories/runai-system-1-nodes-1-zones.yaml");
    CHECK(run.items == 3);  // was 76; the third is rollout-no-readiness (the examples declare no probes)
    CHECK(run.text.starts_with(std::to_string(run.items) + " items to act on"));
  }
  SUBCASE("HA control plane and cluster on three system nodes in three zones: one rule on several objects") {
    const auto run = items_of({"examples/runai-control-plane-ha.yaml", "examples/runai-cluster-ha.yaml"},
                              "inventories/runai-system-3-nodes-3-zones.yaml");
    // Only rollout-no-readiness, folded into one item: the examples declare no readiness probes.
    CHECK(run.items == 1);
    CHECK(run.text.find("[rollout-no-readiness]") != std::string::npos);
  }
}
