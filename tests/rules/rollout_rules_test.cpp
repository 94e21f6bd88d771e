// rollout-deadlock and rollout-all-at-once beyond their fixtures: what holds without an
// inventory, and workloads that share a placement signature but not their rollout parameters.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "analyze_yaml.hpp"

using namespace faultline;

namespace {

std::string daemon_set(const std::string& name, const std::string& strategy, const std::string& ports) {
  return "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: " + name + ", namespace: edge}\nspec:\n" + strategy +
         "  selector: {matchLabels: {app: " + name + "}}\n  template:\n    metadata: {labels: {app: " + name + "}}\n"
         "    spec:\n      containers:\n      - name: c\n        image: c:1\n" + ports + "---\n";
}

const std::string kSurge = "  updateStrategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n";
const std::string kHostPort = "        ports: [{containerPort: 80, hostPort: 80}]\n";

const std::string kTwoNodes =
    "apiVersion: v1\nkind: Node\nmetadata:\n  name: n-1\n  labels: {kubernetes.io/hostname: n-1}\n"
    "status: {conditions: [{type: Ready, status: \"True\"}]}\n---\n"
    "apiVersion: v1\nkind: Node\nmetadata:\n  name: n-2\n  labels: {kubernetes.io/hostname: n-2}\n"
    "status: {conditions: [{type: Ready, status: \"True\"}]}\n";

std::set<std::string> deadlocked(const Analysis& a) {
  std::set<std::string> out;
  for (const auto& f : test::findings_of(a, "rollout-deadlock")) out.insert(f.object.name);
  return out;
}

}  // namespace

TEST_SUITE("rules") {

TEST_CASE("rollout-deadlock: a surging DaemonSet with a host port is reported without an inventory") {
  const auto a = test::analyze_yaml(daemon_set("proxy", kSurge, kHostPort) + daemon_set("plain", kSurge, ""));
  CHECK(deadlocked(*a) == std::set<std::string>{"proxy"});
  const auto found = test::findings_of(*a, "rollout-deadlock");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].message.find("host port 80/TCP") != std::string::npos);
}

TEST_CASE("rollout-deadlock: DaemonSets that schedule alike are judged by their own maxSurge") {
  // Regression: the answer was shared per placement signature, which ignored maxSurge, so the
  // second DaemonSet inherited the first one's deadlock (or the first one's absence of it).
  test::TempDir dir;
  AnalysisOptions options;
  options.node_paths = {dir.write("nodes.yaml", kTwoNodes).string()};
  const std::string anti =
      "      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
      "          - {topologyKey: kubernetes.io/hostname, labelSelector: {matchExpressions: [{key: app, operator: Exists}]}}\n";
  auto with_anti = [&](const std::string& name, const std::string& strategy) {
    std::string ds = daemon_set(name, strategy, "");
    ds.insert(ds.find("      containers:"), anti);
    return ds;
  };
  const auto a = test::analyze_yaml(with_anti("a-surges", kSurge) + with_anti("b-no-surge", ""), options);
  CHECK(deadlocked(*a) == std::set<std::string>{"a-surges"});
  const auto b = test::analyze_yaml(with_anti("a-no-surge", "") + with_anti("b-surges", kSurge), options);
  CHECK(deadlocked(*b) == std::set<std::string>{"b-surges"});
}

TEST_CASE("rollout-deadlock: a StatefulSet partition above every ordinal is a warning, on any cluster") {
  const auto a = test::analyze_yaml(
      "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\nspec:\n  replicas: 2\n"
      "  serviceName: db\n  updateStrategy: {rollingUpdate: {partition: 5}}\n  selector: {matchLabels: {app: db}}\n"
      "  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: db:1}]}\n");
  const auto found = test::findings_of(*a, "rollout-deadlock");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].message.find("never rolls out a new template: updateStrategy.rollingUpdate.partition 5 is at or above "
                              "its 2 replicas") != std::string::npos);
}

TEST_CASE("rollout-all-at-once: a StatefulSet's maxUnavailable rounds down with a floor of 1") {
  auto sts = [](int replicas, const std::string& mu) {
    return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s" + std::to_string(replicas) + mu.substr(0, 2) +
           ", namespace: shop}\nspec:\n  replicas: " + std::to_string(replicas) + "\n  serviceName: s\n"
           "  updateStrategy: {rollingUpdate: {maxUnavailable: \"" + mu + "\"}}\n  selector: {matchLabels: {app: s}}\n"
           "  template:\n    metadata: {labels: {app: s}}\n    spec: {containers: [{name: s, image: s:1}]}\n---\n";
  };
  // 2 × 99% = 1.98 rounds down to 1 (one pod at a time); 4 × 100% = 4 takes every pod.
  const auto a = test::analyze_yaml(sts(2, "99%") + sts(4, "100%"));
  const auto found = test::findings_of(*a, "rollout-all-at-once");
  REQUIRE(found.size() == 1);
  CHECK(found[0].object.name == "s410");
  CHECK(found[0].message.find("maxUnavailable 100% of 4 replicas rounds down to 4") != std::string::npos);
  CHECK(found[0].message.find("MaxUnavailableStatefulSet") != std::string::npos);
}

}  // TEST_SUITE
