// The CI examples under examples/ci: the plain shell one is run against the built binary; the
// GitHub Actions and GitLab CI ones are checked for the file names they pass between steps and
// for faultline flags that exist, so that none of them can rot unnoticed.
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "../rules/temp_dir.hpp"
#include "shell.hpp"

namespace fs = std::filesystem;
using faultline::hostile::slurp;
using faultline::test::contains;
using faultline::test::run_shell;
using faultline::test::sh_quote;
using faultline::test::ShellResult;

namespace {

const std::string kExamples = FAULTLINE_SOURCE_DIR "/examples/ci";
const std::string kFindings = FAULTLINE_SOURCE_DIR "/fixtures/golden/findings/input.yaml";
const std::string kClean = FAULTLINE_SOURCE_DIR "/fixtures/golden/clean/input.yaml";

/// `examples/ci/check.sh ARGS` in `dir` with the built faultline and ENV (assignments).
ShellResult run_check_sh(const fs::path& dir, const std::string& args, const std::string& env = "") {
  return run_shell(dir, "env -u NO_COLOR FAULTLINE=" + sh_quote(FAULTLINE_BINARY) + " " + env + " " +
                            sh_quote(kExamples + "/check.sh") + " " + args);
}

/// Every `run:` / `script:` line of a CI file, wherever it is nested.
void collect_commands(const YAML::Node& node, std::string& out) {
  if (node.IsMap()) {
    for (const auto& item : node) {
      const auto key = item.first.as<std::string>();
      if ((key == "run" || key == "script" || key == "before_script") && item.second.IsScalar())
        out += item.second.as<std::string>() + "\n";
      else if ((key == "script" || key == "before_script") && item.second.IsSequence())
        for (const auto& line : item.second) out += line.as<std::string>() + "\n";
      else
        collect_commands(item.second, out);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) collect_commands(item, out);
  }
}

/// The long flags on the `faultline check` lines of `commands`.
std::set<std::string> check_flags(const std::string& commands) {
  std::set<std::string> flags;
  const std::regex check_line(R"(faultline check ([^\n]*))"), flag(R"((--[a-z][a-z-]*))");
  for (auto line = std::sregex_iterator(commands.begin(), commands.end(), check_line); line != std::sregex_iterator(); ++line) {
    const std::string args = (*line)[1];
    for (auto f = std::sregex_iterator(args.begin(), args.end(), flag); f != std::sregex_iterator(); ++f) flags.insert((*f)[1]);
  }
  return flags;
}

/// Checks that every flag the file's `faultline check` lines use is one `faultline check --help` lists.
void check_flags_exist(const std::string& commands) {
  faultline::test::TempDir tmp;
  const auto help = run_shell(tmp.path(), sh_quote(FAULTLINE_BINARY) + " check --help").out;
  const auto flags = check_flags(commands);
  CHECK_FALSE(flags.empty());
  for (const auto& f : flags) {
    INFO(f);
    CHECK(std::regex_search(help, std::regex("[ ,]" + f + "[ ,=\\n]")));
  }
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("examples/ci/check.sh analyzes manifests, prints and keeps the report, fails the job on findings") {
    faultline::test::TempDir tmp;
    const auto bad = run_check_sh(tmp.path(), sh_quote(kFindings));
    INFO(bad.out, bad.err);
    CHECK(bad.code == 1);
    CHECK(contains(bad.out, "error [single-replica] Deployment/shop/api"));
    CHECK(contains(bad.out, "faultline: findings at or above --fail-on; failing the job (report: faultline-report.txt)"));
    CHECK(contains(slurp(tmp.path() / "faultline-report.txt"), "error [single-replica] Deployment/shop/api"));

    const auto good = run_check_sh(tmp.path(), sh_quote(kClean));
    CHECK(good.code == 0);
    CHECK(contains(good.out, "No findings."));
    CHECK(contains(good.out, "faultline: no finding at or above --fail-on"));
  }

  TEST_CASE("examples/ci/check.sh passes faultline flags through (a JSON report)") {
    faultline::test::TempDir tmp;
    const auto r = run_check_sh(tmp.path(), sh_quote(kFindings) + " --format json --fail-on never", "FAULTLINE_REPORT=report.json");
    CHECK(r.code == 0);
    const auto report = YAML::LoadFile((tmp.path() / "report.json").string());  // JSON is YAML
    CHECK(report["findings"][0]["rule"].as<std::string>() == "single-replica");
  }

  TEST_CASE("examples/ci/check.sh renders a chart directory with helm template first") {
    faultline::test::TempDir tmp;
    tmp.write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.1.0\n");
    const auto helm = tmp.write("bin/helm", "#!/bin/sh\nprintf '[%s]\\n' \"$@\" > \"$0.args\"\ncat " + sh_quote(kFindings) + "\n");
    fs::permissions(helm, fs::perms::owner_all);
    const auto r = run_check_sh(tmp.path(), "chart", "HELM=" + sh_quote(helm.string()));
    CHECK(r.code == 1);
    CHECK(slurp(tmp.path() / "bin/helm.args") == "[template]\n[chart]\n");
    CHECK(contains(r.out, "faultline-rendered.yaml:4"));  // the rendered file is what was analyzed, and kept
    CHECK(slurp(tmp.path() / "faultline-rendered.yaml") == slurp(kFindings));
  }

  TEST_CASE("examples/ci/check.sh: a chart that fails to render, or a usage error, is exit 2 with no stale report") {
    faultline::test::TempDir tmp;
    tmp.write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.1.0\n");
    const auto failed = run_check_sh(tmp.path(), "chart", "HELM=false");
    CHECK(failed.code == 2);
    CHECK(contains(failed.err, "check.sh: helm template chart failed; nothing analyzed"));

    tmp.write("faultline-report.txt", "a previous run's report\n");
    const auto usage = run_check_sh(tmp.path(), sh_quote(kFindings) + " --no-such-flag");
    CHECK(usage.code == 2);
    CHECK_FALSE(contains(usage.out, "a previous run's report"));
    CHECK(contains(usage.err, "faultline: the input could not be analyzed (exit 2)"));
    CHECK(run_check_sh(tmp.path(), "").code == 2);
  }

  TEST_CASE("examples/ci/github-actions.yml uploads the SARIF file that faultline writes") {
    const auto workflow = YAML::LoadFile(kExamples + "/github-actions.yml");
    const auto steps = workflow["jobs"]["faultline"]["steps"];
    REQUIRE(steps.IsSequence());
    bool uploads = false;
    for (const auto& step : steps)
      if (step["uses"] && step["uses"].as<std::string>().rfind("github/codeql-action/upload-sarif@", 0) == 0)
        uploads = step["with"]["sarif_file"].as<std::string>() == "faultline.sarif";
    CHECK(uploads);
    CHECK(workflow["permissions"]["security-events"].as<std::string>() == "write");
    std::string commands;
    collect_commands(workflow, commands);
    CHECK(contains(commands, "faultline check --format sarif --output faultline.sarif "));
    CHECK(contains(commands, "helm template "));
    check_flags_exist(commands);
  }

  TEST_CASE("examples/ci/gitlab-ci.yml reports the JUnit file that faultline writes") {
    const auto pipeline = YAML::LoadFile(kExamples + "/gitlab-ci.yml");
    const auto job = pipeline["faultline"];
    CHECK(job["artifacts"]["reports"]["junit"].as<std::string>() == "faultline-junit.xml");
    CHECK(job["artifacts"]["when"].as<std::string>() == "always");
    std::string commands;
    collect_commands(pipeline, commands);
    CHECK(contains(commands, "faultline check --format junit --output faultline-junit.xml "));
    check_flags_exist(commands);
  }
}
