// The Helm plugin (plugin/helm) run with a stand-in `helm`, since Helm is not in Debian 12: what
// reaches `helm template` and `faultline check`, the exit statuses, and a chart that fails to render.
#include <filesystem>
#include <fstream>
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

const std::string kPluginDir = FAULTLINE_SOURCE_DIR "/plugin/helm";
const std::string kPlugin = kPluginDir + "/faultline-helm.sh";
const std::string kFindings = FAULTLINE_SOURCE_DIR "/fixtures/golden/findings/input.yaml";
const std::string kBroken = FAULTLINE_SOURCE_DIR "/fixtures/golden/broken/input.yaml";

/// The stand-in: records its arguments as `[ARG]` lines in `$0.args`, then prints the file
/// named by FAKE_RENDER, or fails as helm does on a missing chart when FAKE_HELM_FAIL is set.
const std::string kFakeHelm =
    "#!/bin/sh\n"
    "printf '[%s]\\n' \"$@\" > \"$0.args\"\n"
    "if [ -n \"${FAKE_HELM_FAIL-}\" ]; then echo 'Error: chart not found' >&2; exit 1; fi\n"
    "cat \"$FAKE_RENDER\"\n";

/// A scratch directory whose bin/ (first on PATH) holds the stand-in `helm` and `faultline`,
/// a link to the built binary: the plugin finds both as it would on a user's machine.
class Sandbox {
 public:
  Sandbox() {
    add_helm("bin/helm");
    fs::create_symlink(FAULTLINE_BINARY, tmp_.path() / "bin/faultline");
    fs::create_directories(tmp_.path() / "scratch");
  }
  const fs::path& path() const { return tmp_.path(); }
  /// Another stand-in, off PATH.
  fs::path add_helm(const std::string& relative) const {
    const auto helm = tmp_.write(relative, kFakeHelm);
    fs::permissions(helm, fs::perms::owner_all);
    return helm;
  }
  /// `faultline-helm.sh ARGS` (ARGS are shell words) with the environment Helm's own variables
  /// removed, then ENV (assignments) added; helm prints `render`.
  ShellResult run(const std::string& args, const std::string& env = "", const std::string& render = kFindings) const {
    return run_shell(tmp_.path(), "env -u HELM_BIN -u HELM_NAMESPACE -u FAULTLINE_BIN -u NO_COLOR PATH=" +
                                      sh_quote((tmp_.path() / "bin").string()) + ":\"$PATH\" TMPDIR=" +
                                      sh_quote((tmp_.path() / "scratch").string()) + " FAKE_RENDER=" +
                                      sh_quote(render) + " " + env + " " + sh_quote(kPlugin) + " " + args);
  }
  /// The arguments the stand-in at `relative` received, one `[ARG]` line each ("" if it never ran).
  std::string helm_args(const std::string& relative = "bin/helm") const {
    return slurp(tmp_.path() / (relative + ".args"));
  }
  /// Whatever the plugin left in its TMPDIR.
  bool scratch_empty() const { return fs::is_empty(tmp_.path() / "scratch"); }

