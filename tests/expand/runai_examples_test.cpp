// The bundled Run:ai examples: the default ones show the guide's SPOFs, the HA ones none.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "faultline/pipeline.hpp"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

/// A node inventory of `system` system nodes spread over `zones` zones, plus three GPU workers.
fs::path inventory(int system, int zones) {
  const fs::path file = fs::temp_directory_path() / ("faultline-runai-" + std::to_string(system) + "-" +
                                                     std::to_string(zones) + ".yaml");
  std::ofstream out(file);
  out << "apiVersion: v1\nkind: NodeList\nitems:\n";
  auto node = [&](const std::string& name, int zone, bool sys) {
    out << "  - apiVersion: v1\n    kind: Node\n    metadata:\n      name: " << name
        << "\n      labels: {kubernetes.io/hostname: " << name << ", topology.kubernetes.io/zone: z" << zone
        << (sys ? ", node-role.kubernetes.io/runai-system: \"true\"" : "") << "}\n";
  };
  for (int i = 0; i < system; ++i) node("sys-" + std::to_string(i + 1), i % zones, true);
  for (int i = 0; i < 3; ++i) node("gpu-" + std::to_string(i + 1), i % zones, false);
  return file;
}

std::unique_ptr<Analysis> run(const std::vector<std::string>& examples, int system, int zones) {
  AnalysisOptions options;
  for (const auto& e : examples) options.paths.push_back((fs::path(FAULTLINE_SOURCE_DIR) / "fixtures/examples" / e).string());
  options.node_paths = {inventory(system, zones).string()};
  options.selection.packs = {"runai"};
  return analyze(options);
}

std::string describe(const Analysis& a) {
  std::string text;
  for (const auto& f : a.findings)
    text += std::string(to_string(f.severity)) + " " + f.rule + " " + f.object.display() + ": " + f.message + "\n";
  for (const auto& d : a.diagnostics) text += d.where.file + ":" + std::to_string(d.where.line) + ": " + d.message + "\n";
  return text;
}

}  // namespace

TEST_SUITE("expand") {

TEST_CASE("the default Run:ai examples with one system node report the guide's SPOFs") {
  const auto a = run({"runai-control-plane.yaml", "runai-cluster.yaml"}, 1, 1);
  INFO(describe(*a));
  REQUIRE_FALSE(a->policy_error);
  std::set<std::pair<std::string, std::string>> fired;  // rule, object name
  for (const auto& f : a->findings) fired.insert({f.rule, f.object.name});
  CHECK(fired.count({"runai-keycloak", "keycloak"}));
  CHECK(fired.count({"runai-internal-postgresql", "runai-backend-postgresql"}));
  CHECK(fired.count({"runai-thanos-query", "runai-backend-thanos-query"}));
  CHECK(fired.count({"runai-thanos-receive", "runai-backend-thanos-receive"}));
  CHECK(fired.count({"runai-control-plane-replicas", "runai-backend-frontend"}));
  CHECK(fired.count({"runai-control-plane-replicas", "runai-backend-traefik"}));
  CHECK_FALSE(fired.count({"runai-control-plane-replicas", "runai-backend-thanos-query"}));
  CHECK(fired.count({"runai-prometheus-replicas", "prometheus-runai"}));
  bool system_error = false;
  for (const auto& f : a->findings)
    if (f.rule == "runai-system-nodes" && f.severity == Severity::error &&
        f.message.find("single point of failure") != std::string::npos)
      system_error = true;
  CHECK(system_error);
  // prometheus-runai comes from the RunaiConfig and says so.
  for (const auto& f : a->findings)
    if (f.rule == "runai-prometheus-replicas") CHECK(f.expanded_from == "RunaiConfig/runai/runai");
}

TEST_CASE("the HA Run:ai examples with 3 system nodes in 3 zones: the runai pack reports nothing above info") {
  const auto a = run({"runai-control-plane-ha.yaml", "runai-cluster-ha.yaml"}, 3, 3);
  INFO(describe(*a));
  REQUIRE_FALSE(a->policy_error);
  CHECK_FALSE(a->input_error);
  CHECK(a->model.workloads.size() > 50);
  for (const auto& f : a->findings) {
    CAPTURE(f.rule);
    CAPTURE(f.object.display());
    CHECK(f.severity == Severity::info);
  }
}

}  // TEST_SUITE
