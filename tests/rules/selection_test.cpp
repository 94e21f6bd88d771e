// --pack, --enable, --disable, --severity, and "did you mean" for unknown ids.
#include <doctest/doctest.h>

#include "faultline/rules/engine.hpp"

using namespace faultline;
using namespace faultline::rules;

namespace {

/// A catalogue of three rules in two packs, without loading any file.
Catalogue sample() {
  Catalogue c;
  for (auto [id, pack] : {std::pair{"pdb-missing", "core"}, {"runai-keycloak", "runai"}, {"single-replica", "core"}}) {
    Rule r;
    r.id = id;
    r.pack = pack;
    c.rules.push_back(r);
  }
  return c;
}

bool enabled(const Catalogue& c, const std::string& id) { return c.find(id)->enabled; }

}  // namespace

TEST_CASE("default selection: core, plus runai when Run:ai objects are present") {
  Catalogue c = sample();
  Diagnostics errors;
  apply_selection(c, {}, false, errors);
  CHECK(enabled(c, "single-replica"));
  CHECK_FALSE(enabled(c, "runai-keycloak"));
  apply_selection(c, {}, true, errors);
  CHECK(enabled(c, "runai-keycloak"));
  CHECK(errors.empty());
}

TEST_CASE("--pack, --enable, --disable and --severity") {
  Catalogue c = sample();
  Selection s;
  s.packs = {"runai"};
  s.enable = {"pdb-missing"};
  s.disable = {"runai-keycloak"};
  s.severity["pdb-missing"] = Severity::info;
  Diagnostics errors;
  apply_selection(c, s, false, errors);
  CHECK(errors.empty());
  CHECK_FALSE(enabled(c, "single-replica"));
  CHECK(enabled(c, "pdb-missing"));
  CHECK_FALSE(enabled(c, "runai-keycloak"));
  CHECK(c.find("pdb-missing")->severity_override == Severity::info);
}

TEST_CASE("rules of --policy packs run unless disabled") {
  Catalogue c = sample();
  Rule mine;
  mine.id = "team-rule";
  mine.pack = "team";
  mine.builtin = false;
  c.rules.push_back(mine);
  Diagnostics errors;
  apply_selection(c, {}, false, errors);
  CHECK(enabled(c, "team-rule"));
}

TEST_CASE("unknown rule ids and packs are errors with did-you-mean") {
  Catalogue c = sample();
  Selection s;
  s.disable = {"single-replca"};
  s.enable = {"nothing-like-it"};
  s.packs = {"cor"};
  Diagnostics errors;
  apply_selection(c, s, false, errors);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].message == "--pack: unknown pack 'cor' (did you mean 'core'?)");
  CHECK(errors[1].message.find("--enable: unknown rule 'nothing-like-it'") == 0);
  CHECK(errors[1].message.find("did you mean") == std::string::npos);
  CHECK(errors[2].message.find("(did you mean 'single-replica'?)") != std::string::npos);
  CHECK(c.suggestions("pdb-mising").front() == "pdb-missing");
}
