#pragma once
// What an outage of a workload during its rollout reaches: the workloads that call it and the
// admission webhooks it serves, for the rollout rules' messages.
#include <string>
#include <vector>

#include "faultline/rules/template.hpp"

namespace faultline::rules::templates {

/// "called by Deployment/shop/web; serves webhook cfg/hook", or "nothing in the input calls it".
std::string rollout_impact(const Context& ctx, const model::Workload& w, std::vector<std::string>& evidence);

}  // namespace faultline::rules::templates
