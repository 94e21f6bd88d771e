#pragma once
// Where a workload's effective replica count comes from, for messages and evidence.
#include <string>

#include "faultline/model/model.hpp"

namespace faultline::rules::templates {

/// "HorizontalPodAutoscaler <name> minReplicas", "spec.replicas", or the API-default wording.
std::string replica_source(const model::Model& model, const model::Workload& w);

}  // namespace faultline::rules::templates
