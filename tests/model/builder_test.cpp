// The model builder: typed objects, API defaults and wrong-type diagnostics.
#include <doctest/doctest.h>

#include <string>

#include "build_helpers.hpp"

using namespace faultline;
using namespace faultline::model;
using namespace faultline::testing;

TEST_CASE("builder: Deployment with defaults, selector, template and provenance") {
  const auto b = build_text(
      "---\n# Source: chart/templates/web.yaml\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
      "  selector:\n    matchLabels: {app: web}\n"
      "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n",
      "team");
  REQUIRE(b.model.workloads.size() == 1);
  const Workload& w = b.model.workloads[0];
  CHECK(b.diags.empty());
  CHECK(w.kind == WorkloadKind::Deployment);
  CHECK(w.meta.ref.ns == "team");
  CHECK(w.meta.ref.display() == "Deployment/team/web");
  CHECK(!w.replicas.has_value());
  CHECK(w.declared_replicas() == 1);
  CHECK(w.meta.where.line == 3);
  CHECK(w.meta.where.helm_template == "chart/templates/web.yaml");
  CHECK(w.pod.labels.at("app") == "web");
  CHECK(w.pod.containers.size() == 1);
  CHECK(w.detail->strategy_type == "RollingUpdate");
  CHECK(w.detail->max_unavailable->to_string() == "25%");
  CHECK(w.is_availability_target());
  CHECK(b.model.stats.documents == 1);
  CHECK(b.model.stats.objects == 1);
}

TEST_CASE("builder: wrong-type and out-of-range fields are diagnostics, the object is still modelled") {
  const auto b = build_text(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  replicas: \"three\"\n---\n"
      "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: -1\n---\n"
      "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb\nspec:\n  minAvailable: 150%\n  selector: {}\n");
  REQUIRE(b.model.workloads.size() == 2);
  CHECK(!b.model.workloads[0].replicas.has_value());
  CHECK(has_diag(b, "Deployment/prod/web: spec.replicas: invalid value \"three\" (expected an integer)", 7));
  CHECK(has_diag(b, "StatefulSet/default/db: spec.replicas: -1 is too small (minimum 0)", 14));
  CHECK(has_diag(b, "PodDisruptionBudget/default/pdb: spec.minAvailable: 150% is too large (maximum 100%)", 21));
  REQUIRE(b.model.pdbs.size() == 1);
  CHECK(!b.model.pdbs[0].min_available.has_value());
  for (const auto& d : b.diags) CHECK(d.where.file == "m.yaml");
}

TEST_CASE("builder: unused built-in kinds are skipped, custom resources keep their body") {
  const auto b = build_text(
      "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\n---\n"
      "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\nspec: {replicas: 2}\n");
  CHECK(b.model.stats.objects == 2);
  CHECK(b.model.stats.skipped == 1);
  REQUIRE(b.model.raw.size() == 2);
  CHECK(b.model.raw[0].body.IsNull());
  CHECK(b.model.raw[1].body["spec"]["replicas"].as<int>() == 2);
}

TEST_CASE("builder: empty input is an error") {
  const auto b = build_text("# nothing rendered\n");
  CHECK(has_diag(b, "no Kubernetes object"));
}

