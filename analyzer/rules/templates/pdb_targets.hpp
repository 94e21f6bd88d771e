#pragma once
// Which workloads a PodDisruptionBudget covers, shared by the pdb-* templates.
#include <string>
#include <vector>

#include "faultline/model/model.hpp"

namespace faultline::rules::templates {

/// Workloads in the budget's namespace whose pod template labels it selects (any kind).
std::vector<const model::Workload*> pdb_targets(const model::Model& model, const model::Pdb& pdb);

/// "Deployment/web, StatefulSet/db" for messages.
std::string workload_names(const std::vector<const model::Workload*>& workloads);

}  // namespace faultline::rules::templates
