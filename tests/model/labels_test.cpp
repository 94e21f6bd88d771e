// Selector semantics: every operator, Gt/Lt, empty terms, matchFields.
#include <doctest/doctest.h>

#include "faultline/model/labels.hpp"

using namespace faultline::model;

TEST_CASE("labels: matchLabels AND matchExpressions with each operator") {
  const Labels pod{{"app", "web"}, {"tier", "front"}};
  CHECK(LabelSelector{}.matches(pod));
  CHECK(LabelSelector{{{"app", "web"}}, {}}.matches(pod));
  CHECK_FALSE(LabelSelector{{{"app", "db"}}, {}}.matches(pod));
  CHECK_FALSE(LabelSelector{{{"missing", ""}}, {}}.matches(pod));
  CHECK(LabelSelector{{}, {{"tier", "In", {"front", "back"}}}}.matches(pod));
  CHECK_FALSE(LabelSelector{{}, {{"tier", "In", {"back"}}}}.matches(pod));
  CHECK_FALSE(LabelSelector{{}, {{"zone", "In", {"a"}}}}.matches(pod));
  CHECK(LabelSelector{{}, {{"tier", "NotIn", {"back"}}}}.matches(pod));
  CHECK_FALSE(LabelSelector{{}, {{"tier", "NotIn", {"front"}}}}.matches(pod));
  CHECK(LabelSelector{{}, {{"zone", "NotIn", {"a"}}}}.matches(pod));  // absent key satisfies NotIn
  CHECK(LabelSelector{{}, {{"app", "Exists", {}}}}.matches(pod));
  CHECK_FALSE(LabelSelector{{}, {{"zone", "Exists", {}}}}.matches(pod));
  CHECK(LabelSelector{{}, {{"zone", "DoesNotExist", {}}}}.matches(pod));
  CHECK_FALSE(LabelSelector{{}, {{"app", "DoesNotExist", {}}}}.matches(pod));
  CHECK_FALSE(LabelSelector{{{"app", "web"}}, {{"tier", "In", {"back"}}}}.matches(pod));  // AND
  CHECK_FALSE(LabelSelector{{}, {{"app", "Bogus", {"web"}}}}.matches(pod));
}

TEST_CASE("labels: node selector Gt and Lt compare integers; non-integers never match") {
  const NodeSelectorRequirement gt{"cpu", "Gt", {"4"}};
  const NodeSelectorRequirement lt{"cpu", "Lt", {"4"}};
  CHECK(gt.matches(std::string("8")));
  CHECK_FALSE(gt.matches(std::string("4")));
  CHECK_FALSE(gt.matches(std::string("10a")));
  CHECK_FALSE(gt.matches(std::nullopt));
  CHECK(lt.matches(std::string("-2")));
  CHECK_FALSE(lt.matches(std::string("4")));
  CHECK(gt.matches(std::string("10")));  // numeric, not lexicographic
  CHECK_FALSE(NodeSelectorRequirement{"cpu", "Gt", {"x"}}.matches(std::string("8")));
  CHECK(NodeSelectorRequirement{"zone", "NotIn", {"a"}}.matches(std::nullopt));
}

TEST_CASE("labels: node selector terms: empty matches nothing, fields only metadata.name") {
  const Labels node{{"zone", "a"}};
  CHECK_FALSE(NodeSelectorTerm{}.matches(node, "n1"));
  CHECK(NodeSelectorTerm{{{"zone", "In", {"a"}}}, {}}.matches(node, "n1"));
  CHECK(NodeSelectorTerm{{}, {{"metadata.name", "In", {"n1"}}}}.matches(node, "n1"));
  CHECK_FALSE(NodeSelectorTerm{{}, {{"metadata.name", "In", {"n1"}}}}.matches(node, "n2"));
  CHECK_FALSE(NodeSelectorTerm{{}, {{"metadata.uid", "In", {"n1"}}}}.matches(node, "n1"));
  CHECK_FALSE(NodeSelectorTerm{{{"zone", "In", {"a"}}}, {{"metadata.name", "NotIn", {"n1"}}}}.matches(node, "n1"));
}