TEST_CASE("builder: StatefulSet partition and maxUnavailable, checked as the API server checks them") {
  const std::string head = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n";
  const auto ok = build_text(head + "  updateStrategy:\n    rollingUpdate: {partition: 2, maxUnavailable: 50%}\n");
  CHECK(ok.diags.empty());
  const Workload& w = ok.model.workloads.at(0);
  CHECK(w.detail->strategy_type == "RollingUpdate");
  CHECK(w.detail->partition == 2);
  CHECK(w.detail->max_unavailable->to_string() == "50%");

  const auto defaults = build_text(head);
  CHECK(defaults.model.workloads.at(0).detail->partition == 0);
  CHECK(!defaults.model.workloads.at(0).detail->max_unavailable.has_value());

  const auto bad = build_text(head + "  updateStrategy:\n    rollingUpdate: {partition: -1, maxUnavailable: 0}\n---\n" + head +
                              "  updateStrategy:\n    rollingUpdate: {maxUnavailable: 150%}\n---\n" + head +
                              "  updateStrategy:\n    type: OnDelete\n    rollingUpdate: {partition: 1}\n---\n" + head +
                              "  updateStrategy:\n    type: Recreate\n");
  CHECK(has_diag(bad, "StatefulSet/default/db: spec.updateStrategy.rollingUpdate.partition: -1 is too small (minimum 0)", 8));
  CHECK(has_diag(bad, "spec.updateStrategy.rollingUpdate.maxUnavailable: cannot be 0", 8));
  CHECK(has_diag(bad, "spec.updateStrategy.rollingUpdate.maxUnavailable: 150% is too large (maximum 100%)", 17));
  CHECK(has_diag(bad, "spec.updateStrategy.rollingUpdate: only allowed with updateStrategy type RollingUpdate", 27));
  CHECK(has_diag(bad, "spec.updateStrategy.type: unsupported value \"Recreate\" (expected RollingUpdate or OnDelete)", 36));
  REQUIRE(bad.model.workloads.size() == 4);
  CHECK(bad.model.workloads[0].detail->partition == 0);
  CHECK(!bad.model.workloads[0].detail->max_unavailable.has_value());
  CHECK(bad.model.workloads[2].detail->strategy_type == "OnDelete");
  CHECK(bad.model.workloads[2].detail->partition == 0);
}

TEST_CASE("builder: host ports, and containerPort bound on the node under hostNetwork") {
  const auto b = build_text(
      "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n"
      "      containers:\n      - name: a\n        ports:\n        - {containerPort: 8080, hostPort: 80}\n"
      "        - {containerPort: 9090}\n        - {containerPort: 53, hostPort: 53, protocol: UDP}\n---\n"
      "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: exporter}\nspec:\n  template:\n    spec:\n"
      "      hostNetwork: true\n      containers:\n      - name: e\n        ports: [{containerPort: 9100}]\n");
  CHECK(b.diags.empty());
  REQUIRE(b.model.workloads.size() == 2);
  CHECK(b.model.workloads[0].pod.containers.at(0).host_ports == std::vector<std::string>{"80/TCP", "53/UDP"});
  CHECK(b.model.workloads[1].pod.host_network);
  CHECK(b.model.workloads[1].pod.containers.at(0).host_ports == std::vector<std::string>{"9100/TCP"});
}

TEST_CASE("string maps read from a manifest are sorted by key, the last of a repeated key counts") {
  const auto b = testing::build_text(R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {zeta: "1", alpha: "2", mid: "3", alpha: "4"}
data: {b: x, a: y, c: ~}
)");
  REQUIRE(b.model.config_maps.size() == 1);
  const auto& cm = b.model.config_maps.front();
  CHECK(cm.meta.labels == model::Labels{{"alpha", "4"}, {"mid", "3"}, {"zeta", "1"}});
  CHECK(cm.data == model::StringMap{{"a", "y"}, {"b", "x"}, {"c", ""}});
  std::string keys;
  for (const auto& [k, v] : cm.meta.labels) keys += k;
  CHECK(keys == "alphamidzeta");
}

TEST_CASE("a map of a hundred thousand annotations is read whole, not one insertion at a time") {
  std::string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  annotations:\n";
  constexpr int kEntries = 100'000;
  for (int i = kEntries; i > 0; --i) yaml += "    k" + std::to_string(i) + ": v\n";  // reverse order: worst for insertion
  const auto b = testing::build_text(yaml);
  REQUIRE(b.model.config_maps.size() == 1);
  const auto& annotations = b.model.config_maps.front().meta.annotations;
  CHECK(annotations.size() == kEntries);
  CHECK(annotations.begin()->first == "k1");
  CHECK(annotations.find("k99999") != annotations.end());
}
