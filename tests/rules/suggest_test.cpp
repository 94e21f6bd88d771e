#include <doctest/doctest.h>

#include "faultline/rules/suggest.hpp"

using namespace faultline::rules;

TEST_CASE("edit distance and did-you-mean") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  const std::vector<std::string> ids = {"pdb-missing", "pdb-orphan", "single-replica"};
  CHECK(did_you_mean("single-replca", ids) == " (did you mean 'single-replica'?)");
  CHECK(did_you_mean("completely-else", ids).empty());
  CHECK(closest("pdb-orphn", ids).front() == "pdb-orphan");
}
