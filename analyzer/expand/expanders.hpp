#pragma once
// The expanders, one per operator; implied_objects() dispatches to them by kind.
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "cr_reader.hpp"
#include "faultline/expand/expand.hpp"

namespace faultline::expand::detail {

/// What a Prometheus-like resource is called and where its spec is, so a RunaiConfig can reuse
/// the Prometheus expander for the Prometheus resource it makes the operator create.
struct PrometheusSource {
  std::string ns;
  std::string name;
  YAML::Node spec{YAML::NodeType::Undefined};  ///< a PrometheusSpec
  std::string spec_path;  ///< "spec" or "spec.prometheus.spec", for diagnostics
  std::optional<int> replicas_override;  ///< an older field that sets replicas (spec.prometheus.replicas)
  YAML::Node fallback_affinity{YAML::NodeType::Undefined};     ///< used when the spec sets no affinity
  YAML::Node fallback_tolerations{YAML::NodeType::Undefined};  ///< used when the spec sets no tolerations
};

/// prometheus-operator Prometheus → StatefulSets prometheus-<name>[-shard-<n>].
void expand_prometheus(const CrReader& r, const PrometheusSource& src, const std::string& expanded_from,
                       std::vector<ImpliedObject>& out);
/// prometheus-operator Alertmanager → StatefulSet alertmanager-<name>.
void expand_alertmanager(const CrReader& r, std::vector<ImpliedObject>& out);
/// prometheus-operator ThanosRuler → StatefulSet thanos-ruler-<name>.
void expand_thanos_ruler(const CrReader& r, std::vector<ImpliedObject>& out);
/// Run:ai RunaiConfig → prometheus-runai and the cluster services of namespace runai.
void expand_runai_config(const CrReader& r, std::vector<ImpliedObject>& out);

}  // namespace faultline::expand::detail
