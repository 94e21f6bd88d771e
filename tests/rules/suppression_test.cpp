// faultline.io/ignore on an object or its pod template: the finding stays, marked suppressed.
#include <doctest/doctest.h>

#include "analyze_yaml.hpp"

using namespace faultline;

namespace {

std::string deployment(const std::string& meta_annotations, const std::string& pod_annotations) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\n" + meta_annotations +
         "spec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata:\n      labels: {app: api}\n" +
         pod_annotations + "    spec: {containers: [{name: api, image: api:1}]}\n";
}

}  // namespace

TEST_CASE("an ignore annotation on the object suppresses the finding and keeps it listed") {
  const auto a = test::analyze_yaml(deployment(
      "  annotations:\n    faultline.io/ignore: \"pdb-missing, single-replica\"\n    faultline.io/ignore-reason: batch API, restarts are fine\n",
      ""));
  const auto found = test::findings_of(*a, "single-replica");
  REQUIRE(found.size() == 1);
  CHECK(found[0].suppressed);
  CHECK(found[0].suppression == "annotation: batch API, restarts are fine");
  CHECK(a->summary.suppressed == 1);
  CHECK(a->summary.errors == 0);
}

TEST_CASE("an ignore annotation on the pod template suppresses too") {
  const auto a = test::analyze_yaml(deployment("", "      annotations: {faultline.io/ignore: single-replica}\n"));
  const auto found = test::findings_of(*a, "single-replica");
  REQUIRE(found.size() == 1);
  CHECK(found[0].suppressed);
  CHECK(found[0].suppression == "annotation");
}

TEST_CASE("an ignore annotation naming another rule does not suppress") {
  const auto a = test::analyze_yaml(deployment("  annotations: {faultline.io/ignore: pdb-missing}\n", ""));
  const auto found = test::findings_of(*a, "single-replica");
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].suppressed);
  CHECK(a->summary.errors == 1);
}
