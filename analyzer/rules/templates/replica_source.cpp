#include "replica_source.hpp"

#include <fmt/format.h>

namespace faultline::rules::templates {

std::string replica_source(const model::Model& model, const model::Workload& w) {
  if (const model::Hpa* hpa = model.hpa_for(w)) return fmt::format("HorizontalPodAutoscaler {} minReplicas", hpa->meta.ref.name);
  return w.replicas ? "spec.replicas" : "spec.replicas (not set; the API default is 1)";
}

}  // namespace faultline::rules::templates
