#include <doctest/doctest.h>

#include "faultline/pipeline/settings.hpp"
#include "../rules/temp_dir.hpp"

using namespace faultline;


TEST_CASE("config file is found from a subdirectory up to the repository root") {
  test::TempDir tmp;
  tmp.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  const auto config = tmp.write("repo/.faultline.yaml", "packs: [core]\n");
  std::filesystem::create_directories(tmp.path() / "repo/charts/app");
  const auto found = find_config_file(tmp.path() / "repo/charts/app");
  REQUIRE(found);
  CHECK(std::filesystem::equivalent(*found, config));
}

TEST_CASE("config file lookup stops at the repository root") {
  test::TempDir tmp;
  tmp.write(".faultline.yaml", "packs: [core]\n");  // above the repository: not used
  tmp.write("repo/.git/HEAD", "x\n");
  std::filesystem::create_directories(tmp.path() / "repo/sub");
  CHECK_FALSE(find_config_file(tmp.path() / "repo/sub"));
}

TEST_CASE("config file holds every setting; relative paths resolve against its directory") {
  test::TempDir tmp;
  const auto file = tmp.write("cfg/.faultline.yaml", R"(packs: [core, runai]
enable: [pdb-orphan]
disable: single-replica, pdb-missing
severity:
  no-node-spread: error
policies: [team-rules]
fail-on: warning
baseline: baseline.json
topology-keys: [rack]
nodes: [nodes.yaml]
namespace: apps
)");
  Diagnostics errors;
  const Settings s = load_config_file(file, errors);
  CHECK(errors.empty());
  CHECK(s.selection.packs == std::vector<std::string>{"core", "runai"});
  CHECK(s.selection.enable == std::vector<std::string>{"pdb-orphan"});
  CHECK(s.selection.disable == std::vector<std::string>{"single-replica", "pdb-missing"});
  CHECK(s.selection.severity.at("no-node-spread") == Severity::error);
  CHECK(s.policy_paths == std::vector<std::string>{(tmp.path() / "cfg/team-rules").string()});
  CHECK(s.baseline == (tmp.path() / "cfg/baseline.json").string());
  CHECK(s.node_paths == std::vector<std::string>{(tmp.path() / "cfg/nodes.yaml").string()});
  CHECK(s.fail_on == "warning");
  CHECK(s.topology_keys == std::vector<std::string>{"rack"});
  CHECK(s.default_namespace == "apps");
}

TEST_CASE("config file errors name file and line, with did-you-mean") {
  test::TempDir tmp;
  const auto file = tmp.write(".faultline.yaml", "packs: [core]\ndisabel: [x]\nfail-on: sometimes\nseverity:\n  a: loud\n");
  Diagnostics errors;
  load_config_file(file, errors);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].where.line == 2);
  CHECK(errors[0].message.find("did you mean 'disable'") != std::string::npos);
  CHECK(errors[1].where.line == 3);
  CHECK(errors[2].where.line == 5);
  CHECK(errors[2].where.file == file.string());
}

TEST_CASE("flags override the config file") {
  Settings file;
  file.selection.packs = {"core"};
  file.selection.disable = {"pdb-missing"};
  file.selection.enable = {"pdb-orphan"};
  file.fail_on = "warning";
  file.policy_paths = {"a"};
  Settings flags;
  flags.selection.enable = {"pdb-missing"};
  flags.selection.disable = {"pdb-orphan"};
  flags.fail_on = "never";
  flags.policy_paths = {"b"};
  const Settings s = merge_settings(file, flags);
  CHECK(s.selection.packs == std::vector<std::string>{"core"});
  CHECK(s.selection.enable == std::vector<std::string>{"pdb-missing"});
  CHECK(s.selection.disable == std::vector<std::string>{"pdb-orphan"});
  CHECK(s.fail_on == "never");
  CHECK(s.policy_paths == std::vector<std::string>{"a", "b"});
}
