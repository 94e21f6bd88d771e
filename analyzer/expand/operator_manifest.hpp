#pragma once
// Pieces the stateful-operator expanders share: the Services and PodDisruptionBudgets operators
// create beside their pods, quorum marks, probes and claims.
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "cr_reader.hpp"
#include "faultline/expand/expand.hpp"
#include "faultline/model/labels.hpp"

namespace faultline::expand::detail {

/// A Service named `name` selecting `selector` (headless when asked), as the operator creates it.
ImpliedObject service_of(const CrReader& r, const std::string& name, const model::Labels& selector, int port,
                         bool headless = false);

/// A policy/v1 PodDisruptionBudget with maxUnavailable `max_unavailable` over `selector`.
ImpliedObject pdb_of(const CrReader& r, const std::string& name, const model::Labels& selector, int max_unavailable);

/// Marks the workload as needing a majority of its members, with the operator's reason.
void mark_quorum(YAML::Node manifest, const std::string& reason);

/// A container with a readiness probe, as every operator here writes for its pods.
YAML::Node ready_container(const std::string& name, const std::string& image);

/// A volumeClaimTemplates entry named `name`; `storage_class` empty keeps the cluster default.
void add_claim(YAML::Node manifest, const std::string& name, const std::string& storage_class);

/// A preferred pod anti-affinity term (weight, topology key, matchLabels) appended to `pod_spec`.
void add_preferred_anti_affinity(YAML::Node pod_spec, int weight, const std::string& key, const model::Labels& labels);

/// A required pod anti-affinity term on `key` appended to `pod_spec`.
void add_required_anti_affinity(YAML::Node pod_spec, const std::string& key, const model::Labels& labels);

/// The matchLabels map of `labels`.
YAML::Node label_map_of(const model::Labels& labels);

}  // namespace faultline::expand::detail
