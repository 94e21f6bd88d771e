// The bad-input fixtures under fixtures/load: each problem is a diagnostic with file:line.
#include <doctest/doctest.h>

#include <string>

#include "../model/build_helpers.hpp"

using namespace faultline;
using faultline::testing::Built;

namespace {

const std::string kDir = std::string(FAULTLINE_SOURCE_DIR) + "/fixtures/load/";

Built build(const std::string& file) { return testing::build_paths({kDir + file}); }

bool has(const Built& b, const std::string& text, int line) { return testing::has_diag(b, text, line); }

}  // namespace

TEST_CASE("bad input: a broken document is reported with line and column, its neighbours load") {
  const auto b = build("parse-error.yaml");
  REQUIRE(b.diags.size() == 1);
  CHECK(b.diags[0].where.line == 10);
  CHECK(b.diags[0].where.column == 15);
  CHECK(b.model.config_maps.size() == 2);
  CHECK(b.model.stats.documents == 3);
  CHECK(b.model.stats.failed == 1);
}

TEST_CASE("bad input: unrendered template") {
  const auto b = build("unrendered-template.yaml");
  CHECK(has(b, "run `helm template` first", 2));
  CHECK(b.diags[0].where.helm_template == "chart/templates/service.yaml");
  CHECK(b.model.stats.failed == 1);
  CHECK(has(b, "no Kubernetes object", 0));  // nothing else in the file: the input is empty
}

TEST_CASE("bad input: non-objects, missing apiVersion or kind; comment-only documents are not failures") {
  const auto b = build("not-objects.yaml");
  CHECK(has(b, "YAML sequence", 2));
  CHECK(has(b, "YAML scalar", 5));
  CHECK(has(b, "no apiVersion", 7));
  CHECK(has(b, "no kind", 11));
  CHECK(b.model.stats.documents == 4);
  CHECK(b.model.stats.failed == 4);
}

TEST_CASE("bad input: binary and Latin-1 files") {
  CHECK(has(build("binary.yaml"), "binary", 3));
  CHECK(has(build("latin1.yaml"), "not valid UTF-8", 4));
}

TEST_CASE("bad input: wrong types and ranges name object, field and line; the objects are still modelled") {
  const auto b = build("wrong-types.yaml");
  CHECK(has(b, "Deployment/shop/web: spec.replicas: invalid value", 7));
  CHECK(has(b, "Deployment/shop/web: spec.selector.matchExpressions[0].operator: unknown operator \"Like\"", 10));
  CHECK(has(b, "Deployment/shop/web: spec.template.spec.topologySpreadConstraints[0].maxSkew: 0 is too small (minimum 1)", 16));
  CHECK(has(b, "PodDisruptionBudget/shop/web: spec.minAvailable: 150% is too large (maximum 100%)", 26));
  CHECK(has(b, "StatefulSet/shop/db: spec.replicas: -1 is too small (minimum 0)", 36));
  CHECK(b.model.workloads.size() == 2);
  CHECK(b.model.pdbs.size() == 1);
  CHECK(b.model.pdbs[0].selector.has_value());
  CHECK(b.model.stats.failed == 0);
}

TEST_CASE("bad input: the whole folder loads; every file is accounted for") {
  const auto b = build("");
  CHECK(b.model.stats.documents == b.model.stats.objects + b.model.stats.failed);
  CHECK(b.model.stats.failed == 1 + 1 + 4 + 1 + 1);
}
