#include "operator_manifest.hpp"

#include "faultline/graph/quorum.hpp"
#include "manifest.hpp"

namespace faultline::expand::detail {

YAML::Node label_map_of(const model::Labels& labels) {
  YAML::Node m(YAML::NodeType::Map);
  for (const auto& [k, v] : labels) m[k] = v;
  return m;
}

ImpliedObject service_of(const CrReader& r, const std::string& name, const model::Labels& selector, int port,
                         bool headless) {
  YAML::Node m;
  m["apiVersion"] = "v1";
  m["kind"] = "Service";
  m["metadata"]["name"] = name;
  m["metadata"]["namespace"] = r.cr().meta.ref.ns;
  m["spec"]["selector"] = label_map_of(selector);
  if (headless) m["spec"]["clusterIP"] = "None";
  YAML::Node p;
  p["port"] = port;
  m["spec"]["ports"].push_back(p);
  return implied(r, m, r.cr().meta.ref.display());
}

ImpliedObject pdb_of(const CrReader& r, const std::string& name, const model::Labels& selector, int max_unavailable) {
  YAML::Node m;
  m["apiVersion"] = "policy/v1";
  m["kind"] = "PodDisruptionBudget";
  m["metadata"]["name"] = name;
  m["metadata"]["namespace"] = r.cr().meta.ref.ns;
  m["spec"]["selector"]["matchLabels"] = label_map_of(selector);
  m["spec"]["maxUnavailable"] = max_unavailable;
  return implied(r, m, r.cr().meta.ref.display());
}

void mark_quorum(YAML::Node manifest, const std::string& reason) {
  manifest["metadata"]["annotations"][graph::kQuorumAnnotation] = "majority";
  manifest["metadata"]["annotations"]["faultline.io/quorum-reason"] = reason;
}

YAML::Node ready_container(const std::string& name, const std::string& image) {
  YAML::Node c = container(name, image);
  c["readinessProbe"]["tcpSocket"]["port"] = 1;  // the operator's probe; only its presence is read
  return c;
}

void add_claim(YAML::Node manifest, const std::string& name, const std::string& storage_class) {
  YAML::Node vct;
  vct["metadata"]["name"] = name;
  vct["spec"]["accessModes"].push_back("ReadWriteOnce");
  if (!storage_class.empty()) vct["spec"]["storageClassName"] = storage_class;
  manifest["spec"]["volumeClaimTemplates"].push_back(vct);
}

namespace {

YAML::Node term_of(const std::string& key, const model::Labels& labels) {
  YAML::Node term;
  term["labelSelector"]["matchLabels"] = label_map_of(labels);
  term["topologyKey"] = key;
  return term;
}

}  // namespace

void add_preferred_anti_affinity(YAML::Node pod_spec, int weight, const std::string& key, const model::Labels& labels) {
  YAML::Node pref;
  pref["weight"] = weight;
  pref["podAffinityTerm"] = term_of(key, labels);
  pod_spec["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"].push_back(pref);
}

void add_required_anti_affinity(YAML::Node pod_spec, const std::string& key, const model::Labels& labels) {
  pod_spec["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"].push_back(
      term_of(key, labels));
}

}  // namespace faultline::expand::detail
