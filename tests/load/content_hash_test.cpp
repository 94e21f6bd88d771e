// Two copies of an object compare by content_hash: equal whatever the key order, style, quoting
// or comments, different when any value differs; for trees built from libfyaml's events
// (build_compact_tree) as for YAML::Load's converted (tree_from_yaml), which the hash walks the same way.
#include <doctest/doctest.h>

#include <string>

#include "faultline/load/content_hash.hpp"
#include "faultline/load/tree_builder.hpp"
#include "faultline/load/tree_yaml.hpp"

using faultline::load::build_compact_tree;
using faultline::load::content_hash;

namespace {

std::uint64_t hash_of(const std::string& text) {
  const auto tree = build_compact_tree(text);
  REQUIRE(tree);
  CHECK(content_hash(tree->root()) == content_hash(faultline::load::tree_from_yaml(YAML::Load(text))->root()));
  return content_hash(tree->root());
}

}  // namespace

TEST_CASE("content_hash: key order, flow or block style, quoting and comments do not count") {
  const auto block = hash_of("kind: Service\nmetadata:\n  name: web  # the front end\n  labels: {a: '1', b: x}\nspec:\n  ports: [80, 443]\n");
  CHECK(hash_of("{\"spec\": {\"ports\": [80, 443]}, \"metadata\": {\"labels\": {\"b\": \"x\", \"a\": \"1\"}, \"name\": \"web\"}, \"kind\": \"Service\"}") == block);
  CHECK(hash_of("metadata:\n  labels:\n    b: \"x\"\n    a: 1\n  name: web\nkind: Service\nspec: {ports: [80, 443]}\n") == block);
}

TEST_CASE("content_hash: any different value, key, sequence order or nesting counts") {
  const auto base = hash_of("a: {b: [1, 2]}\nc: x\n");
  CHECK(hash_of("a: {b: [2, 1]}\nc: x\n") != base);  // sequences keep their order
  CHECK(hash_of("a: {b: [1, 2]}\nc: y\n") != base);
  CHECK(hash_of("a: {b: [1, 2]}\nd: x\n") != base);
  CHECK(hash_of("a: {b: [1, [2]]}\nc: x\n") != base);
  CHECK(hash_of("a: {b: [1, 2]}\nc: x\ne: ~\n") != base);
  CHECK(hash_of("a: {b: [1, 2]}\n") != base);
  CHECK(hash_of("x: a\ny: b\n") != hash_of("x: b\ny: a\n"));  // keys are paired with their values
}

TEST_CASE("content_hash: an alias hashes as the node it names; null, empty and missing differ from text") {
  CHECK(hash_of("a: &v {k: 1}\nb: *v\n") == hash_of("a: {k: 1}\nb: {k: 1}\n"));
  CHECK(hash_of("a: ~\n") == hash_of("a: null\n"));
  CHECK(hash_of("a: ~\n") != hash_of("a: ''\n"));
  CHECK(content_hash(faultline::load::Node()) == content_hash(build_compact_tree("")->root()));
}
