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
/// CloudNativePG Cluster → StatefulSet <name> of its instances, Services -rw/-ro/-r, its budget.
void expand_cnpg_cluster(const CrReader& r, std::vector<ImpliedObject>& out);
/// CloudNativePG Pooler → Deployment <name> of PgBouncer and its Service.
void expand_cnpg_pooler(const CrReader& r, std::vector<ImpliedObject>& out);
/// Zalando postgresql → StatefulSet <name> (Spilo), Services, budget, connection pooler.
void expand_zalando_postgresql(const CrReader& r, std::vector<ImpliedObject>& out);
/// Strimzi Kafka → brokers without node pools, ZooKeeper, bootstrap Services, budgets, and the
/// entity operator, Cruise Control and Kafka Exporter Deployments (one pod each).
void expand_strimzi_kafka(const CrReader& r, std::vector<ImpliedObject>& out);
/// Strimzi KafkaNodePool → StatefulSet <cluster>-<pool>, KRaft controllers as a quorum.
void expand_strimzi_node_pool(const CrReader& r, std::vector<ImpliedObject>& out);
/// ECK Elasticsearch → StatefulSet <name>-es-<nodeSet> per nodeSet, Services, default budget.
void expand_eck_elasticsearch(const CrReader& r, std::vector<ImpliedObject>& out);
/// RabbitMQ RabbitmqCluster → StatefulSet <name>-server (a quorum), Services.
void expand_rabbitmq_cluster(const CrReader& r, std::vector<ImpliedObject>& out);
/// Keycloak operator Keycloak → StatefulSet <name> and its Services.
void expand_keycloak(const CrReader& r, std::vector<ImpliedObject>& out);

/// implied_objects() with the input already indexed: what expand() calls once per resource.
std::vector<ImpliedObject> implied_objects(const model::RawObject& cr, const RelatedIndex& related, Diagnostics& diags,
                                           const Limits& limits);

}  // namespace faultline::expand::detail
