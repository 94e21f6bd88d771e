// Which YAML files are manifests: the built-in skips and --exclude globs.
#include <doctest/doctest.h>

#include "faultline/load/input_filter.hpp"
#include "faultline/load/loader.hpp"
#include "../rules/temp_dir.hpp"

using namespace faultline;
using load::InputFilter;

TEST_CASE("input filter: Helm, kustomize, CI and tool configs are not manifests") {
  const InputFilter filter;
  for (const char* path : {"chart/Chart.yaml", "chart/values.yaml", "chart/values-prod.yaml", "values.schema.json",
                           "overlays/prod/kustomization.yaml", ".pre-commit-config.yaml", ".faultline.yaml",
                           ".gitlab-ci.yml", ".github/workflows/ci.yml", "./.github/dependabot.yml"}) {
    CAPTURE(path);
    CHECK(filter.skip_reason(path, false).has_value());
  }
  for (const char* path : {"deploy/app.yaml", "rendered/values-service.yaml.bak", "k8s/templates.yaml", "values/app.yaml"}) {
    CAPTURE(path);
    CHECK_FALSE(filter.skip_reason(path, false).has_value());
  }
  CHECK(filter.skip_reason(".git", true));
  CHECK_FALSE(filter.skip_reason("deploy", true));
}

TEST_CASE("input filter: templates/ is skipped only inside a Helm chart") {
  test::TempDir tmp;
  tmp.write("chart/Chart.yaml", "name: app\n");
  tmp.write("chart/templates/deploy.yaml", "kind: {{ .Values.kind }}\n");
  tmp.write("plain/templates/deploy.yaml", "kind: Deployment\n");
  const InputFilter filter;
  const auto chart = filter.skip_reason(tmp.path() / "chart/templates/deploy.yaml", false);
  REQUIRE(chart);
  CHECK(chart->find("unrendered Helm chart template") != std::string::npos);
  CHECK_FALSE(filter.skip_reason(tmp.path() / "plain/templates/deploy.yaml", false));
}

TEST_CASE("input filter: --exclude globs match a name, or with '/' the path as given") {
  const InputFilter filter({"*.tmpl.yaml", "vendor", "charts/*/ci/*"});
  CHECK(filter.skip_reason("deploy/app.tmpl.yaml", false));
  CHECK(filter.skip_reason("./vendor", true));
  CHECK(filter.skip_reason("charts/app/ci/test-values.yaml", false));
  CHECK(filter.skip_reason("./charts/app/ci/x/y.yaml", false));  // '*' crosses '/'
  CHECK_FALSE(filter.skip_reason("deploy/app.yaml", false));
  const auto reason = filter.skip_reason("deploy/x.tmpl.yaml", false);
  REQUIRE(reason);
  CHECK(*reason == "excluded by --exclude *.tmpl.yaml");
}

TEST_CASE("the loader skips and counts non-manifests in directories; a named one gets a note") {
  test::TempDir tmp;
  tmp.write("repo/chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
  tmp.write("repo/chart/values.yaml", "replicas: 1\n");
  tmp.write("repo/chart/templates/deploy.yaml", "replicas: {{ .Values.replicas }}\n");
  tmp.write("repo/.github/workflows/ci.yml", "on: push\njobs: {}\n");
  tmp.write("repo/deploy/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
  std::size_t objects = 0;
  Diagnostics diags;
  const auto stats = load::load_inputs({(tmp.path() / "repo").string()}, [&](load::Document&&) { ++objects; }, diags,
                                       {}, InputFilter());
  CHECK(objects == 1);
  CHECK(stats.skipped_files == 3);  // .github is not walked at all
  CHECK(diags.empty());
  Diagnostics named;
  const auto one = load::load_inputs({(tmp.path() / "repo/chart/values.yaml").string()}, [&](load::Document&&) {}, named);
  CHECK(one.skipped_files == 1);
  REQUIRE(named.size() == 1);
  CHECK(named[0].severity == Severity::info);
  CHECK(named[0].message == "skipped: Helm chart values, not a Kubernetes manifest");
}

TEST_CASE("input filter: faultline's own inputs inside the tree are not manifests") {
  test::TempDir tmp;
  tmp.write("repo/team-pack/rule.yaml", "id: rule\n");
  tmp.write("repo/cluster/nodes.yaml", "kind: NodeList\nitems: []\n");
  InputFilter filter;
  filter.skip_path(tmp.path() / "repo/team-pack", "a policy pack");
  filter.skip_path(tmp.path() / "repo/cluster/nodes.yaml", "the node inventory");
  filter.skip_path(tmp.path() / "repo/missing.json", "the baseline");  // not there: nothing to skip
  CHECK(filter.skip_reason(tmp.path() / "repo/team-pack", true) == std::optional<std::string>("a policy pack"));
  CHECK(filter.skip_reason(tmp.path() / "repo/./cluster/nodes.yaml", false) == std::optional<std::string>("the node inventory"));
  CHECK_FALSE(filter.skip_reason(tmp.path() / "repo/cluster", true));
}
