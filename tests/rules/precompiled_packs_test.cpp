// The precompiled built-in packs (tools/pack_compiler.cpp) must be exactly what parsing the packs'
// YAML gives, and the codec must refuse bytes it did not write.
#include <doctest/doctest.h>

#include <string>

#include "../../analyzer/rules/catalogue_codec.hpp"
#include "faultline/rules/engine.hpp"

using namespace faultline;
using namespace faultline::rules;

TEST_CASE("precompiled packs: the same rules and declarations as parsing the packs' YAML") {
  Diagnostics errors;
  const detail::PackContents parsed = detail::parse_builtin_packs(errors);
  CHECK(errors.empty());
  REQUIRE(parsed.rules.size() > 30);
  const std::string_view precompiled = detail::precompiled_packs();
  REQUIRE(!precompiled.empty());
  CHECK(detail::encode_packs(parsed) == precompiled);
  const auto decoded = detail::decode_packs(precompiled);
  REQUIRE(decoded);
  CHECK(detail::encode_packs(*decoded) == precompiled);  // every field survives the round trip
  REQUIRE(decoded->rules.size() == parsed.rules.size());
  const Rule& first = decoded->rules.front();
  CHECK(first.id == parsed.rules.front().id);
  CHECK(first.explanation == parsed.rules.front().explanation);
  CHECK(first.where.file == parsed.rules.front().where.file);
  CHECK(decoded->declarations.edges.size() == parsed.declarations.edges.size());
}

TEST_CASE("precompiled packs: load_catalogue gives the same catalogue either way") {
  Diagnostics errors;
  const Catalogue catalogue = load_catalogue({}, errors);
  CHECK(errors.empty());
  detail::PackContents loaded{catalogue.rules, catalogue.declarations};
  detail::PackContents parsed = detail::parse_builtin_packs(errors);
  std::stable_sort(parsed.rules.begin(), parsed.rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
  CHECK(detail::encode_packs(loaded) == detail::encode_packs(parsed));
}

TEST_CASE("precompiled packs: bytes the codec did not write are refused") {
  const std::string good(detail::precompiled_packs());
  CHECK_FALSE(detail::decode_packs(""));
  CHECK_FALSE(detail::decode_packs("faultline-packs-0\n" + good.substr(18)));  // another version
  CHECK_FALSE(detail::decode_packs(good.substr(0, good.size() - 1)));           // truncated
  CHECK_FALSE(detail::decode_packs(good.substr(0, good.size() / 2)));
  CHECK_FALSE(detail::decode_packs(good + "x"));                                // trailing bytes
  std::string huge_count = "faultline-packs-1\n";
  huge_count += std::string("\xff\xff\xff\x7f", 4);  // two billion rules in a few bytes
  CHECK_FALSE(detail::decode_packs(huge_count));
}
