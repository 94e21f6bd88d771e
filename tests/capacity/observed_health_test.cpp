// Observed health of a cluster dump: Ready counts, the reasons of the pods that are not Ready
// (waiting reasons, restarts, the scheduler's event, node conditions), images per pod, the
// rules that read them, and a dump without status.
#include <doctest/doctest.h>

#include "../rules/analyze_yaml.hpp"
#include "faultline/health/observed_health.hpp"

using namespace faultline;

namespace {

std::unique_ptr<Analysis> dump() {
  AnalysisOptions options;
  options.paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/capacity/dump-health.yaml"};
  auto a = analyze(options);
  REQUIRE(a);
  REQUIRE_FALSE(a->input_error);
  return a;
}

const health::WorkloadHealth& of(const health::ObservedHealth& h, const std::string& name) {
  for (const auto& w : h.workloads)
    if (w.placement->workload->meta.ref.name == name) return w;
  FAIL("no health for " << name);
  return h.workloads.front();
}

}  // namespace

TEST_SUITE("capacity") {
  TEST_CASE("Ready pods, reasons and images per workload of a dump") {
    const auto a = dump();
    const auto h = health::observe(a->model, a->inventory, a->placement);
    CHECK(h.available);
    const auto& cart = of(h, "cart");
    CHECK(cart.wanted == 3);
    CHECK(cart.ready == 3);
    CHECK(cart.unhealthy.empty());
    const auto& checkout = of(h, "checkout");
    CHECK(checkout.ready == 1);
    CHECK(checkout.pods == 3);
    REQUIRE(checkout.unhealthy.size() == 2);
    CHECK(checkout.unhealthy[0].name == "checkout-6d4b-b");
    CHECK(checkout.unhealthy[0].reason == "checkout: CrashLoopBackOff; 7 restarts; node n3: MemoryPressure");
    CHECK(checkout.unhealthy[1].name == "checkout-6d4b-c");
    CHECK(checkout.unhealthy[1].reason == "Pending: 0/3 nodes are available: 3 Insufficient cpu.");
    const auto& search = of(h, "search");
    REQUIRE(search.images.size() == 2);
    CHECK(search.images.at("search=search:1") == 1);
    CHECK(search.images.at("search=search:2") == 1);
    REQUIRE(h.node_problems.size() == 1);
    CHECK(h.node_problems[0] == "n3: MemoryPressure");
  }

  TEST_CASE("observed-degraded and mixed-images fire on the dump, the same way twice") {
    const auto first = dump();
    const auto degraded = test::findings_of(*first, "observed-degraded");
    REQUIRE(degraded.size() == 1);
    CHECK(degraded[0].object.name == "checkout");
    CHECK(degraded[0].message.find("only 1 of its 3 pods are Ready") != std::string::npos);
    const auto images = test::findings_of(*first, "mixed-images");
    REQUIRE(images.size() == 1);
    CHECK(images[0].object.name == "search");
    const auto second = dump();
    REQUIRE(second->findings.size() == first->findings.size());
    for (std::size_t i = 0; i < first->findings.size(); ++i) {
      CHECK(second->findings[i].message == first->findings[i].message);
      CHECK(second->findings[i].evidence == first->findings[i].evidence);
    }
  }

  TEST_CASE("a dump whose Pods carry no status says no observed health was available") {
    AnalysisOptions options;
    options.paths = {std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/rules/observed-degraded/pass-no-status.yaml"};
    const auto a = analyze(options);
    bool said = false;
    for (const auto& d : a->diagnostics) said = said || d.message.find("no observed health was available") != std::string::npos;
    CHECK(said);
    CHECK_FALSE(health::observe(a->model, a->inventory, a->placement).available);
  }
}
