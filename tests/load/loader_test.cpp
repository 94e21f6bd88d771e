// Loading streams: objects, lists, provenance and every bad-input diagnostic.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "faultline/load/loader.hpp"

using namespace faultline;

namespace {

struct Loaded {
  std::vector<load::Document> docs;
  Diagnostics diags;
  load::LoadStats stats;
};

Loaded load_str(const std::string& text, const std::string& file = "in.yaml") {
  Loaded out;
  out.stats = load::load_text(text, file, [&](load::Document&& d) { out.docs.push_back(std::move(d)); }, out.diags);
  return out;
}

std::string kind(const load::Document& d) { return d.root["kind"].as<std::string>(); }

}  // namespace

TEST_CASE("loader: multi-document stream with start lines and counts") {
  const auto r = load_str("apiVersion: v1\nkind: A\n---\n# comment\n\napiVersion: v1\nkind: B\n--- apiVersion: v1\nkind: C\n...\n");
  REQUIRE(r.docs.size() == 3);
  CHECK(r.diags.empty());
  CHECK(r.docs[0].where.line == 1);
  CHECK(r.docs[1].where.line == 6);
  CHECK(r.docs[2].where.line == 8);
  CHECK(kind(r.docs[2]) == "C");
  CHECK(r.docs[1].where.file == "in.yaml");
  CHECK(r.stats.documents == 3);
  CHECK(r.stats.objects == 3);
  CHECK(r.stats.failed == 0);
}

TEST_CASE("loader: empty documents are neither objects nor failures") {
  const auto r = load_str("---\n# only a comment\n---\n---\n");
  CHECK(r.docs.empty());
  CHECK(r.diags.empty());
  CHECK(r.stats.documents == 0);
  CHECK(r.stats.failed == 0);
}

TEST_CASE("loader: # Source: comment becomes the helm template of the object") {
  const auto r = load_str("---\n# Source: runai/templates/frontend.yaml\napiVersion: apps/v1\nkind: Deployment\n");
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].where.helm_template == "runai/templates/frontend.yaml");
  CHECK(r.docs[0].where.line == 3);
}

TEST_CASE("loader: JSON document") {
  const auto r = load_str("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"x\"}\n}\n", "svc.json");
  REQUIRE(r.docs.size() == 1);
  CHECK(kind(r.docs[0]) == "Service");
  CHECK(r.docs[0].where.line == 1);
}

TEST_CASE("loader: typed list infers item kind and apiVersion; item lines are absolute") {
  const auto r = load_str(
      "apiVersion: v1\nkind: Service\n---\n"
      "apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata:\n    name: a\n- metadata:\n    name: b\n");
  REQUIRE(r.docs.size() == 3);
  CHECK(kind(r.docs[1]) == "Deployment");
  CHECK(r.docs[1].root["apiVersion"].as<std::string>() == "apps/v1");
  CHECK(r.docs[1].where.line == 7);
  CHECK(r.docs[2].where.line == 9);
  CHECK(r.stats.documents == 3);  // each list item counts as one document
}

TEST_CASE("loader: NodeList items without kind become Nodes") {
  const auto r = load_str("kind: NodeList\napiVersion: v1\nitems:\n- metadata: {name: n1}\n");
  REQUIRE(r.docs.size() == 1);
  CHECK(kind(r.docs[0]) == "Node");
  CHECK(r.docs[0].root["apiVersion"].as<std::string>() == "v1");
}

TEST_CASE("loader: kind List items keep their own kind; kindless items with nodeInfo are Nodes") {
  const auto r = load_str(
      "apiVersion: v1\nkind: List\nitems:\n"
      "- apiVersion: apps/v1\n  kind: StatefulSet\n  metadata: {name: s}\n"
      "- metadata: {name: n}\n  status:\n    nodeInfo: {kubeletVersion: v1.29}\n"
      "- metadata: {name: mystery}\n");
  REQUIRE(r.docs.size() == 2);
  CHECK(kind(r.docs[0]) == "StatefulSet");
  CHECK(kind(r.docs[1]) == "Node");
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].where.line == 10);
  CHECK(r.diags[0].message.find("no kind") != std::string::npos);
  CHECK(r.stats.documents == 3);
  CHECK(r.stats.failed == 1);
}

TEST_CASE("loader: a standalone object without kind but with status.nodeInfo is a Node") {
  const auto r = load_str("{\"metadata\": {\"name\": \"n\"}, \"status\": {\"nodeInfo\": {}}}", "node.json");
  REQUIRE(r.docs.size() == 1);
  CHECK(kind(r.docs[0]) == "Node");
}

TEST_CASE("loader: parse error has the absolute line and column and the parser's reason; later documents still load") {
  const auto r = load_str("apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\nmetadata:\n  name: [unclosed\n---\napiVersion: v1\nkind: C\n");
  REQUIRE(r.diags.size() == 1);
  const auto& d = r.diags[0];
  CHECK(d.severity == Severity::error);
  CHECK(d.where.file == "in.yaml");
  CHECK(d.where.line >= 7);
  CHECK(d.where.line <= 8);
  CHECK(d.where.column > 0);
  CHECK(d.message.find("cannot parse YAML") != std::string::npos);
  REQUIRE(r.docs.size() == 2);
  CHECK(kind(r.docs[1]) == "C");
  CHECK(r.stats.documents == 3);
  CHECK(r.stats.failed == 1);
}

