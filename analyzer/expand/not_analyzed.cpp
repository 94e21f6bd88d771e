// The custom resources whose pods an operator creates but faultline does not model: listed in
// one info, so that nothing is skipped silently.
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "faultline/expand/expand.hpp"
#include "faultline/model/crd_schema.hpp"
#include "related_index.hpp"

namespace faultline::expand {

namespace {

/// Kinds of well-known operators that run long-lived pods and have no expander here.
constexpr std::pair<std::string_view, std::string_view> kKnownUnmodelled[] = {
    {"kafka.strimzi.io", "KafkaConnect"},
    {"kafka.strimzi.io", "KafkaMirrorMaker2"},
    {"kafka.strimzi.io", "KafkaBridge"},
    {"kibana.k8s.elastic.co", "Kibana"},
    {"apm.k8s.elastic.co", "ApmServer"},
    {"beat.k8s.elastic.co", "Beat"},
    {"agent.k8s.elastic.co", "Agent"},
    {"logstash.k8s.elastic.co", "Logstash"},
    {"enterprisesearch.k8s.elastic.co", "EnterpriseSearch"},
    {"maps.k8s.elastic.co", "ElasticMapsServer"},
    {"monitoring.coreos.com", "PrometheusAgent"},
    {"mongodbcommunity.mongodb.com", "MongoDBCommunity"},
    {"pxc.percona.com", "PerconaXtraDBCluster"},
    {"psmdb.percona.com", "PerconaServerMongoDB"},
    {"pgv2.percona.com", "PerconaPGCluster"},
    {"postgres-operator.crunchydata.com", "PostgresCluster"},
    {"mysql.oracle.com", "InnoDBCluster"},
    {"databases.spotahome.com", "RedisFailover"},
    {"redis.redis.opstreelabs.in", "RedisCluster"},
    {"redis.redis.opstreelabs.in", "RedisReplication"},
    {"cassandra.datastax.com", "CassandraDatacenter"},
    {"clickhouse.altinity.com", "ClickHouseInstallation"},
    {"ceph.rook.io", "CephCluster"},
    {"opentelemetry.io", "OpenTelemetryCollector"},
    {"jaegertracing.io", "Jaeger"},
    {"grafana.integreatly.org", "Grafana"},
    {"loki.grafana.com", "LokiStack"},
    {"tempo.grafana.com", "TempoStack"},
    {"argoproj.io", "ArgoCD"},
    {"infinispan.org", "Infinispan"},
    {"minio.min.io", "Tenant"},
    {"nats.io", "NatsCluster"},
    {"keycloak.org", "Keycloak"},  // the legacy operator's group
};

using detail::group_of;

/// Does an object schema have a replicas-like property, at most two levels below spec
/// (spec.replicas, spec.kafka.replicas, spec.nodeSets[].count)?
bool schema_has_replicas(const YAML::Node& schema, int depth) {
  if (!schema || !schema.IsMap() || depth > model::kReplicasSchemaDepth) return false;
  const YAML::Node props = schema["properties"];
  if (props && props.IsMap()) {
    for (const auto& kv : props) {
      if (kv.first.IsScalar() && model::replicas_like_field(kv.first.Scalar())) return true;
      if (schema_has_replicas(kv.second, depth + 1)) return true;
    }
  }
  return schema_has_replicas(schema["items"], depth + 1);
}

/// The (group, kind) of every CRD in the input whose spec schema has a replicas-like field.
std::set<std::pair<std::string, std::string>> replicated_crds(const model::Model& model) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& raw : model.raw) {
    if (raw.meta.ref.kind != "CustomResourceDefinition" || !raw.body || !raw.body.IsMap()) continue;
    const YAML::Node spec = raw.body["spec"];
    if (!spec || !spec.IsMap() || !spec["group"] || !spec["names"] || !spec["names"]["kind"]) continue;
    std::vector<YAML::Node> schemas;
    if (spec["validation"]) schemas.push_back(spec["validation"]["openAPIV3Schema"]);  // apiextensions v1beta1
    if (spec["versions"] && spec["versions"].IsSequence()) {
      for (const auto& v : spec["versions"]) {
        if (v.IsMap() && v["schema"]) schemas.push_back(v["schema"]["openAPIV3Schema"]);
      }
    }
    for (const auto& s : schemas) {
      if (!s || !s.IsMap() || !s["properties"] || !s["properties"].IsMap()) continue;
      if (schema_has_replicas(s["properties"]["spec"], 0)) {
        out.emplace(spec["group"].as<std::string>(), spec["names"]["kind"].as<std::string>());
        break;
      }
    }
  }
  return out;
}

constexpr std::size_t kListed = 20;  // bounded, so a dump of thousands of resources stays readable

}  // namespace

void report_not_analyzed(const model::Model& model, Diagnostics& diags) {
  const auto crds = replicated_crds(model);
  std::vector<const model::RawObject*> missed;
  for (const auto& raw : model.raw) {
    const auto& ref = raw.meta.ref;
    if (!raw.body || expands(ref.api_version, ref.kind)) continue;
    const std::string group(group_of(ref.api_version));
    bool known = crds.count({group, ref.kind}) > 0;
    for (const auto& [g, k] : kKnownUnmodelled) known = known || (g == group && k == ref.kind);
    if (known) missed.push_back(&raw);
  }
  if (missed.empty()) return;
  std::string names;
  for (std::size_t i = 0; i < missed.size() && i < kListed; ++i) {
    const auto& m = missed[i]->meta;
    if (i > 0) names += ", ";
    names += m.ref.display();
    if (missed.size() > 1) names += fmt::format(" ({}:{})", m.where.file, m.where.line);
  }
  if (missed.size() > kListed) names += fmt::format(" and {} more", missed.size() - kListed);
  diags.push_back(Diagnostic{
      Severity::info, missed.front()->meta.where,
      fmt::format("not analyzed: {} — {} pods are created by an operator faultline does not model", names,
                  missed.size() == 1 ? "its" : "their")});
}

}  // namespace faultline::expand
