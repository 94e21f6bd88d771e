// A CustomResourceDefinition keeps only what the expand stage reads: group, kind and the paths of
// its spec schema, at most two levels deep, that lead to a replicas-like property.
#include <doctest/doctest.h>

#include <string>

#include "faultline/model/builder.hpp"

using namespace faultline;
using namespace faultline::model;

namespace {

/// The body the model keeps of the one CustomResourceDefinition in `yaml`.
YAML::Node kept_body(const char* yaml) {
  Model m;
  Diagnostics diags;
  load_model_text(yaml, "crd.yaml", {}, m, diags);
  REQUIRE(m.raw.size() == 1);
  return m.raw.front().body;
}

}  // namespace

TEST_CASE("a CRD keeps group, kind and the spec schema's paths to a replica count, nothing else") {
  const YAML::Node body = kept_body(R"(apiVersion: apiextensions.k8s.io/v1
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
              image: {type: string}
              storage: {properties: {class: {type: string}, size: {type: string}}}
              shards:
                type: array
                items:
                  properties:
                    count: {type: integer}
                    size: {type: integer}
                    deep: {properties: {deeper: {properties: {replicas: {type: integer}}}}}
)");
  CHECK(body["spec"]["group"].as<std::string>() == "example.com");
  CHECK(body["spec"]["names"]["kind"].as<std::string>() == "Cache");
  CHECK_FALSE(body["spec"]["scope"]);
  CHECK_FALSE(body["spec"]["names"]["plural"]);
  const YAML::Node schema = body["spec"]["versions"][0]["schema"]["openAPIV3Schema"];
  CHECK_FALSE(schema["description"]);
  CHECK_FALSE(schema["properties"]["status"]);
  const YAML::Node shards = schema["properties"]["spec"]["properties"]["shards"];
  CHECK_FALSE(shards["type"]);
  CHECK(shards["items"]["properties"]["count"]);                    // spec.shards[].count: level 2
  CHECK(shards["items"]["properties"].size() == 1);                 // not size, nor deep: its replicas is level 4
  const YAML::Node spec = schema["properties"]["spec"]["properties"];
  CHECK(spec.size() == 1);  // image and storage lead to no replica count
}

TEST_CASE("a CRD without a replica count keeps no schema paths") {
  const YAML::Node body = kept_body(R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: certs.example.com}
spec:
  group: example.com
  names: {kind: Cert, plural: certs}
  versions:
  - name: v1
    schema:
      openAPIV3Schema:
        properties:
          spec: {properties: {dnsNames: {type: array, items: {type: string}}, issuer: {properties: {name: {type: string}}}}}
)");
  const YAML::Node schema = body["spec"]["versions"][0]["schema"]["openAPIV3Schema"];
  CHECK(schema["properties"].IsMap());
  CHECK(schema["properties"].size() == 0);
}
