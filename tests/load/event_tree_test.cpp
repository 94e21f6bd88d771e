// The tree built from libfyaml's events must be the tree YAML::Load gives: types, scalars, tags,
// styles, marks, key order, duplicates and shared (aliased) nodes; everything else falls back.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "faultline/load/event_tree.hpp"
#include "faultline/load/splitter.hpp"
#include "faultline/load/tree_builder.hpp"
#include "faultline/load/tree_yaml.hpp"
#include "../../analyzer/model/builders.hpp"

using faultline::load::build_tree;

namespace {

/// The first difference between two trees, as "path: what", or empty when they are the same.
std::string difference(const YAML::Node& a, const YAML::Node& b, const std::string& path = "$") {
  if (a.Type() != b.Type()) return path + ": type";
  if (a.Tag() != b.Tag()) return path + ": tag '" + a.Tag() + "' vs '" + b.Tag() + "'";
  // yaml-cpp marks an empty value at the token after it; nothing reads a null's position.
  if (!a.IsNull() && (a.Mark().line != b.Mark().line || a.Mark().column != b.Mark().column))
    return path + ": mark " + std::to_string(a.Mark().line) + ":" + std::to_string(a.Mark().column) + " vs " +
           std::to_string(b.Mark().line) + ":" + std::to_string(b.Mark().column);
  if (a.Style() != b.Style()) return path + ": style";
  if (a.IsScalar() && a.Scalar() != b.Scalar()) return path + ": '" + a.Scalar() + "' vs '" + b.Scalar() + "'";
  if (a.size() != b.size()) return path + ": size";
  if (a.IsSequence())
    for (std::size_t i = 0; i < a.size(); ++i)
      if (auto d = difference(a[i], b[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
  if (a.IsMap())
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
      const std::string key = path + "." + (ia->first.IsScalar() ? ia->first.Scalar() : "?");
      if (auto d = difference(ia->first, ib->first, key + "(key)"); !d.empty()) return d;
      if (auto d = difference(ia->second, ib->second, key); !d.empty()) return d;
    }
  return {};
}

/// The same for yaml-cpp's tree and a compact one: types, scalars, plain or quoted, marks, order.
std::string compact_difference(const YAML::Node& a, const faultline::load::Node& b, const std::string& path = "$") {
  using faultline::load::NodeType;
  const NodeType type = a.IsMap() ? NodeType::Map : a.IsSequence() ? NodeType::Sequence : a.IsScalar() ? NodeType::Scalar : NodeType::Null;
  if (b.Type() != type) return path + ": type";
  if (!a.IsNull() && (a.Mark().line != b.Mark().line || a.Mark().column != b.Mark().column))
    return path + ": mark " + std::to_string(a.Mark().line) + ":" + std::to_string(a.Mark().column) + " vs " +
           std::to_string(b.Mark().line) + ":" + std::to_string(b.Mark().column);
  if (a.IsScalar() && a.Scalar() != b.Scalar()) return path + ": '" + a.Scalar() + "' vs '" + std::string(b.Scalar()) + "'";
  if (a.IsScalar() && (a.Tag() != "!") != b.IsPlain()) return path + ": plain";
  if (a.size() != b.size()) return path + ": size";
  if (a.IsSequence())
    for (std::size_t i = 0; i < a.size(); ++i)
      if (auto d = compact_difference(a[i], b[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
  if (a.IsMap()) {
    auto ib = b.begin();
    for (auto ia = a.begin(); ia != a.end(); ++ia, ++ib) {
      const auto entry = *ib;
      const std::string key = path + "." + (ia->first.IsScalar() ? ia->first.Scalar() : "?");
      if (auto d = compact_difference(ia->first, entry.first, key + "(key)"); !d.empty()) return d;
      if (auto d = compact_difference(ia->second, entry.second, key); !d.empty()) return d;
    }
  }
  return {};
}

std::string compare(const std::string& text) {
  const auto built = build_tree(text);
  if (!built) return "no tree";
  return difference(YAML::Load(text), *built);
}

/// Calls `f` with every document of fixtures/ that yaml-cpp parses, and its YAML::Load tree.
template <typename F>
void for_each_fixture_document(F&& f) {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(FAULTLINE_SOURCE_DIR) / "fixtures")) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    faultline::load::split_documents(text.str(), [&](faultline::load::RawDocument&& doc) {
      // Past a limit (a recursive alias makes yaml-cpp's tree contain itself) no tree is built.
      if (!doc.has_content || faultline::load::scan_document(doc.text, {}).limit_exceeded) return;
      YAML::Node expected;
      try {
        expected = YAML::Load(doc.text);
      } catch (const YAML::Exception&) {
        return;  // not YAML for yaml-cpp: the loader never builds such a tree
      }
      f(entry.path().string(), doc, expected);
    });
  }
}

/// `text` with every line indented by four spaces.
std::string indent(const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out += "    " + line + "\n";
  return out;
}

}  // namespace

TEST_CASE("event tree: scalars of every style keep yaml-cpp's values, tags and marks") {
  CHECK(compare("a: plain\nb: 'single ''q'''\nc: \"double \\t \\u00e9\"\nd: |\n  literal\n  two\ne: >-\n  folded\n  text\n\n"
                "f: |2+\n   kept\n\ng: 012\nh: true\n") == "");
}

TEST_CASE("event tree: the null forms are null nodes, quoted ones are strings") {
  CHECK(compare("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: 'null'\ng: \"\"\n") == "");
  const auto empty = build_tree("# only a comment\n");
  REQUIRE(empty);
  CHECK(empty->IsNull());
}

TEST_CASE("event tree: flow and block collections, nested, with their styles and marks") {
  CHECK(compare("metadata: {name: web, labels: {app: web}}\nspec:\n  list: [1, 2, {x: y}]\n  items:\n  - a\n  -   - b\n"
                "      - c\n  - k: v\n    l: w\n") == "");
  CHECK(compare("- 1\n- [a, b]\n") == "");
}

TEST_CASE("event tree: duplicate keys are all kept in order, as yaml-cpp does") {
  const std::string text = "a: 1\nb: 2\na: 3\n";
  CHECK(compare(text) == "");
  CHECK(build_tree(text)->size() == 3);
}

TEST_CASE("event tree: an alias is the anchored node itself, merge keys stay for the fix-ups") {
  const std::string text = "base: &b {x: 1}\nuse: *b\nmerged:\n  <<: *b\n  y: 2\n";
  CHECK(compare(text) == "");
  const auto tree = build_tree(text);
  REQUIRE(tree);
  CHECK((*tree)["use"].is((*tree)["base"]));
}

TEST_CASE("event tree: explicit tags and invalid YAML are left to yaml-cpp") {
  CHECK_FALSE(build_tree("a: !!str 1\n"));
  CHECK_FALSE(build_tree("a: [1, 2\n"));
  CHECK_FALSE(build_tree("a: *missing\n"));
}

TEST_CASE("event tree: every document of the fixtures gives yaml-cpp's tree") {
  int compared = 0;
  for_each_fixture_document([&](const std::string& file, const faultline::load::RawDocument& doc, const YAML::Node& expected) {
    const auto built = build_tree(doc.text);
    if (!built) return;  // left to yaml-cpp
    ++compared;
    INFO(file << " line " << doc.first_line);
    CHECK(difference(expected, *built) == "");
  });
  CHECK(compared > 1000);
}

TEST_CASE("compact tree: every document of the fixtures gives yaml-cpp's tree, built alone or during the scan") {
  int compared = 0;
  for_each_fixture_document([&](const std::string& file, const faultline::load::RawDocument& doc, const YAML::Node& expected) {
    const auto built = faultline::load::build_compact_tree(doc.text);
    if (!built) return;  // left to yaml-cpp
    ++compared;
    INFO(file << " line " << doc.first_line);
    CHECK(compact_difference(expected, built->root()) == "");
    const auto scanned = faultline::load::scan_and_build(doc.text, {}, faultline::load::Pruning::none);
    REQUIRE(scanned.tree);
    CHECK(compact_difference(expected, scanned.tree->root()) == "");
    // and back: yaml-cpp's tree of the compact one is the same again
    CHECK(compact_difference(faultline::load::to_yaml(built->root()), built->root()) == "");
  });
  CHECK(compared > 1000);
}

TEST_CASE("compact tree: scalars of every style, nulls, aliases; tags and bad YAML are left to yaml-cpp") {
  for (const std::string text : {"a: plain\nb: 'single ''q'''\nc: \"double \\t \\u00e9\"\nd: |\n  literal\n  two\ne: >-\n  folded\n"
                                 "  text\n\nf: |2+\n   kept\n\ng: 012\nh: true\n",
                                 "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: 'null'\ng: \"\"\n",
                                 "metadata: {name: web, labels: {app: web}}\nspec:\n  list: [1, 2, {x: y}]\n  items:\n  - a\n"
                                 "  -   - b\n      - c\n  - k: v\n    l: w\n",
                                 "a: 1\nb: 2\na: 3\n", "base: &b {x: 1}\nuse: *b\nmerged:\n  <<: *b\n  y: 2\n", "- 1\n- [a, b]\n"}) {
    CAPTURE(text);
    const auto built = faultline::load::build_compact_tree(text);
    REQUIRE(built);
    CHECK(compact_difference(YAML::Load(text), built->root()) == "");
  }
  const auto aliased = faultline::load::build_compact_tree("base: &b {x: 1}\nuse: *b\n");
  CHECK(aliased->root()["use"].index() == aliased->root()["base"].index());  // shared, as in yaml-cpp
  CHECK(faultline::load::build_compact_tree("# only a comment\n")->root().IsNull());
  CHECK_FALSE(faultline::load::build_compact_tree("a: !!str 1\n"));
  CHECK_FALSE(faultline::load::build_compact_tree("a: [1, 2\n"));
  CHECK_FALSE(faultline::load::build_compact_tree("a: *missing\n"));
}

TEST_CASE("event tree: a manifest's tree leaves out metadata.managedFields, and only that") {
  const std::string with =
      "kind: List\nitems:\n- metadata:\n    name: a\n    managedFields:\n    - manager: kubectl\n      fieldsV1:\n"
      "        f:spec: {f:replicas: {}}\n    - {manager: x}\n    uid: u1\n  spec:\n    managedFields: kept\n"
      "    template:\n      metadata: {managedFields: [1], labels: {app: a}}\n"
      "metadata: {managedFields: scalar, name: list}\nmanagedFields: top-level\n";
  const auto scanned = faultline::load::scan_and_build(with, {});
  REQUIRE(scanned.tree);
  const faultline::load::Node t = scanned.tree->root();
  CHECK_FALSE(t["items"][0]["metadata"]["managedFields"]);
  CHECK(t["items"][0]["metadata"]["uid"].Scalar() == "u1");
  CHECK(t["items"][0]["metadata"]["uid"].Mark().line == 9);  // later lines keep their marks
  CHECK(t["items"][0]["spec"]["managedFields"].Scalar() == "kept");
  CHECK_FALSE(t["items"][0]["spec"]["template"]["metadata"]["managedFields"]);
  CHECK(t["items"][0]["spec"]["template"]["metadata"]["labels"]["app"].Scalar() == "a");
  CHECK_FALSE(t["metadata"]["managedFields"]);
  CHECK(t["managedFields"].Scalar() == "top-level");
  CHECK(t["items"][0]["metadata"].size() == 2);
  CHECK(build_tree(with)->operator[]("metadata")["managedFields"]);  // build_tree (packs, config) keeps everything
}

TEST_CASE("event tree: a pruned CRD tree gives the same outline as the whole tree, for every CRD in fixtures/") {
  std::size_t compared = 0, smaller = 0;
  for_each_fixture_document([&](const std::string& file, const faultline::load::RawDocument& doc, const YAML::Node& whole) {
    if (doc.kind != "CustomResourceDefinition" || !doc.api_version.starts_with("apiextensions.k8s.io/")) return;
    const auto pruned = faultline::load::scan_and_build(doc.text, {}, faultline::load::Pruning::crd);
    if (!pruned.tree) return;
    ++compared;
    INFO(file << " line " << doc.first_line);
    CHECK(YAML::Dump(faultline::model::crd_outline(pruned.tree->root())) ==
          YAML::Dump(faultline::model::crd_outline(faultline::load::tree_from_yaml(whole)->root())));
    smaller += YAML::Dump(faultline::load::to_yaml(pruned.tree->root())).size() < YAML::Dump(whole).size() ? 1 : 0;
  });
  CHECK(compared > 20);
  CHECK(smaller > compared / 2);  // descriptions and deep schemas are gone
}

TEST_CASE("event tree: a pruned CRD tree drops descriptions and the schema below what the outline reads") {
  std::string deep = "x: 1\n";
  for (int i = 0; i < 20; ++i) deep = "properties:\n  p" + std::to_string(i) + ":\n" + indent(deep);
  const std::string crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: w\n"
                          "  managedFields: [{manager: m}]\nspec:\n  group: example.com\n  description: long text\n"
                          "  names: {kind: Widget, description: d}\n  props: {description: {type: string}}\n  deep:\n" +
                          indent(deep);
  const auto pruned = faultline::load::scan_and_build(crd, {}, faultline::load::Pruning::crd);
  REQUIRE(pruned.tree);
  const faultline::load::Node t = pruned.tree->root();
  CHECK(t["spec"]["group"].Scalar() == "example.com");
  CHECK(t["spec"]["names"]["kind"].Scalar() == "Widget");
  CHECK_FALSE(t["spec"]["description"]);
  CHECK_FALSE(t["spec"]["names"]["description"]);
  CHECK_FALSE(t["metadata"]["managedFields"]);
  CHECK(t["spec"]["props"]["description"]["type"].Scalar() == "string");  // a property called description stays
  std::size_t depth = 0;
  for (faultline::load::Node n = t["spec"]["deep"]; n.IsMap(); ++depth) {
    const faultline::load::Node props = n["properties"];
    if (!props.IsMap() || props.size() == 0) break;
    n = (*props.begin()).second;
  }
  CHECK(depth > 3);
  CHECK(depth < 10);  // cut, where the whole tree goes 20 levels down
  const auto whole = faultline::load::scan_and_build(crd, {}, faultline::load::Pruning::managed_fields);
  CHECK(YAML::Dump(faultline::load::to_yaml(whole.tree->root()["spec"])).size() > YAML::Dump(faultline::load::to_yaml(t["spec"])).size());
}
