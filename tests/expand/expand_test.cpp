#include <doctest/doctest.h>

#include "faultline/expand/expand.hpp"
#include "faultline/model/builder.hpp"

using namespace faultline;

namespace {

model::Model load_text(const std::string& text, Diagnostics& diags) {
  model::Model m;
  model::load_model_text(text, "input.yaml", model::BuildOptions{}, m, diags);
  return m;
}

const model::Workload* find(const model::Model& m, const std::string& name) {
  for (const auto& w : m.workloads)
    if (w.meta.ref.name == name) return &w;
  return nullptr;
}

}  // namespace

TEST_SUITE("expand") {

TEST_CASE("expand() types the implied workloads and marks them with the resource and its location") {
  Diagnostics diags;
  auto m = load_text(R"(apiVersion: v1
kind: ConfigMap
metadata: {name: x, namespace: runai}
---
apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec:
  global: {nodeAffinity: {restrictRunaiSystem: true}}
  prometheus: {spec: {replicas: 2}}
)",
                diags);
  expand::expand(m, diags);
  CHECK(diags.empty());
  const auto* prom = find(m, "prometheus-runai");
  REQUIRE(prom);
  CHECK(prom->kind == model::WorkloadKind::StatefulSet);
  CHECK(prom->declared_replicas() == 2);
  CHECK(prom->meta.provenance->expanded_from == "RunaiConfig/runai/runai");
  CHECK(prom->meta.where.file == "input.yaml");
  CHECK(prom->meta.where.line == 5);
  CHECK(prom->pod.labels.at("prometheus") == "runai");
  const auto* binder = find(m, "binder");
  REQUIRE(binder);
  REQUIRE(binder->pod.detail->node_affinity.required.size() == 1);
  CHECK(binder->pod.detail->node_affinity.required[0].match_expressions[0].key == "node-role.kubernetes.io/runai-system");
}

TEST_CASE("a workload the input already holds wins over the one a resource implies") {
  Diagnostics diags;
  auto m = load_text(R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: prometheus-runai, namespace: runai}
spec:
  replicas: 3
  selector: {matchLabels: {app: p}}
  template: {metadata: {labels: {app: p}}, spec: {containers: [{name: p, image: p}]}}
---
apiVersion: run.ai/v1
kind: RunaiConfig
metadata: {name: runai, namespace: runai}
spec: {}
)",
                diags);
  expand::expand(m, diags);
  int count = 0;
  for (const auto& w : m.workloads) count += w.meta.ref.name == "prometheus-runai";
  CHECK(count == 1);
  const auto* prom = find(m, "prometheus-runai");
  REQUIRE(prom);
  CHECK(prom->declared_replicas() == 3);
  CHECK(prom->meta.provenance->expanded_from.empty());
}

}  // TEST_SUITE
