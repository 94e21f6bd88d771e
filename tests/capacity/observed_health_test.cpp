// Observed health of a cluster dump: Ready counts, the reasons of the pods that are not Ready
// (waiting reasons, restarts, the scheduler's event, node conditions), images per pod, the
// rules that read them, and a dump without status.
#include <doctest/doctest.h>

#include <sstream>

#include "../rules/analyze_yaml.hpp"
#include "faultline/health/observed_health.hpp"
#include "faultline/report/report.hpp"

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
    CHECK(h.node_problems[0].node->meta.ref.name == "n3");
    CHECK(h.node_problems[0].conditions == std::vector<std::string>{"MemoryPressure"});
    CHECK(h.node_problems[0].pods == 2);  // cart-6d4b-c and checkout-6d4b-b
    CHECK(h.node_problems[0].workloads == std::vector<std::string>{"Deployment/shop/cart", "Deployment/shop/checkout"});
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

namespace {

// Two nodes (n1 NotReady, n2 under DiskPressure and PIDPressure), a Deployment with three pods: one
// Ready on n2, one not Ready on n1, one Pending whose reason is an events.k8s.io/v1 Event; and a
// bare-condition Pending pod of a second Deployment (PodScheduled=False with a message, no Event).
const std::string kConditionsDump = R"(apiVersion: v1
kind: Node
metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}
status: {conditions: [{type: Ready, status: "False"}]}
---
apiVersion: v1
kind: Node
metadata: {name: n2, labels: {kubernetes.io/hostname: n2}}
status: {conditions: [{type: Ready, status: "True"}, {type: DiskPressure, status: "True"}, {type: PIDPressure, status: "True"}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: "api:1"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-5c-a, namespace: shop, labels: {app: api, pod-template-hash: 5c}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5c, controller: true}]}
spec: {nodeName: n2, containers: [{name: api, image: "api:1"}]}
status: {phase: Running, conditions: [{type: Ready, status: "True"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-5c-b, namespace: shop, labels: {app: api, pod-template-hash: 5c}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5c, controller: true}]}
spec: {nodeName: n1, containers: [{name: api, image: "api:1"}]}
status: {phase: Running, conditions: [{type: Ready, status: "False"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-5c-c, namespace: shop, labels: {app: api, pod-template-hash: 5c}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5c, controller: true}]}
spec: {containers: [{name: api, image: "api:1"}]}
status: {phase: Pending, conditions: [{type: PodScheduled, status: "False", reason: Unschedulable}]}
---
apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: api-5c-c.1, namespace: shop}
regarding: {kind: Pod, namespace: shop, name: api-5c-c}
reason: FailedScheduling
note: "0/2 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }."
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: "db:1"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db-7d-a, namespace: shop, labels: {app: db, pod-template-hash: 7d}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: db-7d, controller: true}]}
spec: {containers: [{name: db, image: "db:1"}]}
status: {phase: Pending, conditions: [{type: PodScheduled, status: "False", reason: Unschedulable, message: "0/2 nodes are available."}]}
)";

}  // namespace

TEST_SUITE("capacity") {
  TEST_CASE("node conditions, events.k8s.io/v1 events and PodScheduled messages give the reasons") {
    const auto a = test::analyze_yaml(kConditionsDump);
    REQUIRE_FALSE(a->input_error);
    const auto h = health::observe(a->model, a->inventory, a->placement);
    const auto& api = of(h, "api");
    CHECK(api.ready == 1);
    REQUIRE(api.unhealthy.size() == 2);
    CHECK(api.unhealthy[0].reason == "node n1: NotReady");
    CHECK(api.unhealthy[1].reason == "Pending: 0/2 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.");
    const auto& db = of(h, "db");
    REQUIRE(db.unhealthy.size() == 1);
    CHECK(db.unhealthy[0].reason == "Pending: Unschedulable: 0/2 nodes are available.");
    REQUIRE(h.node_problems.size() == 2);
    CHECK(h.node_problems[0].conditions == std::vector<std::string>{"NotReady"});
    CHECK(h.node_problems[1].conditions == std::vector<std::string>{"DiskPressure", "PIDPressure"});
  }

  TEST_CASE("node-conditions reports each troubled node with what runs on it") {
    const auto a = test::analyze_yaml(kConditionsDump);
    const auto found = test::findings_of(*a, "node-conditions");
    REQUIRE(found.size() == 2);
    CHECK(found[0].object.name == "n1");
    CHECK(found[0].message ==
          "Node n1 reports NotReady: it takes no new pods, and its pods are evicted once their not-ready toleration runs out "
          "(300 s by default). Pods of the input bound to it: 1.");
    CHECK(found[0].evidence == std::vector<std::string>{"1 pod of Deployment/shop/api runs on it"});
    CHECK(found[1].object.name == "n2");
    CHECK(found[1].message.find("Node n2 reports DiskPressure, PIDPressure: it takes no new pods, and the kubelet evicts") == 0);
  }

  TEST_CASE("the same dump gives the same bytes in every format") {
    for (const char* format : {"text", "json", "sarif", "markdown"}) {
      CAPTURE(format);
      std::string outputs[2];
      for (auto& out : outputs) {
        const auto a = dump();
        report::ReportOptions options;
        options.coverage = true;
        std::ostringstream text;
        report::find_format(format)->write(*a, options, text);
        out = text.str();
      }
      CHECK(outputs[0] == outputs[1]);
      CHECK(outputs[0].find("checkout") != std::string::npos);
    }
  }
}
