// Model queries: PDB selection, HPA-adjusted replicas, indexed matching at scale.
#include <doctest/doctest.h>

#include <string>

#include "faultline/model/builder.hpp"
#include "faultline/load/tree_yaml.hpp"

using namespace faultline;
using namespace faultline::model;

namespace {

Model build(const std::string& yaml) {
  Model m;
  Diagnostics diags;
  load_model_text(yaml, "m.yaml", {}, m, diags);
  return m;
}

Workload workload(WorkloadKind kind, const std::string& ns, const std::string& name, Labels labels) {
  Workload w;
  w.kind = kind;
  w.meta.ref = ObjectRef{"apps/v1", std::string(to_string(kind)), ns, name};
  w.pod.labels = std::move(labels);
  return w;
}

const std::string kWeb =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n"
    "  template:\n    metadata:\n      labels: {app: web}\n---\n";

}  // namespace

TEST_CASE("model: PDB empty selector selects all pods in policy/v1 and none in v1beta1") {
  Model m = build(kWeb +
                  "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: all}\nspec:\n  selector: {}\n  maxUnavailable: 1\n---\n"
                  "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: none}\nspec:\n  selector: {}\n  maxUnavailable: 1\n---\n"
                  "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: nosel}\nspec:\n  maxUnavailable: 1\n---\n"
                  "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: other-ns, namespace: x}\nspec:\n  selector: {}\n");
  REQUIRE(m.pdbs.size() == 4);
  CHECK(m.pdbs[0].selects_all_when_empty);
  CHECK_FALSE(m.pdbs[1].selects_all_when_empty);
  for (bool indexed : {false, true}) {
    if (indexed) m.build_indexes();
    const auto pdbs = m.pdbs_for(m.workloads[0]);
    REQUIRE(pdbs.size() == 1);
    CHECK(pdbs[0]->meta.ref.name == "all");
  }
}

TEST_CASE("model: HPA minReplicas replaces spec.replicas for its target only") {
  Model m = build(kWeb +
                  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 2\n---\n"
                  "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\n---\n"
                  "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n"
                  "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n---\n"
                  "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h2, namespace: other}\nspec:\n"
                  "  scaleTargetRef: {kind: Deployment, name: api}\n  minReplicas: 4\n  maxReplicas: 5\n");
  REQUIRE(m.workloads.size() == 3);
  for (bool indexed : {false, true}) {
    if (indexed) m.build_indexes();
    CHECK(m.effective_replicas(m.workloads[0]) == 1);  // HPA minReplicas defaults to 1
    CHECK(m.hpa_for(m.workloads[0])->meta.ref.name == "h");
    CHECK(m.effective_replicas(m.workloads[1]) == 2);  // the HPA targeting api is in another namespace
    CHECK(m.effective_replicas(m.workloads[2]) == 1);  // same name, other kind
    CHECK(m.hpa_for(m.workloads[2]) == nullptr);
  }
}

TEST_CASE("model: services, backends and lookups") {
  Model m = build(kWeb +
                  "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\n"
                  "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: None\n  selector: {app: db}\n---\n"
                  "apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  type: ExternalName\n  externalName: example.com\n");
  m.build_indexes();
  const auto svcs = m.services_for(m.workloads[0]);
  REQUIRE(svcs.size() == 1);
  CHECK(svcs[0]->meta.ref.name == "web");
  CHECK(m.backends_of(m.services[0]).size() == 1);
  CHECK(m.backends_of(m.services[1]).empty());
  CHECK(m.backends_of(m.services[2]).empty());
  CHECK(m.services[1].headless);
  CHECK(m.services[2].type == "ExternalName");
  CHECK(m.find_service("default", "db") == &m.services[1]);
  CHECK(m.find_service("other", "db") == nullptr);
  CHECK(m.find_workload("Deployment", "default", "web") == &m.workloads[0]);
  CHECK(m.find_workload("StatefulSet", "default", "web") == nullptr);
}

TEST_CASE("model: objects added with count_in_stats false leave the summary counts alone") {
  Model m = build(kWeb);
  const auto before = m.stats;
  BuildOptions implied;
  implied.count_in_stats = false;
  Diagnostics diags;
  add_document(load::document_of(YAML::Load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: implied}\n")), implied, m, diags);
  CHECK(m.workloads.size() == 2);
  CHECK(m.stats.objects == before.objects);
  CHECK(m.stats.documents == m.stats.objects + m.stats.failed);
}

TEST_CASE("model: ownership decides availability targets") {
  Workload rs = workload(WorkloadKind::ReplicaSet, "ns", "web-abc", {});
  CHECK(rs.is_availability_target());
  rs.meta.owners.push_back({"Deployment", "web", true});
  CHECK_FALSE(rs.is_availability_target());
  Workload pod = workload(WorkloadKind::Pod, "ns", "p", {});
  CHECK(pod.is_availability_target());
  pod.meta.owners.push_back({"Node", "n1", false});
  CHECK_FALSE(pod.is_availability_target());
  CHECK_FALSE(workload(WorkloadKind::Job, "ns", "j", {}).is_availability_target());
  CHECK_FALSE(workload(WorkloadKind::CronJob, "ns", "c", {}).is_availability_target());
}

TEST_CASE("model: indexed matching over 100,000 objects gives the same answers as a scan") {
  Model m;
  constexpr int kWorkloads = 50'000;
  for (int i = 0; i < kWorkloads; ++i) {
    const std::string ns = "ns" + std::to_string(i % 50);
    m.workloads.push_back(workload(WorkloadKind::Deployment, ns, "w" + std::to_string(i),
                                   {{"app", "a" + std::to_string(i)}, {"tier", i % 2 ? "odd" : "even"}}));
  }
  for (int i = 0; i < 25'000; ++i) {
    Pdb p;
    p.meta.ref = ObjectRef{"policy/v1", "PodDisruptionBudget", "ns" + std::to_string(i % 50), "p" + std::to_string(i)};
    p.selector = LabelSelector{{{"app", "a" + std::to_string(i)}}, {}};
    m.pdbs.push_back(p);
    Service s;
    s.meta.ref = ObjectRef{"v1", "Service", p.meta.ref.ns, "s" + std::to_string(i)};
    s.selector = Labels{{"app", "a" + std::to_string(i)}};
    m.services.push_back(s);
  }
  m.build_indexes();
  for (int i : {0, 1, 24'999, 25'000, 49'999}) {
    const Workload& w = m.workloads[static_cast<std::size_t>(i)];
    const auto pdbs = m.pdbs_for(w);
    const auto svcs = m.services_for(w);
    if (i < 25'000) {
      REQUIRE(pdbs.size() == 1);
      CHECK(pdbs[0]->meta.ref.name == "p" + std::to_string(i));
      REQUIRE(svcs.size() == 1);
      CHECK(m.backends_of(*svcs[0]).front() == &w);
    } else {
      CHECK(pdbs.empty());
      CHECK(svcs.empty());
    }
  }
  const auto odd = m.workloads_selected("ns1", LabelSelector{{}, {{"tier", "In", {"odd"}}}});
  CHECK(odd.size() == kWorkloads / 50);
  const auto none = m.workloads_selected("ns2", LabelSelector{{{"tier", "odd"}}, {}});
  CHECK(none.empty());
}
