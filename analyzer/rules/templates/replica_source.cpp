#include "replica_source.hpp"

#include <fmt/format.h>

#include <vector>

namespace faultline::rules::templates {

std::string replica_source(const model::Model& model, const model::Workload& w) {
  if (const model::Hpa* hpa = model.hpa_for(w)) return fmt::format("HorizontalPodAutoscaler {} minReplicas", hpa->meta.ref.name);
  return w.replicas ? "spec.replicas" : "spec.replicas (not set; the API default is 1)";
}

std::string pending_pods(const model::Workload& w, int replicas, int pending) {
  const bool ordered = w.kind == model::WorkloadKind::StatefulSet && w.detail->pod_management_policy != "Parallel";
  if (!ordered || pending <= 0) return fmt::format("{} replica{} stay{} Pending", pending, pending == 1 ? "" : "s", pending == 1 ? "s" : "");
  std::vector<std::string> names;
  for (int i = replicas - pending; i < replicas; ++i) names.push_back(fmt::format("{}-{}", w.meta.ref.name, i));
  std::string listed;
  for (std::size_t i = 0; i < names.size(); ++i) listed += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return listed + (names.size() == 1 ? " stays Pending" : " stay Pending");
}

}  // namespace faultline::rules::templates
