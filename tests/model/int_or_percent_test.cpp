// IntOrString parsing and rounding as the disruption and deployment controllers do it.
#include <doctest/doctest.h>

#include "faultline/model/int_or_percent.hpp"

using namespace faultline::model;

TEST_CASE("int_or_percent: parsing") {
  CHECK(parse_int_or_percent("3")->value == 3);
  CHECK_FALSE(parse_int_or_percent("3")->percent);
  CHECK(parse_int_or_percent("25%")->percent);
  CHECK(parse_int_or_percent("25%")->to_string() == "25%");
  CHECK_FALSE(parse_int_or_percent("three"));
  CHECK_FALSE(parse_int_or_percent("-1"));
  CHECK_FALSE(parse_int_or_percent("%"));
  CHECK_FALSE(parse_int_or_percent("2.5"));
  CHECK_FALSE(parse_int_or_percent(""));
}

TEST_CASE("int_or_percent: PDB percentages round up, deployment maxUnavailable rounds down") {
  // k8s-semantics §4: 7 pods at 50% minAvailable keep 4; R=3 maxUnavailable 50% → 2.
  CHECK(IntOrPercent{50, true}.resolve(7, true) == 4);
  CHECK(IntOrPercent{50, true}.resolve(3, true) == 2);
  CHECK(IntOrPercent{100, true}.resolve(3, true) == 3);
  CHECK(IntOrPercent{80, true}.resolve(1, true) == 1);
  // §6: surge ⌈25% × R⌉, unavailable ⌊25% × R⌋.
  CHECK(IntOrPercent{25, true}.resolve(3, true) == 1);
  CHECK(IntOrPercent{25, true}.resolve(3, false) == 0);
  CHECK(IntOrPercent{25, true}.resolve(5, true) == 2);
  CHECK(IntOrPercent{25, true}.resolve(8, false) == 2);
  CHECK(IntOrPercent{2, false}.resolve(100, false) == 2);
  CHECK(IntOrPercent{0, true}.resolve(10, true) == 0);
}
