// One front door for settings: every subcommand reads .faultline.yaml through the same resolver,
// run in-process on real files with the real pipeline.
#include <sstream>

#include <doctest/doctest.h>

#include "../../analyzer/cli/command.hpp"
#include "../rules/temp_dir.hpp"

using namespace faultline;

namespace {

struct Run {
  int code = 0;
  std::string out, err;
};

Run run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  cli::Environment env{out, err, false, false, true, &faultline::analyze};
  Run r;
  r.code = cli::run(args, env);
  r.out = out.str();
  r.err = err.str();
  return r;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

/// Restores the working directory when the test ends (the config file is looked up from it).
struct InDirectory {
  std::filesystem::path before = std::filesystem::current_path();
  explicit InDirectory(const std::filesystem::path& dir) { std::filesystem::current_path(dir); }
  ~InDirectory() { std::filesystem::current_path(before); }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;
};

constexpr const char* kApp =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\n"
    "spec:\n  replicas: 2\n  selector: {matchLabels: {app: api}}\n  template:\n"
    "    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, image: api:1}]}\n";

constexpr const char* kNodes =
    "apiVersion: v1\nkind: List\nitems:\n"
    "- {apiVersion: v1, kind: Node, metadata: {name: n1, labels: {topology.kubernetes.io/zone: a}}}\n"
    "- {apiVersion: v1, kind: Node, metadata: {name: n2, labels: {topology.kubernetes.io/zone: b}}}\n";

constexpr const char* kRule = R"(id: shop-three-replicas
template: min-replicas
params: {min: 3}
scope: {kinds: [Deployment]}
severity: error
summary: A shop workload runs fewer than 3 replicas.
message: "{object} runs {replicas} replicas; the shop needs {min} ({source})."
remediation: Set spec.replicas to 3 or more.
explanation: The shop must survive a node loss during a rollout.
examples:
  failing:
    - description: Two replicas.
      yaml: |
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec: {replicas: 2}
  passing:
    - description: Three replicas.
      yaml: |
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec: {replicas: 3}
)";

/// A repository with the app, an inventory, a custom pack, and a config file naming the last two.
struct Repo {
  test::TempDir dir;
  Repo() {
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write("deploy/app.yaml", kApp);
    dir.write("cluster/nodes.yaml", kNodes);
    dir.write("team-pack/shop-three-replicas.yaml", kRule);
    dir.write(".faultline.yaml", "nodes: [cluster/nodes.yaml]\npolicies: [team-pack]\n");
  }
  std::string path(const std::string& relative) const { return (dir.path() / relative).string(); }
};

}  // namespace

TEST_CASE("simulate reads nodes: from the config file (no 'needs the cluster's nodes')") {
  Repo repo;
  InDirectory cwd(repo.dir.path());
  const auto r = run({"simulate", "--fail", "zone=a", "deploy/app.yaml"});
  CHECK_FALSE(contains(r.err, "needs the cluster's nodes"));
  CHECK(r.code != 2);
  CHECK(contains(r.out, "zone=a"));
}

TEST_CASE("explain and rules see the rules of policies: in the config file") {
  Repo repo;
  InDirectory cwd(repo.dir.path());
  const auto explained = run({"explain", "shop-three-replicas"});
  CHECK(explained.code == 0);
  CHECK(contains(explained.out, "The shop must survive a node loss"));
  const auto listed = run({"rules"});
  CHECK(listed.code == 0);
  CHECK(contains(listed.out, "shop-three-replicas"));
}

TEST_CASE("check and graph read the same config file; --config names another") {
  Repo repo;
  InDirectory cwd(repo.dir.path());
  const auto checked = run({"check", "deploy/app.yaml"});
  CHECK(checked.code == 1);
  CHECK(contains(checked.out, "[shop-three-replicas]"));
  CHECK(contains(checked.out, "Coverage"));  // nodes: made an inventory
  const auto graphed = run({"graph", "--format", "json", "deploy/app.yaml"});
  CHECK(graphed.code == 0);
  CHECK(contains(graphed.out, "\"kind\": \"domain\""));
  repo.dir.write("other.yaml", "fail-on: never\n");
  CHECK(run({"check", "--config", "other.yaml", "deploy/app.yaml"}).code == 0);  // no pack, no fail
}

