// Which expander reads which custom resource, and the manifests each resource implies.
#include <string>

#include "cr_reader.hpp"
#include "expanders.hpp"
#include "faultline/expand/expand.hpp"

namespace faultline::expand {

namespace {

using detail::group_of;

enum class Expander {
  none, prometheus, alertmanager, thanos_ruler, runai_config,
  cnpg_cluster, cnpg_pooler, zalando_postgresql, strimzi_kafka, strimzi_node_pool,
  eck_elasticsearch, rabbitmq_cluster, keycloak
};

/// The stateful operators' resources: (group, kind) → expander.
struct OperatorKind {
  std::string_view group;
  std::string_view kind;
  Expander expander;
};
constexpr OperatorKind kOperatorKinds[] = {
    {"postgresql.cnpg.io", "Cluster", Expander::cnpg_cluster},
    {"postgresql.cnpg.io", "Pooler", Expander::cnpg_pooler},
    {"acid.zalan.do", "postgresql", Expander::zalando_postgresql},
    {"kafka.strimzi.io", "Kafka", Expander::strimzi_kafka},
    {"kafka.strimzi.io", "KafkaNodePool", Expander::strimzi_node_pool},
    {"elasticsearch.k8s.elastic.co", "Elasticsearch", Expander::eck_elasticsearch},
    {"rabbitmq.com", "RabbitmqCluster", Expander::rabbitmq_cluster},
    {"k8s.keycloak.org", "Keycloak", Expander::keycloak},
};

Expander expander_for(std::string_view api_version, std::string_view kind) {
  const std::string_view group = group_of(api_version);
  if (group == "monitoring.coreos.com") {
    if (kind == "Prometheus") return Expander::prometheus;
    if (kind == "Alertmanager") return Expander::alertmanager;
    if (kind == "ThanosRuler") return Expander::thanos_ruler;
  }
  if (group == "run.ai" && kind == "RunaiConfig") return Expander::runai_config;
  for (const auto& k : kOperatorKinds) {
    if (k.group == group && k.kind == kind) return k.expander;
  }
  return Expander::none;
}

}  // namespace

bool expands(std::string_view api_version, std::string_view kind) {
  return expander_for(api_version, kind) != Expander::none;
}

std::vector<ImpliedObject> implied_objects(const model::RawObject& cr, Diagnostics& diags, const Limits& limits) {
  return implied_objects(cr, nullptr, diags, limits);
}

std::vector<ImpliedObject> implied_objects(const model::RawObject& cr, const model::Model* model, Diagnostics& diags,
                                           const Limits& limits) {
  // One resource on its own: indexing the input for it costs what one scan would.
  const detail::RelatedIndex related = model ? detail::RelatedIndex(*model) : detail::RelatedIndex();
  return detail::implied_objects(cr, related, diags, limits);
}

std::vector<ImpliedObject> detail::implied_objects(const model::RawObject& cr, const RelatedIndex& related,
                                                   Diagnostics& diags, const Limits& limits) {
  std::vector<ImpliedObject> out;
  const Expander which = expander_for(cr.meta.ref.api_version, cr.meta.ref.kind);
  if (which == Expander::none) return out;
  const detail::CrReader r(cr, diags, limits, &related);
  if (!cr.body || !cr.body.IsMap()) {
    r.report(cr.body, "the resource's body is not available; the workloads it implies are not analyzed");
    return out;
  }
  try {
    switch (which) {
      case Expander::prometheus: {
        detail::PrometheusSource src;
        src.ns = cr.meta.ref.ns;
        src.name = cr.meta.ref.name;
        src.spec = r.map(cr.body, "spec", "spec");
        src.spec_path = "spec";
        detail::expand_prometheus(r, src, cr.meta.ref.display(), out);
        break;
      }
      case Expander::alertmanager: detail::expand_alertmanager(r, out); break;
      case Expander::thanos_ruler: detail::expand_thanos_ruler(r, out); break;
      case Expander::runai_config: detail::expand_runai_config(r, out); break;
      case Expander::cnpg_cluster: detail::expand_cnpg_cluster(r, out); break;
      case Expander::cnpg_pooler: detail::expand_cnpg_pooler(r, out); break;
      case Expander::zalando_postgresql: detail::expand_zalando_postgresql(r, out); break;
      case Expander::strimzi_kafka: detail::expand_strimzi_kafka(r, out); break;
      case Expander::strimzi_node_pool: detail::expand_strimzi_node_pool(r, out); break;
      case Expander::eck_elasticsearch: detail::expand_eck_elasticsearch(r, out); break;
      case Expander::rabbitmq_cluster: detail::expand_rabbitmq_cluster(r, out); break;
      case Expander::keycloak: detail::expand_keycloak(r, out); break;
      case Expander::none: break;
    }
  } catch (const detail::ExpansionLimitExceeded& e) {
    out.clear();
    r.report(cr.body, e.what());
  } catch (const YAML::Exception& e) {
    // A shape no check above foresaw: report it and keep the rest of the analysis going.
    out.clear();
    r.report(cr.body, std::string("cannot be expanded: ") + e.what());
  }
  return out;
}

}  // namespace faultline::expand
