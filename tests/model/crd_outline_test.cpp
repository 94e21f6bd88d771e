// A CustomResourceDefinition keeps only what the expand stage reads: group, kind and the spec
// schema's properties two levels deep, in the document's shape.
#include <doctest/doctest.h>

#include <string>

#include "faultline/model/builder.hpp"

using namespace faultline;
using namespace faultline::model;

TEST_CASE("a CRD keeps group, kind and its spec schema two levels deep, nothing else") {
  Model m;
  Diagnostics diags;
  load_model_text(R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: caches.example.com}
spec:
  group: example.com
  names: {kind: Cache, plural: caches}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    schema:
      openAPIV3Schema:
        description: a long text nobody reads
        properties:
          status: {type: object, properties: {ready: {type: boolean}}}
          spec:
            type: object
            properties:
              shards:
                type: array
                items:
                  properties:
                    count: {type: integer}
                    deep: {properties: {deeper: {properties: {replicas: {type: integer}}}}}
)",
                  "crd.yaml", {}, m, diags);
  REQUIRE(m.raw.size() == 1);
  const YAML::Node body = m.raw.front().body;
  CHECK(body["spec"]["group"].as<std::string>() == "example.com");
  CHECK(body["spec"]["names"]["kind"].as<std::string>() == "Cache");
  CHECK_FALSE(body["spec"]["scope"]);
  CHECK_FALSE(body["spec"]["names"]["plural"]);
  const YAML::Node schema = body["spec"]["versions"][0]["schema"]["openAPIV3Schema"];
  CHECK_FALSE(schema["description"]);
  CHECK_FALSE(schema["properties"]["status"]);
  const YAML::Node shards = schema["properties"]["spec"]["properties"]["shards"];
  CHECK_FALSE(shards["type"]);
  CHECK(shards["items"]["properties"]["count"]);                                      // spec.shards[].count: level 2
  CHECK(shards["items"]["properties"]["deep"]);                                       // the key is kept ...
  CHECK_FALSE(shards["items"]["properties"]["deep"]["properties"]);                   // ... not what lies below
}
