// analyze(): the stages wired together, counts, input errors, --nodes, policy errors.
#include <doctest/doctest.h>

#include "../rules/analyze_yaml.hpp"

using namespace faultline;

namespace {

const std::string& kApi = test::kOneReplicaApi;

}  // namespace

TEST_CASE("analyze fills findings, summary and catalogue") {
  const auto a = test::analyze_yaml(kApi);
  CHECK_FALSE(a->input_error);
  CHECK_FALSE(a->policy_error);
  CHECK(a->summary.documents == 1);
  CHECK(a->summary.objects == 1);
  CHECK(a->summary.workloads == 1);
  CHECK(a->summary.errors == 1);
  REQUIRE(a->findings.size() == 1);
  const auto& f = a->findings[0];
  CHECK(f.rule == "single-replica");
  CHECK(f.severity == Severity::error);
  CHECK(f.where.line == 1);
  CHECK(f.message == "Deployment/shop/api runs 1 replica (spec.replicas (not set; the API default is 1)): a restart, an "
                     "eviction or the loss of its node takes it down.");
  CHECK(a->catalogue.find("single-replica"));
}

TEST_CASE("empty input is an input error") {
  const auto a = test::analyze_yaml("# nothing rendered\n");
  CHECK(a->input_error);
  CHECK_FALSE(a->diagnostics.empty());
}

TEST_CASE("a document that fails to parse is an input error; the others are analyzed") {
  const auto a = test::analyze_yaml(kApi + "---\nkind: [unclosed\n");
  CHECK(a->input_error);
  CHECK(test::findings_of(*a, "single-replica").size() == 1);
}

TEST_CASE("--severity overrides a rule's severity; unknown --disable stops the run") {
  AnalysisOptions options;
  options.selection.severity["single-replica"] = Severity::info;
  auto a = test::analyze_yaml(kApi, options);
  REQUIRE(a->findings.size() == 1);
  CHECK(a->findings[0].severity == Severity::info);
  CHECK(a->summary.infos == 1);

  AnalysisOptions bad;
  bad.selection.disable = {"single-replika"};
  a = test::analyze_yaml(kApi, bad);
  CHECK(a->policy_error);
  CHECK(a->findings.empty());
}

TEST_CASE("--nodes keeps only Node objects and reports the rest") {
  test::TempDir tmp;
  const auto nodes = tmp.write("nodes.yaml",
                               "apiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: {kubernetes.io/hostname: n1}}\n"
                               "---\n" + kApi);
  AnalysisOptions options;
  options.node_paths = {nodes.string()};
  const auto a = test::analyze_yaml(kApi, options);
  CHECK(a->model.nodes.size() == 1);
  CHECK(a->model.workloads.size() == 1);
  bool reported = false;
  for (const auto& d : a->diagnostics) reported |= d.message.find("not a Node") != std::string::npos && d.where.line == 5;
  CHECK(reported);
}

TEST_CASE("a Node both in the inputs and in --nodes is noted once, and the --nodes copy is used") {
  test::TempDir tmp;
  const auto nodes = tmp.write("nodes.yaml",
                               "apiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: {topology.kubernetes.io/zone: b}}\n"
                               "---\napiVersion: v1\nkind: Node\nmetadata: {name: n2}\n");
  AnalysisOptions options;
  options.node_paths = {nodes.string()};
  const auto a = test::analyze_yaml(kApi + "---\napiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: "
                                           "{topology.kubernetes.io/zone: a}}\n",
                                    options);
  std::vector<const Diagnostic*> notes;
  for (const auto& d : a->diagnostics)
    if (d.message.find("also given with --nodes") != std::string::npos) notes.push_back(&d);
  REQUIRE(notes.size() == 1);
  CHECK(notes.front()->severity == Severity::warning);
  CHECK(notes.front()->where.file == nodes.string());
  CHECK(notes.front()->where.line == 1);
  CHECK(notes.front()->message.find("Node/n1") != std::string::npos);
  CHECK(notes.front()->message.find("input.yaml") != std::string::npos);
  const auto* n1 = a->inventory.find("n1");
  REQUIRE(n1 != nullptr);
  CHECK(n1->meta.labels.at("topology.kubernetes.io/zone") == "b");
  CHECK_FALSE(a->input_error);
}

TEST_CASE("a bad --policy pack stops the run before any input is read") {
  test::TempDir tmp;
  tmp.write("team/x.yaml", "id: x\ntemplate: nope\n");
  AnalysisOptions options;
  options.policy_paths = {(tmp.path() / "team").string()};
  const auto a = test::analyze_yaml(kApi, options);
  CHECK(a->policy_error);
  CHECK(a->model.workloads.empty());
  CHECK(a->diagnostics.size() >= 2);
}
