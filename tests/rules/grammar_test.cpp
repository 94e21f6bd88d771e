#include <doctest/doctest.h>

#include "../../analyzer/rules/grammar.hpp"

using faultline::rules::detail::agree_counts;

TEST_CASE("agree_counts mends number agreement of the counted nouns") {
  CHECK(agree_counts("1 replicas") == "1 replica");
  CHECK(agree_counts("3 replica") == "3 replicas");
  CHECK(agree_counts("2 replica(s) on 1 node(s)") == "2 replicas on 1 node");
  CHECK(agree_counts("0 copy") == "0 copies");
  CHECK(agree_counts("1 copies, 2 copies") == "1 copy, 2 copies");
  CHECK(agree_counts("1 copie") == "1 copy");
  CHECK(agree_counts("runs 10 pod across 1 zones and 4 domain.") == "runs 10 pods across 1 zone and 4 domains.");
  CHECK(agree_counts("1 workloads") == "1 workload");
  CHECK(agree_counts("1 nodes") == "1 node");
  CHECK(agree_counts("12 nodes") == "12 nodes");
}

TEST_CASE("agree_counts leaves other words and numbers alone") {
  CHECK(agree_counts("") == "");
  CHECK(agree_counts("no counts here") == "no counts here");
  CHECK(agree_counts("v1 replicas") == "v1 replicas");         // the number is part of a word
  CHECK(agree_counts("a12 replicas") == "a12 replicas");
  CHECK(agree_counts("1 podcast") == "1 podcast");             // the noun is part of a longer word
  CHECK(agree_counts("1 nodesX") == "1 nodesX");
  CHECK(agree_counts("1  node") == "1  node");                 // two spaces: not a count
  CHECK(agree_counts("2 zone_a") == "2 zone_a");               // '_' is a word character
  CHECK(agree_counts("1 replicaset") == "1 replicaset");
  CHECK(agree_counts("node 1") == "node 1");
  CHECK(agree_counts("1 node(s") == "1 node(s");
  CHECK(agree_counts("-1 replica") == "-1 replica");           // the count is the digits after the sign
  CHECK(agree_counts("x 7") == "x 7");
  CHECK(agree_counts("7 ") == "7 ");
}
