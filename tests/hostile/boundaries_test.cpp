// Issue 11: a failure inside one rule is caught at that rule; the other rules still report.
#include <doctest/doctest.h>

#include <new>
#include <stdexcept>

#include "../rules/analyze_yaml.hpp"
#include "faultline/rules/engine.hpp"

using namespace faultline;

TEST_SUITE("rules") {

TEST_CASE("a rule whose template throws (out of memory) loses only its findings and says so") {
  const auto a = test::analyze_yaml(test::kOneReplicaApi);
  const rules::Rule* rule = a->catalogue.find("single-replica");
  REQUIRE(rule);
  const rules::Context context{a->model, a->inventory, a->placement, a->graph.get(), &a->capacity};

  rules::Template failing = *rules::find_template(rule->template_id);
  failing.evaluate = [](const rules::TemplateInput& in, std::vector<rules::Hit>& hits) {
    rules::Hit partial;  // a partial result must not survive the failure
    partial.object = &in.ctx.model.workloads.front().meta;
    hits.push_back(partial);
    for (const auto& w : in.ctx.model.workloads) (void)in.in_scope(w.meta);
    throw std::bad_alloc();
  };
  rules::Findings findings(1);  // an earlier rule's finding stays
  Diagnostics problems;
  CHECK(rules::evaluate_rule(*rule, failing, context, findings, &problems) == 1);
  CHECK(findings.size() == 1);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].severity == Severity::error);
  CHECK(problems[0].message.find("rule single-replica could not be evaluated (std::bad_alloc)") == 0);
  CHECK(problems[0].where.file == rule->where.file);

  failing.evaluate = [](const rules::TemplateInput&, std::vector<rules::Hit>&) { throw std::logic_error("a bug"); };
  problems.clear();
  rules::evaluate_rule(*rule, failing, context, findings, &problems);
  CHECK(problems.at(0).message.find("(a bug)") != std::string::npos);

  const rules::Template& real = *rules::find_template(rule->template_id);
  problems.clear();
  rules::evaluate_rule(*rule, real, context, findings, &problems);
  CHECK(problems.empty());
  CHECK(findings.size() == 2);
}

}  // TEST_SUITE
