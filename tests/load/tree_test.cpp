// The compact tree's handle answers as yaml-cpp's does where the readers rely on it: undefined
// for a missing field, null for a null value, entries in order, lines kept through conversions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "faultline/load/tree.hpp"
#include "faultline/load/tree_builder.hpp"
#include "faultline/load/tree_yaml.hpp"

using faultline::load::build_compact_tree;
using faultline::load::Node;
using faultline::load::NodeType;

TEST_CASE("tree: a missing field is undefined, a null value is null, and neither is a scalar") {
  const auto tree = build_compact_tree("a: 1\nb: ~\nc: [x, y]\n");
  REQUIRE(tree);
  const Node root = tree->root();
  CHECK(root.IsMap());
  CHECK(root.size() == 3);
  CHECK_FALSE(root["missing"]);
  CHECK(root["missing"].Type() == NodeType::Undefined);
  CHECK(root["missing"].Mark().line == -1);
  CHECK(root["b"]);
  CHECK(root["b"].IsNull());
  CHECK(root["b"].Scalar().empty());
  CHECK(root["a"].Scalar() == "1");
  CHECK(root["a"].as<int>() == 1);
  CHECK(root["a"]["x"].Type() == NodeType::Undefined);  // not a mapping
  CHECK(root["c"][1].Scalar() == "y");
  CHECK_FALSE(root["c"][2]);
  CHECK_FALSE(root[0]);  // not a sequence
  CHECK_THROWS(root["c"].as<std::string>());
  CHECK_THROWS(root["c"][0].as<int>());
}

TEST_CASE("tree: iteration gives a sequence's items and a mapping's entries in document order, with their lines") {
  const auto tree = build_compact_tree("z: 1\na:\n  - p\n  - q\nm: {k: v}\n");
  REQUIRE(tree);
  std::vector<std::string> keys;
  std::vector<int> lines;
  for (const auto& kv : tree->root()) {
    keys.emplace_back(kv.first.Scalar());
    lines.push_back(kv.second.Mark().line);
  }
  CHECK(keys == std::vector<std::string>{"z", "a", "m"});
  CHECK(lines == std::vector<int>{0, 2, 4});
  std::vector<std::string> items;
  for (const auto& item : tree->root()["a"]) items.emplace_back(item.Scalar());
  CHECK(items == std::vector<std::string>{"p", "q"});
  CHECK(tree->root()["a"].size() == 2);
  CHECK(tree->root()["z"].begin() == tree->root()["z"].end());  // a scalar has nothing to iterate
}

TEST_CASE("tree: set_entry replaces an existing key's value in place or appends the entry") {
  auto tree = build_compact_tree("metadata: {name: a}\nkind: ''\nspec: {}\n");
  REQUIRE(tree);
  tree->set_entry(tree->root(), "kind", "Pod");
  tree->set_entry(tree->root(), "apiVersion", "v1");
  const Node root = tree->root();
  CHECK(root["kind"].Scalar() == "Pod");
  CHECK(root["apiVersion"].Scalar() == "v1");
  std::vector<std::string> keys;
  for (const auto& kv : root) keys.emplace_back(kv.first.Scalar());
  CHECK(keys == std::vector<std::string>{"metadata", "kind", "spec", "apiVersion"});
  CHECK(root["metadata"]["name"].Scalar() == "a");  // the rest is untouched
}

TEST_CASE("tree: to and from yaml-cpp keep values, order, lines, quoting and shared nodes") {
  const std::string text = "a: &x {k: 'quoted'}\nb: *x\nc:\n  - plain\n";
  const auto tree = build_compact_tree(text);
  REQUIRE(tree);
  const YAML::Node y = faultline::load::to_yaml(tree->root());
  CHECK(y["a"]["k"].Scalar() == "quoted");
  CHECK(y["a"]["k"].Tag() == "!");
  CHECK(y["c"][0].Tag() == "?");
  CHECK(y["c"].Mark().line == 3);
  CHECK(y["a"].is(y["b"]));
  const auto back = faultline::load::tree_from_yaml(y);
  CHECK(back->root()["a"].index() == back->root()["b"].index());
  CHECK_FALSE(back->root()["a"]["k"].IsPlain());
  CHECK(back->root()["c"][0].IsPlain());
  CHECK(back->root()["c"][0].Mark().line == 3);
  CHECK(faultline::load::tree_from_yaml(YAML::Node())->root().IsNull());
  CHECK_FALSE(faultline::load::to_yaml(Node()).IsDefined());
}
