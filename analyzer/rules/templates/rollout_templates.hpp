#pragma once
// The rollout-safety templates (declared apart from templates.hpp so that adding them does not
// rebuild every template; registry.cpp lists them with the others).
#include "faultline/rules/template.hpp"

namespace faultline::rules::templates {

Template readiness_probe();
Template rollout_all_at_once();

}  // namespace faultline::rules::templates
