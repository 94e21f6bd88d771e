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
  CHECK(w.strategy_type == "RollingUpdate");
  CHECK(w.max_unavailable->to_string() == "25%");
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
