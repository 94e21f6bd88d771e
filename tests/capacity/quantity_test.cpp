// resource.Quantity parsing: suffixes, exponents, fractions, rounding up, and what is refused.
#include <doctest/doctest.h>

#include "faultline/model/quantity.hpp"

using faultline::model::format_quantity;
using faultline::model::parse_quantity;

namespace {

std::int64_t q(const char* text, int scale) {
  std::string error;
  const auto v = parse_quantity(text, scale, error);
  INFO(text << ": " << error);
  REQUIRE(v.has_value());
  return *v;
}

std::string refused(const char* text, int scale = 0) {
  std::string error;
  CHECK_FALSE(parse_quantity(text, scale, error).has_value());
  return error;
}

}  // namespace

TEST_CASE("cpu quantities in millicores") {
  CHECK(q("500m", 3) == 500);
  CHECK(q("1", 3) == 1000);
  CHECK(q("0.5", 3) == 500);
  CHECK(q(".25", 3) == 250);
  CHECK(q("2.", 3) == 2000);
  CHECK(q("1e3", 3) == 1'000'000);
  CHECK(q("1e-3", 3) == 1);
  CHECK(q("+1.5", 3) == 1500);
  CHECK(q("100k", 3) == 100'000'000);
}

TEST_CASE("sub-unit amounts round up, as Quantity.ScaledValue does") {
  CHECK(q("0.1m", 3) == 1);
  CHECK(q("1500m", 0) == 2);
  CHECK(q("0.5", 0) == 1);
  CHECK(q("1e-30", 0) == 1);
  CHECK(q("0", 3) == 0);
  CHECK(q("0.000", 0) == 0);
}

TEST_CASE("memory quantities in bytes, binary and decimal suffixes") {
  CHECK(q("1Gi", 0) == 1'073'741'824);
  CHECK(q("2Ki", 0) == 2048);
  CHECK(q("1.5Gi", 0) == 1'610'612'736);
  CHECK(q("128Mi", 0) == 134'217'728);
  CHECK(q("1G", 0) == 1'000'000'000);
  CHECK(q("1M", 0) == 1'000'000);
  CHECK(q("1E", 0) == 1'000'000'000'000'000'000);
  CHECK(q("1E3", 0) == 1000);  // E followed by digits is an exponent, not exa
  CHECK(q("7Ei", 0) == 7 * (std::int64_t{1} << 60));
  CHECK(q("1e3", 0) == 1000);
  CHECK(q("-1", 0) == -1);
}

TEST_CASE("what is not a quantity, or too large, is refused with a reason") {
  CHECK(refused("").find("expected a number") != std::string::npos);
  CHECK(refused("abc").find("expected a number") != std::string::npos);
  CHECK(refused("m").find("expected a number") != std::string::npos);
  CHECK(refused("1Gb").find("unknown suffix \"Gb\"") != std::string::npos);
  CHECK(refused("1.2.3").find("unknown suffix") != std::string::npos);
  CHECK(refused("1 Gi").find("unknown suffix") != std::string::npos);
  CHECK(refused("1e").find("unknown suffix") != std::string::npos);
  CHECK(refused("10Ei").find("2^63") != std::string::npos);
  CHECK(refused("1e19").find("2^63") != std::string::npos);
  CHECK(refused("9223372036854775807", 3).find("2^63") != std::string::npos);
  CHECK(refused("12345678901234567890").find("19 significant digits") != std::string::npos);
}

TEST_CASE("amounts formatted as people write them") {
  CHECK(format_quantity("cpu", 1500) == "1500m");
  CHECK(format_quantity("cpu", 2000) == "2");
  CHECK(format_quantity("memory", 1'073'741'824) == "1Gi");
  CHECK(format_quantity("memory", 1'610'612'736) == "1536Mi");
  CHECK(format_quantity("memory", 1000) == "1000");
  CHECK(format_quantity("nvidia.com/gpu", 4) == "4");
}