 private:
  faultline::test::TempDir tmp_;
};

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("helm faultline CHART renders with helm template and analyzes what it printed") {
    const Sandbox box;
    const auto r = box.run("./chart -f values-prod.yaml --set 'greeting=it'\\''s a  test'");
    INFO(r.out, r.err);
    CHECK(r.code == 1);  // the fixture has errors: faultline's exit status is the plugin's
    CHECK(contains(r.out, "error [single-replica] Deployment/shop/api"));
    CHECK(contains(r.out, "<stdin>:4"));  // read from standard input, lines kept
    // Quotes and runs of spaces survive the split.
    CHECK(box.helm_args() == "[template]\n[./chart]\n[-f]\n[values-prod.yaml]\n[--set]\n[greeting=it's a  test]\n");
    CHECK(box.scratch_empty());
  }

  TEST_CASE("helm faultline: the flags after the first -- go to faultline check, not to helm") {
    const Sandbox box;
    const auto json = box.run("./chart --set replicas=3 -- --fail-on never --format json");
    INFO(json.out, json.err);
    CHECK(json.code == 0);
    CHECK(json.out.rfind("{", 0) == 0);
    CHECK(contains(json.out, "\"rule\": \"single-replica\""));
    CHECK(box.helm_args() == "[template]\n[./chart]\n[--set]\n[replicas=3]\n");
    CHECK(box.run("./chart -- --fail-on never").code == 0);
    CHECK(box.run("./chart -- --fail-on warning --quiet").code == 1);
    // A bad faultline flag is faultline's usage error.
    const auto bad = box.run("./chart -- --no-such-flag");
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "--no-such-flag"));
  }

  TEST_CASE("helm faultline: a manifest faultline cannot parse is exit 2, faultline's own status") {
    const Sandbox box;
    const auto r = box.run("./chart", "", kBroken);
    CHECK(r.code == 2);
    CHECK(contains(r.out, "<stdin>:"));
  }

  TEST_CASE("helm faultline: a chart that does not render is exit 2 and nothing is analyzed") {
    const Sandbox box;
    const auto r = box.run("./missing --version 1.2.3", "FAKE_HELM_FAIL=1");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "Error: chart not found"));  // helm's own message is shown
    CHECK(contains(r.err, "helm faultline: helm template ./missing --version 1.2.3 failed (exit 1); nothing analyzed"));
    CHECK(r.out.empty());  // no report of an empty input that could pass for a clean chart
    CHECK(box.scratch_empty());
  }

  TEST_CASE("helm faultline renders with HELM_BIN, the helm that Helm names when it runs a plugin") {
    const Sandbox box;
    const auto other = box.add_helm("tools/helm");
    const auto r = box.run("./chart", "HELM_BIN=" + sh_quote(other.string()));
    CHECK(r.code == 1);
    CHECK(box.helm_args("tools/helm") == "[template]\n[./chart]\n");
    CHECK(box.helm_args().empty());  // the helm on PATH did not run
  }

  TEST_CASE("helm faultline: Helm's namespace (HELM_NAMESPACE) is faultline's for objects that name none") {
    const Sandbox box;
    const auto manifest = box.path() / "no-namespace.yaml";
    std::ofstream(manifest) << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n"
                               "  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n"
                               "    spec:\n      containers:\n        - {name: api, image: shop/api:2.1}\n";
    CHECK(contains(box.run("./chart", "", manifest.string()).out, "Deployment/default/api"));
    CHECK(contains(box.run("./chart", "HELM_NAMESPACE=shop", manifest.string()).out, "Deployment/shop/api"));
    // Run directly with a --namespace of its own, that one wins (faultline refuses the flag twice).
    const auto own = box.run("./chart -- -n other", "HELM_NAMESPACE=shop", manifest.string());
    CHECK(own.code == 1);
    CHECK(contains(own.out, "Deployment/other/api"));
    CHECK(box.helm_args() == "[template]\n[./chart]\n");
    // Run directly, a -n among the helm template flags renders there and is faultline's too.
    for (const std::string flags : {"-n shop", "--namespace shop", "--namespace=shop", "-nshop"}) {
      INFO(flags);
      CHECK(contains(box.run("./chart " + flags, "HELM_NAMESPACE=other", manifest.string()).out, "Deployment/shop/api"));
    }
    CHECK(box.helm_args() == "[template]\n[./chart]\n[-nshop]\n");
  }

  TEST_CASE("helm faultline without faultline on PATH (or at FAULTLINE_BIN) is exit 2 and says so") {
    const Sandbox box;
    const auto r = box.run("./chart", "FAULTLINE_BIN=no-such-faultline");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "'no-such-faultline' not found"));
    CHECK(box.helm_args().empty());  // checked before rendering
  }

  TEST_CASE("helm faultline with no chart prints the usage and exits 2; --help exits 0") {
    const Sandbox box;
    const auto none = box.run("");
    CHECK(none.code == 2);
    CHECK(contains(none.err, "Usage: helm faultline CHART [helm template flags] [-- faultline check flags]"));
    const auto help = box.run("--help");
    CHECK(help.code == 0);
    CHECK(contains(help.out, "Usage: helm faultline CHART"));
  }

  TEST_CASE("the plugin manifest runs the POSIX sh script from the plugin's directory") {
    const auto manifest = YAML::LoadFile(kPluginDir + "/plugin.yaml");
    CHECK(manifest["name"].as<std::string>() == "faultline");
    CHECK(manifest["version"].as<std::string>() == FAULTLINE_VERSION);
    CHECK(manifest["command"].as<std::string>() == "$HELM_PLUGIN_DIR/faultline-helm.sh");
    CHECK_FALSE(manifest["ignoreFlags"].as<bool>());  // the flags must reach the script
    CHECK((fs::status(kPlugin).permissions() & fs::perms::owner_exec) != fs::perms::none);
    CHECK(slurp(kPlugin).rfind("#!/bin/sh\n", 0) == 0);
  }
}
