// One object read from several files (a dump beside a render, a file sent twice): analyzed once,
// reported with every place, with a note; the last copy in input order wins when they differ.
#include <doctest/doctest.h>

#include <string>

#include "../rules/analyze_yaml.hpp"

using namespace faultline;

namespace {

std::string api(int replicas, const std::string& api_version = "apps/v1") {
  return "apiVersion: " + api_version + "\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  replicas: " +
         std::to_string(replicas) +
         "\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n"
         "    spec: {containers: [{name: api, image: api:1}]}\n";
}

std::unique_ptr<Analysis> analyze_dir(const test::TempDir& dir) {
  AnalysisOptions options;
  options.paths = {dir.path().string()};
  return analyze(options);
}

std::size_t count_notes(const Analysis& a, const std::string& text) {
  std::size_t n = 0;
  for (const auto& d : a.diagnostics) n += d.message.find(text) != std::string::npos ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("repeated objects: identical copies in two files are analyzed once and reported at both places") {
  test::TempDir dir;
  dir.write("a-dump.yaml", api(1));
  dir.write("b-render/api.yaml", "# a comment\n" + api(1));
  const auto a = analyze_dir(dir);
  CHECK(a->model.workloads.size() == 1);
  CHECK(a->summary.repeated == 1);
  CHECK(a->summary.workloads == 1);
  const auto findings = test::findings_of(*a, "single-replica");
  REQUIRE(findings.size() == 1);  // not one per copy
  CHECK(findings[0].where.file.ends_with("a-dump.yaml"));
  REQUIRE(findings[0].also_at.size() == 1);
  CHECK(findings[0].also_at[0].file.ends_with("b-render/api.yaml"));
  CHECK(findings[0].also_at[0].line == 2);
  REQUIRE(count_notes(*a, "Deployment/shop/api was read 2 times") == 1);
  for (const auto& d : a->diagnostics) {
    if (d.message.find("was read") == std::string::npos) continue;
    CHECK(d.severity == Severity::info);
    CHECK(d.message.find("the same each time (also at ") != std::string::npos);
    CHECK(d.message.find("b-render/api.yaml:2); analyzed once") != std::string::npos);
    CHECK(d.where.file.ends_with("a-dump.yaml"));
  }
  CHECK_FALSE(a->input_error);
}

TEST_CASE("repeated objects: when copies differ the last in input order is analyzed, and a warning says so") {
  test::TempDir dir;
  dir.write("1.yaml", api(1, "apps/v1beta2"));  // another version of the same API group: the same object
  dir.write("2.yaml", api(3));
  dir.write("3.yaml", api(3));
  const auto a = analyze_dir(dir);
  REQUIRE(a->model.workloads.size() == 1);
  CHECK(a->model.workloads[0].replicas == 3);
  CHECK(a->model.workloads[0].meta.where.file.ends_with("3.yaml"));
  CHECK(a->model.workloads[0].meta.provenance->also_at.size() == 2);
  CHECK(test::findings_of(*a, "single-replica").empty());
  bool warned = false;
  for (const auto& d : a->diagnostics) {
    if (d.message.find("with different content") == std::string::npos) continue;
    warned = true;
    CHECK(d.severity == Severity::warning);
    CHECK(d.where.file.ends_with("3.yaml"));
    CHECK(d.message.find("1.yaml:1") != std::string::npos);
    CHECK(d.message.find("2.yaml:1") != std::string::npos);
    CHECK(d.message.find("was read 3 times, with different content") != std::string::npos);
    CHECK(d.message.find("the last copy in input order") != std::string::npos);
  }
  CHECK(warned);
  CHECK(a->summary.repeated == 1);
}

TEST_CASE("repeated objects: other namespaces, kinds and API groups are other objects") {
  test::TempDir dir;
  std::string other_ns = api(1);
  other_ns.replace(other_ns.find("namespace: shop"), 15, "namespace: cart");
  std::string stateful = api(1);
  stateful.replace(stateful.find("Deployment"), 10, "StatefulSet");
  dir.write("all.yaml", api(1) + "---\n" + other_ns + "---\n" + stateful +
                            "---\napiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\n");
  const auto a = analyze_dir(dir);
  CHECK(a->model.workloads.size() == 3);
  CHECK(a->summary.repeated == 0);
  CHECK(count_notes(*a, "was read") == 0);
}

TEST_CASE("repeated objects: the same file named twice is read once, without a note") {
  test::TempDir dir;
  const auto file = dir.write("api.yaml", api(1)).string();
  AnalysisOptions options;
  options.paths = {file, dir.path().string(), (dir.path() / "." / "api.yaml").string()};
  const auto a = analyze(options);
  CHECK(a->model.workloads.size() == 1);
  CHECK(a->summary.documents == 1);
  CHECK(a->summary.repeated == 0);
  CHECK(test::findings_of(*a, "single-replica").size() == 1);
}

TEST_CASE("repeated objects: Nodes read twice count once in the inventory") {
  test::TempDir dir;
  const std::string node = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: {topology.kubernetes.io/zone: a}\n";
  dir.write("nodes.yaml", node);
  dir.write("dump/nodes.json", "{\"apiVersion\": \"v1\", \"kind\": \"Node\", \"metadata\": {\"name\": \"n1\", \"labels\": "
                                "{\"topology.kubernetes.io/zone\": \"a\"}}}");
  dir.write("api.yaml", api(2));
  const auto a = analyze_dir(dir);
  CHECK(a->model.nodes.size() == 1);
  CHECK(a->inventory.nodes.size() == 1);
  CHECK(a->summary.repeated == 1);
}

TEST_CASE("repeated objects: replacing a custom resource leaves the other resources' bodies intact") {
  // Regression: removing the replaced copy by assignment made the Cluster before it share the
  // body of the one after it (a YAML::Node assignment rewrites the tree it referred to).
  test::TempDir dir;
  const auto cluster = [](const std::string& name, int instances) {
    return "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: " + name + "}\nspec:\n  instances: " +
           std::to_string(instances) + "\n  storage: {size: 1Gi}\n";
  };
  dir.write("a.yaml", cluster("first", 2));   // replaced by c.yaml
  dir.write("b.yaml", cluster("other", 1));
  dir.write("c.yaml", cluster("first", 3));
  dir.write("d.yaml", cluster("last", 5));
  const auto a = analyze_dir(dir);
  CHECK(a->summary.repeated == 1);
  int seen = 0;
  for (const auto& w : a->model.workloads) {
    const std::string& name = w.meta.ref.name;
    INFO(name);
    if (name == "first") CHECK(w.replicas == 3);
    if (name == "other") CHECK(w.replicas == 1);
    if (name == "last") CHECK(w.replicas == 5);
    seen += name == "first" || name == "other" || name == "last" ? 1 : 0;
  }
  CHECK(seen == 3);
}

TEST_CASE("repeated objects: many identical copies give one note, not a line per object") {
  test::TempDir dir;
  std::string objects;
  for (const char* name : {"a", "b", "c", "d", "e", "f", "g"})
    objects += std::string("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ") + name + ", namespace: shop}\n";
  dir.write("install.yaml", objects);
  dir.write("ha-install.yaml", objects);
  const auto a = analyze_dir(dir);
  CHECK(a->summary.repeated == 7);
  CHECK(count_notes(*a, "was read") == 1);
  REQUIRE(count_notes(*a, "7 objects were read more than once, the same each time: ") == 1);
  for (const auto& d : a->diagnostics) {
    if (d.message.find("objects were read more than once") == std::string::npos) continue;
    CHECK(d.severity == Severity::info);
    CHECK(d.message.find("ConfigMap/shop/a (2 times), ConfigMap/shop/b (2 times)") != std::string::npos);
    CHECK(d.message.find("ConfigMap/shop/e (2 times) and 2 more; each is analyzed once") != std::string::npos);
  }
}
