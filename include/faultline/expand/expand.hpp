#pragma once
/// Operators create workloads at run time that no rendered manifest holds; expanders add them.
#include "faultline/common/diagnostic.hpp"
#include "faultline/model/model.hpp"

namespace faultline::expand {

/// Adds the workloads implied by custom resources in `model.raw` (prometheus-operator
/// Prometheus/Alertmanager/ThanosRuler, Run:ai RunaiConfig). Each added workload has
/// meta.expanded_from set and the custom resource's location. Problems become diagnostics.
void expand(model::Model& model, Diagnostics& diags);

}  // namespace faultline::expand
