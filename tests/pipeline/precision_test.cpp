// What is not a problem, and what is: controller-added pod labels, Services that select one pod,
// named targetPorts, workloads scaled to 0 and DaemonSets no node opts in to.
#include <sstream>

#include <doctest/doctest.h>

#include "../rules/analyze_yaml.hpp"
#include "faultline/graph/system_graph.hpp"
#include "faultline/report/report.hpp"

using namespace faultline;

namespace {

const std::string kKafka =
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: kafka, namespace: shop}\n"
    "spec:\n  replicas: 3\n  serviceName: kafka\n  selector: {matchLabels: {app: kafka}}\n"
    "  template:\n    metadata: {labels: {app: kafka}}\n    spec: {containers: [{name: kafka, image: kafka:3}]}\n";

const std::string kTwoNodes =
    "apiVersion: v1\nkind: NodeList\nitems:\n"
    "  - {apiVersion: v1, kind: Node, metadata: {name: n1, labels: {kubernetes.io/hostname: n1, topology.kubernetes.io/zone: a}},"
    " status: {conditions: [{type: Ready, status: \"True\"}]}}\n"
    "  - {apiVersion: v1, kind: Node, metadata: {name: n2, labels: {kubernetes.io/hostname: n2, topology.kubernetes.io/zone: b}},"
    " status: {conditions: [{type: Ready, status: \"True\"}]}}\n";

rules::Findings unsuppressed(const Analysis& a, const std::string& rule) {
  rules::Findings out;
  for (const auto& f : test::findings_of(a, rule))
    if (!f.suppressed) out.push_back(f);
  return out;
}

}  // namespace

TEST_CASE("a Service selecting one StatefulSet pod by name has that pod as its backend, and is as available as one pod") {
  const auto a = test::analyze_yaml(
      kKafka +
      "---\napiVersion: v1\nkind: Service\nmetadata: {name: kafka-0, namespace: shop}\n"
      "spec: {selector: {app: kafka, statefulset.kubernetes.io/pod-name: kafka-0}, ports: [{port: 9092}]}\n"
      "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: client, namespace: shop}\n"
      "spec:\n  replicas: 2\n  selector: {matchLabels: {app: client}}\n  template:\n    metadata: {labels: {app: client}}\n"
      "    spec: {containers: [{name: c, image: c:1, env: [{name: BROKER, value: \"kafka-0:9092\"}]}]}\n");
  CHECK(unsuppressed(*a, "service-no-backend").empty());
  const auto& g = *a->graph;
  const auto service = g.find(a->model.services.front());
  REQUIRE(service);
  REQUIRE(boost::out_degree(*service, g.graph()) == 1);
  const auto e = *boost::out_edges(*service, g.graph()).first;
  CHECK(g[boost::target(e, g.graph())].label == "StatefulSet/shop/kafka");
  CHECK(g.graph()[e].named_pods);
  CHECK(g.graph()[e].evidence == std::vector<std::string>{"only pod kafka-0"});
  // Three kafka pods run, but the caller reaches only kafka-0 through this Service.
  const auto deps = unsuppressed(*a, "depends-on-spof");
  REQUIRE(deps.size() == 1);
  CHECK(deps[0].object.name == "client");
  CHECK(deps[0].message.find("depends on Service/shop/kafka-0 (selects only pod kafka-0 of StatefulSet/shop/kafka)") !=
        std::string::npos);
}

TEST_CASE("a Service whose selector matches no template but whose named targetPort a workload declares is an info") {
  const auto a = test::analyze_yaml(
      "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\n"
      "spec:\n  replicas: 2\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n"
      "    metadata: {labels: {app: db}}\n"
      "    spec: {containers: [{name: pg, image: postgres:16, ports: [{name: postgresql, containerPort: 5432}]}]}\n"
      "---\napiVersion: v1\nkind: Service\nmetadata: {name: db-primary, namespace: shop}\n"
      "spec: {selector: {app: db, role: primary}, ports: [{port: 5432, targetPort: postgresql}]}\n"
      "---\napiVersion: v1\nkind: Service\nmetadata: {name: db-replica, namespace: shop}\n"
      "spec: {selector: {app: db, role: replica}, ports: [{port: 5432, targetPort: 5432}]}\n");
  const auto found = unsuppressed(*a, "service-no-backend");
  REQUIRE(found.size() == 2);
  for (const auto& f : found) {
    if (f.object.name == "db-primary") {
      CHECK(f.severity == Severity::info);
      CHECK(f.message.find("its targetPort postgresql is a container port of StatefulSet/shop/db") != std::string::npos);
    } else {
      CHECK(f.object.name == "db-replica");  // a numeric targetPort names no container port
      CHECK(f.severity == Severity::warning);
    }
  }
}

TEST_CASE("replicas: 0 and a DaemonSet no node opts in to run nothing: neither fails a node loss in the coverage") {
  test::TempDir tmp;
  AnalysisOptions options;
  options.node_paths = {tmp.write("nodes.yaml", kTwoNodes).string()};
  const auto a = test::analyze_yaml(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: idle, namespace: shop}\n"
      "spec:\n  replicas: 0\n  selector: {matchLabels: {app: idle}}\n  template:\n    metadata: {labels: {app: idle}}\n"
      "    spec: {containers: [{name: i, image: i:1}]}\n"
      "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: gpu-agent, namespace: shop}\n"
      "spec:\n  selector: {matchLabels: {app: gpu-agent}}\n  template:\n    metadata: {labels: {app: gpu-agent}}\n"
      "    spec: {nodeSelector: {nvidia.com/gpu.present: \"true\"}, containers: [{name: g, image: g:1}]}\n"
      "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: log-agent, namespace: shop}\n"
      "spec:\n  selector: {matchLabels: {app: log-agent}}\n  template:\n    metadata: {labels: {app: log-agent}}\n"
      "    spec: {containers: [{name: l, image: l:1}]}\n",
      options);
  CHECK(unsuppressed(*a, "single-replica").empty());
  std::ostringstream out;
  report::ReportOptions report_options;
  report_options.coverage = true;
  report::write_text(*a, report_options, out);
  const std::string text = out.str();
  INFO(text);
  const auto row = [&](const std::string& workload) {
    const auto at = text.find(workload + "  ");
    return at == std::string::npos ? std::string{} : text.substr(at, text.find('\n', at) - at);
  };
  for (const auto& [workload, cell] : {std::pair{"Deployment/shop/idle", "scaled to 0"},
                                       std::pair{"DaemonSet/shop/gpu-agent", "no node opts in"}}) {
    const std::string name = workload;  // clang 14 cannot capture a structured binding in CAPTURE
    CAPTURE(name);
    CHECK(row(workload).find(cell) != std::string::npos);
    CHECK(row(workload).find("fails") == std::string::npos);
    CHECK(row(workload).find("unknown") == std::string::npos);
  }
  CHECK(row("DaemonSet/shop/log-agent").find("survives") != std::string::npos);
  // Only log-agent runs anything: one workload is counted, and it survives a node.
  CHECK(text.find("Workloads that survive the loss of any one node: 1 of 1") != std::string::npos);
}
