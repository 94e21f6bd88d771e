// The pre-commit hook for real: Debian's pre-commit runs this repository's .pre-commit-hooks.yaml
// on commits in a scratch git repository, with the built faultline on PATH.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "../rules/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

struct Shell {
  int code = -1;
  std::string output;  ///< stdout and stderr together, as a user sees a failed commit
};

/// Runs `script` with sh in `dir`, faultline's build directory first on PATH and pre-commit's cache in `dir`.
Shell sh(const fs::path& dir, const std::string& script) {
  const fs::path log = dir / ".." / "shell.log";
  const std::string bin = fs::path(FAULTLINE_BINARY).parent_path().string();
  const std::string command = "cd '" + dir.string() + "' && PATH='" + bin + "':\"$PATH\" PRE_COMMIT_HOME='" +
                              (dir / ".." / "pre-commit-home").string() +
                              "' GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t "
                              "GIT_COMMITTER_EMAIL=t@example.com sh -c '" + script + "' >'" + log.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string deployment(const std::string& name, int replicas) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: shop}\nspec:\n  replicas: " +
         std::to_string(replicas) + "\n  selector: {matchLabels: {app: " + name + "}}\n  template:\n    metadata: {labels: {app: " +
         name + "}}\n    spec:\n      containers: [{name: app, image: 'app:1'}]\n      topologySpreadConstraints:\n"
         "      - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule,"
         " labelSelector: {matchLabels: {app: " + name + "}}}\n";
}

std::string pdb(const std::string& name) {
  return "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: " + name + ", namespace: shop}\n"
         "spec: {maxUnavailable: 1, selector: {matchLabels: {app: " + name + "}}}\n";
}

}  // namespace

TEST_CASE("pre-commit: a bad manifest fails the commit, a good one passes, a PDB in another file is seen") {
  if (std::system("command -v pre-commit >/dev/null 2>&1 && command -v git >/dev/null 2>&1") != 0) {
    FAIL("pre-commit and git are needed for this test: make deps installs them (Debian packages pre-commit, git)");
  }
  faultline::test::TempDir tmp;
  // The hook repository: this checkout's .pre-commit-hooks.yaml, committed, as pre-commit clones it.
  const fs::path hooks = tmp.path() / "hooks";
  fs::create_directories(hooks);
  fs::copy_file(fs::path(FAULTLINE_SOURCE_DIR) / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml");
  REQUIRE(sh(hooks, "git init -q && git add . && git commit -q -m hooks").code == 0);

  const fs::path repo = tmp.path() / "repo";
  tmp.write("repo/.pre-commit-config.yaml",
            "repos:\n- repo: " + hooks.string() + "\n  rev: HEAD_REV\n  hooks: [{id: faultline}]\n");
  tmp.write("repo/deploy/web-pdb.yaml", pdb("web"));
  tmp.write("repo/chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
  tmp.write("repo/chart/values.yaml", "replicas: 1\n");
  const auto setup = sh(repo,
                        "git init -q && rev=$(git -C ../hooks rev-parse HEAD) && "
                        "sed -i \"s/HEAD_REV/$rev/\" .pre-commit-config.yaml && pre-commit install >/dev/null && "
                        "git add .pre-commit-config.yaml deploy/web-pdb.yaml && git commit -q --no-verify -m base");
  REQUIRE_MESSAGE(setup.code == 0, setup.output);

  SUBCASE("a good manifest passes; its PodDisruptionBudget sits in an unchanged file") {
    tmp.write("repo/deploy/web.yaml", deployment("web", 3));
    const auto commit = sh(repo, "git add deploy/web.yaml chart && git commit -q -m web");
    INFO(commit.output);
    CHECK(commit.code == 0);
    CHECK_FALSE(contains(commit.output, "pdb-missing"));
    CHECK(contains(commit.output, "Passed"));
  }
  SUBCASE("a bad manifest fails the commit with the finding; findings in other files are not reported") {
    tmp.write("repo/deploy/other.yaml", deployment("other", 1));
    REQUIRE(sh(repo, "git add deploy/other.yaml && git commit -q --no-verify -m other").code == 0);
    tmp.write("repo/deploy/api.yaml", deployment("api", 1));
    const auto commit = sh(repo, "git add deploy/api.yaml && git commit -q -m api");
    INFO(commit.output);
    CHECK(commit.code != 0);
    CHECK(contains(commit.output, "Failed"));
    CHECK(contains(commit.output, "[single-replica] Deployment/shop/api"));
    CHECK_FALSE(contains(commit.output, "Deployment/shop/other"));
    CHECK(contains(commit.output, "outside the named paths not reported (--context)"));
  }
}
