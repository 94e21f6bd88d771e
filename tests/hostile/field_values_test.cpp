// Issue 11: wrong types and values at fields the model reads say what is wrong, quote at most
// a short excerpt, and never quote the values of env vars, ConfigMaps or Secrets.
#include <doctest/doctest.h>

#include <string>

#include "../model/build_helpers.hpp"

using namespace faultline;
using testing::build_text;
using testing::has_diag;

namespace {

std::string deployment(const std::string& replicas) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: " + replicas +
         "\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
         "    spec: {containers: [{name: web, image: web:1}]}\n";
}

std::string pdb(const std::string& min_available) {
  return "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\n"
         "spec: {minAvailable: " + min_available + ", selector: {matchLabels: {app: web}}}\n";
}

}  // namespace

TEST_SUITE("model") {

TEST_CASE("integers: strings, floats, 2^63, negatives and huge numbers each get their own message") {
  CHECK(has_diag(build_text(deployment("three")), "spec.replicas: invalid value \"three\" (expected an integer)", 5));
  CHECK(has_diag(build_text(deployment("1e9")), "spec.replicas: invalid value \"1e9\" (expected an integer)", 5));
  CHECK(has_diag(build_text(deployment("2^63")), "spec.replicas: invalid value \"2^63\"", 5));
  CHECK(has_diag(build_text(deployment("-1")), "spec.replicas: -1 is too small (minimum 0)", 5));
  CHECK(has_diag(build_text(deployment("2147483648")), "spec.replicas: 2147483648 is too large (maximum 2147483647)", 5));
  CHECK(has_diag(build_text(deployment("9223372036854775808")),
                 "spec.replicas: \"9223372036854775808\" is too large (maximum 2147483647)", 5));
  CHECK(has_diag(build_text(deployment("{n: 3}")), "spec.replicas: expected an integer, got a mapping", 5));
}

TEST_CASE("a wrong value leaves the field at its default and the object modelled") {
  const auto b = build_text(deployment("1e9"));
  REQUIRE(b.model.workloads.size() == 1);
  CHECK(b.model.workloads[0].declared_replicas() == 1);
}

TEST_CASE("percentages over 100, negative or huge budgets say what is wrong") {
  CHECK(has_diag(build_text(pdb("150%")), "spec.minAvailable: 150% is too large (maximum 100%)", 4));
  CHECK(has_diag(build_text(pdb("-2")), "spec.minAvailable: -2 is too small (minimum 0)", 4));
  CHECK(has_diag(build_text(pdb("\"5000000000%\"")), "spec.minAvailable: 5000000000 is too large (maximum 1000000000)", 4));
  CHECK(has_diag(build_text(pdb("half")), "spec.minAvailable: invalid value \"half\"", 4));
}

TEST_CASE("maps for lists and lists for maps name the type found") {
  const auto b = build_text(
      "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec:\n  selector: [app]\n"
      "  ports: {port: 80}\n");
  CHECK(has_diag(b, "Service/shop/s: spec.selector: expected a mapping, got a list", 5));
  CHECK(has_diag(b, "Service/shop/s: spec.ports: expected a list, got a mapping", 6));
}

TEST_CASE("a long value is quoted as a short excerpt with its length") {
  const auto b = build_text(deployment("\"" + std::string(5000, '9') + "z\""));
  REQUIRE(b.diags.size() == 1);
  CHECK(b.diags[0].message.size() < 200);
  CHECK(b.diags[0].message.find("(5001 bytes)") != std::string::npos);
}

TEST_CASE("values of env vars, ConfigMap data and Secrets are never quoted") {
  const std::string secret = "hunter2-top-secret";
  const auto b = build_text(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n"
      "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n"
      "      containers:\n      - name: web\n        env: \"PASSWORD=" + secret + "\"\n"
      "      - name: side\n        env:\n        - {name: A, value: [" + secret + "]}\n"
      "        - {name: B, valueFrom: " + secret + "}\n"
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: shop}\ndata: \"" + secret + "\"\n"
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm2, namespace: shop}\ndata: {key: [" + secret + "]}\n");
  CHECK(has_diag(b, "spec.template.spec.containers[0].env: expected a list, got a string (value not shown)", 11));
  CHECK(has_diag(b, "spec.template.spec.containers[1].env[0].value: expected a string, got a list", 14));
  CHECK(has_diag(b, "env[1].valueFrom: expected a mapping, got a string (value not shown)", 15));
  CHECK(has_diag(b, "ConfigMap/shop/cm: data: expected a mapping, got a string (value not shown)", 20));
  CHECK(has_diag(b, "ConfigMap/shop/cm2: data.key: expected a string, got a list", 25));
  for (const auto& d : b.diags) CHECK_MESSAGE(d.message.find(secret) == std::string::npos, d.message);
}

}  // TEST_SUITE

TEST_SUITE("model") {

TEST_CASE("a known kind under an unknown version of its group is modelled; under another group it is a custom resource") {
  const std::string body =
      "kind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n"
      "  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: web:1}]}\n";
  const auto future = build_text("apiVersion: apps/v2beta9\n" + body);
  REQUIRE(future.model.workloads.size() == 1);
  CHECK(future.model.workloads[0].declared_replicas() == 2);
  const auto foreign = build_text("apiVersion: example.com/v1\n" + body);
  CHECK(foreign.model.workloads.empty());  // a CRD's own "Deployment" kind, not apps/Deployment
  REQUIRE(foreign.model.raw.size() == 1);
  CHECK(foreign.model.raw[0].meta.ref.kind == "Deployment");
}

}  // TEST_SUITE
