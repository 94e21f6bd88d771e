#pragma once
// Where a workload's effective replica count comes from, for messages and evidence.
#include <string>

#include "faultline/model/model.hpp"

namespace faultline::rules::templates {

/// "HorizontalPodAutoscaler <name> minReplicas", "spec.replicas", or the API-default wording.
std::string replica_source(const model::Model& model, const model::Workload& w);

/// Which pods stay Pending, in words: a StatefulSet starts its pods in order, so the last ordinals
/// ("keycloak-1 and keycloak-2 stay Pending"); otherwise a count ("1 replica stays Pending").
std::string pending_pods(const model::Workload& w, int replicas, int pending);

}  // namespace faultline::rules::templates
