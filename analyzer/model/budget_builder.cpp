// HorizontalPodAutoscaler and PodDisruptionBudget: the objects that change how many replicas count.
#include <limits>

#include "builders.hpp"
#include "readers.hpp"

namespace faultline::model {

void build_hpa(const load::Node& root, FieldReader& r, Model& model) {
  Hpa hpa;
  hpa.meta = r.meta();
  const load::Node spec = r.map(root, "spec", "");
  const load::Node target = r.map(spec, "scaleTargetRef", "spec");
  hpa.target_kind = r.str_or(target, "kind", "spec.scaleTargetRef");
  hpa.target_name = r.str_or(target, "name", "spec.scaleTargetRef");
  if (hpa.target_kind.empty() || hpa.target_name.empty())
    r.error(target ? target : root, "spec.scaleTargetRef", "kind and name are required; the autoscaler targets nothing");
  constexpr long kMax = std::numeric_limits<int>::max();
  if (const auto n = r.integer(spec, "minReplicas", "spec", 0, kMax)) hpa.min_replicas = static_cast<int>(*n);
  if (const auto n = r.integer(spec, "maxReplicas", "spec", 1, kMax)) hpa.max_replicas = static_cast<int>(*n);
  else hpa.max_replicas = hpa.min_replicas;
  if (hpa.max_replicas < hpa.min_replicas)
    r.error(FieldReader::child(spec, "maxReplicas"), "spec.maxReplicas", "maxReplicas is smaller than minReplicas");
  model.hpas.push_back(std::move(hpa));
}

void build_pdb(const load::Node& root, FieldReader& r, Model& model) {
  Pdb pdb;
  pdb.meta = r.meta();
  pdb.selects_all_when_empty = pdb.meta.ref.api_version != "policy/v1beta1";
  const load::Node spec = r.map(root, "spec", "");
  pdb.selector = read_label_selector(r, spec, "selector", "spec");
  pdb.min_available = r.int_or_percent(spec, "minAvailable", "spec", 100);
  pdb.max_unavailable = r.int_or_percent(spec, "maxUnavailable", "spec", 100);
  if (pdb.min_available && pdb.max_unavailable)
    r.error(FieldReader::child(spec, "maxUnavailable"), "spec", "minAvailable and maxUnavailable are mutually exclusive");
  pdb.unhealthy_pod_eviction_policy = r.str_or(spec, "unhealthyPodEvictionPolicy", "spec");
  model.pdbs.push_back(std::move(pdb));
}

bool Pdb::selects(const std::string& ns, const Labels& pod_labels) const {
  if (ns != meta.ref.ns || !selector) return false;
  if (selector->empty()) return selects_all_when_empty;
  return selector->matches(pod_labels);
}

}  // namespace faultline::model
