// The fix plan: one helm upgrade per chart with every --set, one runaiconfig patch, one kubectl
// label naming candidate nodes (zones without a system node first), YAML snippets per object.
#include <sstream>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "../rules/analyze_yaml.hpp"
#include "faultline/report/fix_plan.hpp"
#include "faultline/report/report.hpp"

using namespace faultline;

namespace {

std::string cp_deployment(const std::string& name) {
  return "# Source: control-plane/templates/" + name + "/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n"
         "metadata: {name: runai-backend-" + name + ", namespace: runai-backend}\nspec:\n  replicas: 1\n"
         "  selector: {matchLabels: {app: " + name + "}}\n  template:\n    metadata: {labels: {app: " + name + "}}\n"
         "    spec:\n      affinity:\n        nodeAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n"
         "            - weight: 1\n              preference: {matchExpressions: [{key: node-role.kubernetes.io/runai-system, operator: Exists}]}\n"
         "      containers: [{name: c, image: c:1}]\n";
}

std::string node(const std::string& name, const std::string& zone, bool system) {
  return "apiVersion: v1\nkind: Node\nmetadata:\n  name: " + name + "\n  labels: {kubernetes.io/hostname: " + name +
         ", topology.kubernetes.io/zone: " + zone + (system ? ", node-role.kubernetes.io/runai-system: \"true\"" : "") +
         "}\nstatus: {conditions: [{type: Ready, status: \"True\"}]}\n";
}

const std::string kRunaiConfig = "apiVersion: run.ai/v1\nkind: RunaiConfig\nmetadata: {name: runai, namespace: runai}\nspec: {}\n";

std::string render(const Analysis& a, report::ReportOptions options, bool json = false) {
  std::ostringstream out;
  if (json) report::write_json(a, options, out);
  else report::write_text(a, options, out);
  return out.str();
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

struct Run {
  test::TempDir dir;
  std::unique_ptr<Analysis> analysis;
  Run() {
    AnalysisOptions options;
    options.node_paths = {dir.write("nodes.yaml", node("sys-1", "a", true) + "---\n" + node("w-a", "a", false) + "---\n" +
                                                      node("w-b", "b", false) + "---\n" + node("w-c", "c", false))
                              .string()};
    analysis = test::analyze_yaml(cp_deployment("frontend") + "---\n" + cp_deployment("backend") + "---\n" + kRunaiConfig +
                                      "---\n" + test::kOneReplicaApi,
                                  options);
  }
};

}  // namespace

TEST_CASE("fix plan: merged per tool, in text after the findings") {
  const Run run;
  const auto plan = report::build_fix_plan(*run.analysis, report::listed_findings(*run.analysis, {}), "");
  REQUIRE(plan.helm.size() == 1);
  CHECK(plan.helm[0].command() ==
        "helm upgrade runai-backend runai-backend/control-plane -n runai-backend --reuse-values "
        "--set backend.replicaCount=2 --set frontend.replicaCount=2");
  CHECK(plan.helm[0].release_assumed);
  CHECK(plan.runaiconfig_command() ==
        "kubectl patch runaiconfig runai -n runai --type merge -p '{\"spec\":{\"prometheus\":{\"spec\":{\"replicas\":2}}}}'");
  REQUIRE(plan.labels.size() == 1);
  // Two more system nodes for the recommended 3: zones b and c have none, so their nodes come first.
  CHECK(plan.labels[0].command() == "kubectl label nodes w-b w-c node-role.kubernetes.io/runai-system=true");
  REQUIRE(plan.snippets.size() == 1);
  CHECK(plan.snippets[0].object == "Deployment/shop/api");
  CHECK(plan.snippets[0].yaml == "spec:\n  replicas: 2\n");

  const std::string text = render(*run.analysis, {});
  CHECK(text.find("Fix plan") > text.find("[single-replica]"));
  CHECK(contains(text, "# Deployment/shop/api (single-replica): merge into its manifest\nspec:\n  replicas: 2\n"));
}

TEST_CASE("fix plan: --helm-release names the release; plan-only prints nothing else") {
  const Run run;
  report::ReportOptions options;
  options.plan_only = true;
  options.helm_release = "cp";
  const std::string text = render(*run.analysis, options);
  CHECK(text.starts_with("# chart control-plane\nhelm upgrade cp runai-backend/control-plane -n runai-backend --reuse-values"));
  CHECK_FALSE(contains(text, "[single-replica]"));
  CHECK_FALSE(contains(text, "documents"));
}

TEST_CASE("fix plan: in the JSON report too") {
  const Run run;
  const YAML::Node plan = YAML::Load(render(*run.analysis, {}, true))["plan"];
  REQUIRE(plan["helm"].size() == 1);
  CHECK(plan["helm"][0]["release"].as<std::string>() == "runai-backend");
  CHECK(plan["helm"][0]["sets"][1].as<std::string>() == "frontend.replicaCount=2");
  CHECK(plan["runaiconfig"].as<std::string>().starts_with("kubectl patch runaiconfig runai -n runai --type merge"));
  CHECK(plan["labelNodes"][0]["command"].as<std::string>() == "kubectl label nodes w-b w-c node-role.kubernetes.io/runai-system=true");
  CHECK(plan["snippets"][0]["object"].as<std::string>() == "Deployment/shop/api");
}
