// Folding by cause: the placement findings of workloads gathered on too few nodes are listed under
// the one finding (or node set) that explains them; the JSON keeps every finding with its cause.
#include <sstream>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "../rules/analyze_yaml.hpp"
#include "faultline/report/causes.hpp"
#include "faultline/report/report.hpp"

using namespace faultline;

namespace {

std::string node(const std::string& name, const std::string& zone, const std::string& extra) {
  return "apiVersion: v1\nkind: Node\nmetadata:\n  name: " + name + "\n  labels: {kubernetes.io/hostname: " + name +
         ", topology.kubernetes.io/zone: " + zone + extra + "}\nstatus: {conditions: [{type: Ready, status: \"True\"}]}\n";
}

/// A Deployment of 2 replicas in `ns`; `pod_spec_extra` goes into the pod spec.
std::string deployment(const std::string& ns, const std::string& name, const std::string& pod_spec_extra) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: " + ns +
         "}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: " + name + "}}\n  template:\n    metadata: {labels: {app: " +
         name + "}}\n    spec:\n" + pod_spec_extra + "      containers: [{name: c, image: c:1}]\n";
}

const std::string kSystemAffinity =
    "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
    "            nodeSelectorTerms: [{matchExpressions: [{key: node-role.kubernetes.io/runai-system, operator: Exists}]}]\n";

struct Run {
  test::TempDir dir;
  std::unique_ptr<Analysis> analysis;
  Run(const std::string& manifests, const std::string& nodes) {
    AnalysisOptions options;
    options.node_paths = {dir.write("nodes.yaml", nodes).string()};
    analysis = test::analyze_yaml(manifests, options);
  }
  std::string text(report::ReportOptions options = {}) const {
    std::ostringstream out;
    report::write_text(*analysis, options, out);
    return out.str();
  }
};

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string kThreeZones = node("sys-1", "a", ", node-role.kubernetes.io/runai-system: \"true\"") + "---\n" +
                                node("w-1", "b", "") + "---\n" + node("w-2", "c", "");

}  // namespace

TEST_CASE("causes: one system node explains the node findings of every gathered workload") {
  const Run run(deployment("runai-backend", "runai-backend-a", kSystemAffinity) + "---\n" +
                    deployment("runai-backend", "runai-backend-b", kSystemAffinity) + "---\n" +
                    deployment("runai-backend", "runai-backend-c", kSystemAffinity),
                kThreeZones);
  const auto listed = report::listed_findings(*run.analysis, {});
  const auto folding = report::fold_by_cause(*run.analysis, listed);
  // The three Deployments also lack a PodDisruptionBudget: that rule-on-many-objects item comes second.
  REQUIRE(!folding.causes.empty());
  const auto& cause = folding.causes.front();
  REQUIRE(cause.lead);
  CHECK(cause.lead->rule == "runai-system-nodes");
  CHECK(cause.lead->object.display() == "Namespace/runai-backend");
  CHECK(cause.workloads.size() == 3);
  for (const auto* f : cause.findings) CHECK(f->rule != "runai-system-nodes");

  const std::string text = run.text();
  CHECK(contains(text, "Cause: Namespace/runai-backend"));
  CHECK(contains(text, "on 3 workloads:\n"));
  CHECK(contains(text, "        Deployment/runai-backend/runai-backend-a: "));
  // The explained findings are not repeated as findings of their own objects.
  CHECK_FALSE(contains(text, "\nDeployment/runai-backend/runai-backend-a"));
  for (const auto& other : folding.causes) CHECK((other.lead == nullptr) == (&other != &cause));
}

TEST_CASE("causes: JSON keeps every finding, each naming its cause") {
  const Run run(deployment("runai-backend", "runai-backend-a", kSystemAffinity) + "---\n" +
                    deployment("runai-backend", "runai-backend-b", kSystemAffinity),
                kThreeZones);
  std::ostringstream out;
  report::write_json(*run.analysis, {}, out);
  const YAML::Node doc = YAML::Load(out.str());
  const auto listed = report::listed_findings(*run.analysis, {});
  const auto folding = report::fold_by_cause(*run.analysis, listed);
  REQUIRE(folding.causes.size() == 1);
  const std::string id = folding.causes.front().id;
  CHECK(id.starts_with("finding:"));
  CHECK(doc["findings"].size() == listed.size());  // every finding is kept
  std::size_t references = 0;
  for (const auto& f : doc["findings"])
    if (!f["cause"].IsNull() && f["cause"].as<std::string>() == id) ++references;
  CHECK(references == folding.causes.front().findings.size() + 1);  // the lead names its own cause
  REQUIRE(doc["causes"].size() == 1);
  CHECK(doc["causes"][0]["workloads"].size() == 2);
  CHECK(doc["causes"][0]["lead"].as<std::string>() == folding.causes.front().lead->fingerprint());
}

TEST_CASE("causes: without a lead, two workloads on the same single eligible node share a cause") {
  const std::string ssd = "      nodeSelector: {disk: ssd}\n";
  const Run run(deployment("shop", "api", ssd) + "---\n" + deployment("shop", "web", ssd),
                node("n-1", "a", ", disk: ssd") + "---\n" + node("n-2", "b", "") + "---\n" + node("n-3", "c", ""));
  const auto folding = report::fold_by_cause(*run.analysis, report::listed_findings(*run.analysis, {}));
  REQUIRE(folding.causes.size() == 1);
  CHECK_FALSE(folding.causes.front().lead);
  CHECK(folding.causes.front().id == "eligible-nodes:n-1");
  CHECK(folding.causes.front().title == "Only 1 node is eligible for 2 workloads: n-1");
  CHECK(contains(run.text(), "Cause: Only 1 node is eligible for 2 workloads: n-1\n"));
}

TEST_CASE("causes: one workload short of nodes is not folded, and spread workloads have no cause") {
  const std::string ssd = "      nodeSelector: {disk: ssd}\n";
  const Run run(deployment("shop", "api", ssd) + "---\n" + deployment("shop", "web", ""),
                node("n-1", "a", ", disk: ssd") + "---\n" + node("n-2", "b", "") + "---\n" + node("n-3", "c", ""));
  CHECK(report::fold_by_cause(*run.analysis, report::listed_findings(*run.analysis, {})).causes.empty());
}
