// Document boundaries: every separator form, end markers, directives and `# Source:` comments.
#include <doctest/doctest.h>

#include <vector>

#include "faultline/load/splitter.hpp"

using faultline::load::RawDocument;
using faultline::load::split_documents;

namespace {

std::vector<RawDocument> split(std::string_view text) {
  std::vector<RawDocument> out;
  split_documents(text, [&](RawDocument&& d) {
    if (d.has_content) out.push_back(std::move(d));
  });
  return out;
}

}  // namespace

TEST_CASE("splitter: plain --- separators keep each document's first line") {
  const auto docs = split("a: 1\n---\nb: 2\n---\n\nc: 3\n");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].first_line == 1);
  CHECK(docs[1].first_line == 2);  // the marker line itself is line 0 of the text
  CHECK(docs[1].text == "\nb: 2\n");
  CHECK(docs[2].first_line == 4);
}

TEST_CASE("splitter: --- with a comment, --- with content, and ---<tab>") {
  const auto docs = split("--- # first\na: 1\n--- b: 2\n---\t\nc: 3\n");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "# first\na: 1\n");
  CHECK(docs[1].text == "b: 2\n");
  CHECK(docs[1].first_line == 3);
  CHECK(docs[1].first_column_shift == 4);
  CHECK(docs[2].first_line == 4);
}

TEST_CASE("splitter: ---- and ---x are not separators") {
  const auto docs = split("a: |\n  ---\nb: ---x\n");
  REQUIRE(docs.size() == 1);
}

TEST_CASE("splitter: ... ends a document and a bare document may follow") {
  const auto docs = split("a: 1\n...\nb: 2\n...\n---\nc: 3\n");
  REQUIRE(docs.size() == 3);
  CHECK(docs[1].first_line == 3);
  CHECK(docs[1].text == "b: 2\n");
  CHECK(docs[2].first_line == 5);
}

TEST_CASE("splitter: %YAML directives are dropped but lines keep their numbers") {
  const auto docs = split("%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n");
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].first_line == 2);
  CHECK(docs[1].first_line == 6);
}

TEST_CASE("splitter: documents holding only comments have no content") {
  int empty = 0;
  split_documents("# just a comment\n---\n# another\n---\n", [&](RawDocument&& d) {
    if (!d.has_content) ++empty;
  });
  CHECK(empty == 3);
}

TEST_CASE("splitter: # Source: comment names the Helm template") {
  const auto docs = split("---\n# Source: chart/templates/a.yaml\napiVersion: v1\n---\n# Source: chart/templates/b.yaml  \nkind: X\n# Source: not/this.yaml\n");
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].helm_template == "chart/templates/a.yaml");
  CHECK(docs[1].helm_template == "chart/templates/b.yaml");
}

TEST_CASE("splitter: CRLF line endings") {
  const auto docs = split("a: 1\r\n---\r\nb: 2\r\n");
  REQUIRE(docs.size() == 2);
  CHECK(docs[1].first_line == 2);
}

TEST_CASE("splitter: concatenated JSON objects on one line are separate documents") {
  const auto docs = split("{\"a\": 1}{\"b\": \"}{\"} {\"c\": [1, {\"d\": 2}]}\n");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "{\"a\": 1}\n");
  CHECK(docs[1].text == "{\"b\": \"}{\"} \n");  // braces inside a string do not end the object
  CHECK(docs[1].first_line == 1);
  CHECK(docs[1].first_column_shift == 8);
  CHECK(docs[2].text == "{\"c\": [1, {\"d\": 2}]}\n");
  CHECK(docs[2].first_column_shift == 20);
}

TEST_CASE("splitter: pretty JSON objects one after another (a loop of kubectl get -o json)") {
  const auto docs = split("{\n  \"kind\": \"A\",\n  \"x\": \"a \\\"quoted\\\" } brace\"\n}\n{\n  \"kind\": \"B\"\n}\n\n[\n]\n");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].first_line == 1);
  CHECK(docs[1].first_line == 5);
  CHECK(docs[1].first_column_shift == 0);
  CHECK(docs[1].text == "{\n  \"kind\": \"B\"\n}\n\n");
  CHECK(docs[2].first_line == 9);
}

TEST_CASE("splitter: one flow document, a comment after it, and block YAML are not split") {
  CHECK(split("{a: 1, b: '}{'} # {not: this}\n").size() == 1);
  CHECK(split("{\"a\": 1}\n# {\"b\": 2}\n").size() == 1);
  CHECK(split("a: {b: 1}\nc: {d: 2}\n").size() == 1);
  // Something else after the object is left to the parser, which reports it.
  CHECK(split("{\"a\": 1} trailing {\"b\": 2}\n").size() == 1);
}