TEST_CASE("a config error stops every subcommand with file:line (exit 2)") {
  Repo repo;
  InDirectory cwd(repo.dir.path());
  repo.dir.write(".faultline.yaml", "nodes: [cluster/nodes.yaml]\nnodse: [x]\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", "deploy/app.yaml"}, {"simulate", "--fail", "any-node", "deploy/app.yaml"},
        {"graph", "deploy/app.yaml"}, {"rules"}, {"explain", "single-replica"}}) {
    CAPTURE(args.front());
    const auto r = run(args);
    CHECK(r.code == 2);
    CHECK(contains(r.err, ".faultline.yaml:2:1: error: unknown setting 'nodse'"));
  }
}

TEST_CASE("an inventory path that cannot be read is an input error (exit 2), from a flag or the config") {
  Repo repo;
  InDirectory cwd(repo.dir.path());
  const auto flag = run({"check", "--nodes", "no/such/nodes.yaml", "deploy/app.yaml"});
  CHECK(flag.code == 2);
  CHECK(contains(flag.err, "no/such/nodes.yaml"));
  repo.dir.write(".faultline.yaml", "nodes: [missing-nodes.yaml]\n");
  const auto config = run({"simulate", "--fail", "any-node", "deploy/app.yaml"});
  CHECK(config.code == 2);
  CHECK(contains(config.err, "missing-nodes.yaml"));
}

TEST_CASE("--context analyzes the tree but reports only the named files' findings") {
  Repo repo;
  InDirectory cwd(repo.dir.path());
  repo.dir.write("deploy/db.yaml",
                 "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\n"
                 "spec:\n  replicas: 1\n  selector: {matchLabels: {app: db}}\n  template:\n"
                 "    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: db:1}]}\n");
  const auto whole = run({"check", "deploy"});
  CHECK(contains(whole.out, "StatefulSet/shop/db"));
  const auto scoped = run({"check", "--context", ".", "--format", "json", "deploy/app.yaml"});
  CHECK_FALSE(contains(scoped.out, "StatefulSet/shop/db"));
  CHECK(contains(scoped.out, "\"rule\": \"shop-three-replicas\""));
  CHECK_FALSE(contains(scoped.out, "\"notReported\": 0"));
  // The walk of "." meets .faultline.yaml and the inventory; the pack directory is not entered.
  CHECK(contains(scoped.out, "\"skippedFiles\": 2"));
  CHECK(scoped.code == 1);
  CHECK(scoped.err.empty());
}

TEST_CASE("--write-baseline says what it wrote and exits 0; --prune-baseline drops only stale entries") {
  Repo repo;
  InDirectory cwd(repo.dir.path());
  repo.dir.write(".faultline.yaml", "baseline: accepted.json\n");
  repo.dir.write("deploy/db.yaml",
                 "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\n"
                 "spec:\n  replicas: 1\n  selector: {matchLabels: {app: db}}\n  template:\n"
                 "    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: db:1}]}\n");
  repo.dir.write("accepted.json", "{\"version\": 1, \"findings\": []}\n");
  const auto wrote = run({"check", "--write-baseline", "accepted.json", "deploy"});
  CHECK(wrote.code == 0);
  CHECK(contains(wrote.err, "faultline: wrote "));
  CHECK(contains(wrote.err, " entries to accepted.json\n"));
  CHECK(run({"check", "deploy"}).code == 0);  // everything is accepted now

  // db is fixed (removed) and a new single-replica web appears: prune drops db's entries, keeps api's,
  // and does not accept web's.
  std::filesystem::remove(repo.dir.path() / "deploy/db.yaml");
  repo.dir.write("deploy/web.yaml",
                 "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
                 "spec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n"
                 "    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: web:1}]}\n");
  const auto pruned = run({"check", "--prune-baseline", "deploy"});
  CHECK(pruned.code == 0);
  CHECK(contains(pruned.err, "faultline: pruned "));
  CHECK_FALSE(contains(pruned.err, "pruned 0 "));
  const auto after = run({"check", "deploy"});
  CHECK(after.code == 1);  // web's finding was not recorded
  CHECK(contains(after.out, "Deployment/shop/web"));
  CHECK_FALSE(contains(after.out, "Baseline entries no longer found"));
  CHECK_FALSE(contains(after.out, "StatefulSet/shop/db"));

  repo.dir.write(".faultline.yaml", "fail-on: error\n");
  const auto no_file = run({"check", "--prune-baseline", "deploy"});
  CHECK(no_file.code == 2);
  CHECK(contains(no_file.err, "--prune-baseline needs the baseline"));
}