TEST_CASE("loader: parse error position inside a later document") {
  const auto r = load_str("apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B: c\n");
  REQUIRE(r.diags.size() == 1);
  INFO(r.diags[0].message);
  CHECK(r.diags[0].where.line == 5);
  CHECK(r.diags[0].where.column == 8);
  CHECK(r.diags[0].message.find("illegal map value") != std::string::npos);
}

TEST_CASE("loader: documents without apiVersion or kind, and non-mapping documents") {
  const auto r = load_str("kind: Deployment\n---\napiVersion: v1\n---\n- a\n- b\n---\njust text\n");
  CHECK(r.docs.empty());
  REQUIRE(r.diags.size() == 4);
  CHECK(r.diags[0].message.find("no apiVersion") != std::string::npos);
  CHECK(r.diags[0].where.line == 1);
  CHECK(r.diags[1].message.find("no kind") != std::string::npos);
  CHECK(r.diags[2].message.find("sequence") != std::string::npos);
  CHECK(r.diags[2].where.line == 5);
  CHECK(r.diags[3].message.find("scalar") != std::string::npos);
  CHECK(r.stats.failed == 4);
}

TEST_CASE("loader: unrendered Helm templates ask for helm template") {
  SUBCASE("parse failure") {
    const auto r = load_str("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n{{- if .Values.enabled }}\nspec: {}\n{{- end }}\n");
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].message.find("helm template") != std::string::npos);
  }
  SUBCASE("parses as YAML but is a template") {
    const auto r = load_str("apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n");
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].message.find("helm template") != std::string::npos);
    CHECK(r.docs.empty());
  }
  SUBCASE("braces inside a rendered string are fine") {
    const auto r = load_str("apiVersion: v1\nkind: ConfigMap\ndata:\n  t: |\n    {{ define \"x\" }}{{ end }}\n");
    CHECK(r.diags.empty());
    CHECK(r.docs.size() == 1);
  }
}

TEST_CASE("loader: binary and non-UTF-8 input are reported before parsing") {
  SUBCASE("NUL bytes") {
    const auto r = load_str(std::string("apiVersion: v1\n\0\x01\x02", 18));
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].message.find("binary") != std::string::npos);
    CHECK(r.diags[0].where.line == 2);
    CHECK(r.stats.failed == 1);
  }
  SUBCASE("Latin-1 bytes") {
    const auto r = load_str("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: caf\xE9\n");
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].message.find("UTF-8") != std::string::npos);
    CHECK(r.diags[0].where.line == 4);
  }
  SUBCASE("a UTF-8 byte order mark is accepted") {
    const auto r = load_str("\xEF\xBB\xBF" "apiVersion: v1\nkind: A\n");
    CHECK(r.diags.empty());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].root["apiVersion"].as<std::string>() == "v1");
  }
}

TEST_CASE("loader: concatenated JSON objects are all read, each at its own line and column") {
  const std::string svc = "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"a\"}}";
  const auto r = load_str(svc + svc + "\n{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": {\"name\": \"c\"}\n}\n",
                          "loop.json");
  CHECK(r.diags.empty());
  REQUIRE(r.docs.size() == 3);
  CHECK(r.stats.documents == 3);
  CHECK(r.docs[1].where.line == 1);
  CHECK(r.docs[2].where.line == 2);
  CHECK(kind(r.docs[2]) == "ConfigMap");
}

TEST_CASE("loader: text after a JSON object that is not another object is refused, not dropped") {
  const auto r = load_str("{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"a\"}} trailing\n", "bad.json");
  CHECK(r.docs.empty());
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].severity == Severity::error);
  CHECK(r.diags[0].where.file == "bad.json");
  CHECK(r.diags[0].message.find("cannot parse YAML") != std::string::npos);
  CHECK(r.stats.failed == 1);
}

TEST_CASE("loader: the content fingerprint ignores key order and JSON or YAML style, not values") {
  const auto a = load_str("apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: {x: '1', y: '2'}}\n");
  const auto b = load_str("{\"metadata\": {\"labels\": {\"y\": \"2\", \"x\": \"1\"}, \"name\": \"a\"}, \"kind\": \"Service\", "
                          "\"apiVersion\": \"v1\"}\n");
  const auto c = load_str("apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: {x: '1', y: '3'}}\n");
  const auto d = load_str("apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: {x: '2', y: '1'}}\n");
  REQUIRE(a.docs.size() == 1);
  REQUIRE(b.docs.size() == 1);
  REQUIRE(c.docs.size() == 1);
  REQUIRE(d.docs.size() == 1);
  CHECK(a.docs[0].content == b.docs[0].content);
  CHECK(a.docs[0].content != c.docs[0].content);
  CHECK(a.docs[0].content != d.docs[0].content);  // values swapped between keys
}
