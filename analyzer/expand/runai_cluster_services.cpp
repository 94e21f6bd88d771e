#include "runai_cluster_services.hpp"

namespace faultline::expand::detail {

const std::vector<RunaiClusterService>& runai_cluster_services() {
  // Names from the 2.22.47 workload list of namespace runai (the 2.20.24 pod list matches).
  static const std::vector<RunaiClusterService> services = {
      {"accessrule-controller", "Deployment"},
      {"assets-sync", "Deployment"},
      {"binder", "Deployment"},
      {"cluster-api", "Deployment"},
      {"cluster-redis", "Deployment"},
      {"cluster-sync", "Deployment"},
      {"engine-admission", "Deployment"},
      {"engine-operator", "Deployment"},
      {"external-workload-integrator", "Deployment"},
      {"inference-workload-controller", "Deployment"},
      {"init-ca", "Deployment"},
      {"metrics-exporter", "Deployment"},
      {"nodepool-controller", "Deployment"},
      {"pod-group-assigner", "Deployment"},
      {"pod-group-controller", "Deployment"},
      {"pod-grouper", "Deployment"},
      {"queue-controller", "Deployment"},
      {"researcher-service", "Deployment"},
      {"runai-admission-controller", "Deployment"},
      {"runai-agent", "Deployment"},
      {"runai-container-toolkit", "DaemonSet"},
      {"runai-job-controller", "Deployment"},
      {"runai-node-exporter", "DaemonSet"},
      {"runai-project-controller", "Deployment"},
      {"runai-scheduler-default", "Deployment"},
      {"shared-objects-controller", "Deployment"},
      {"status-updater", "Deployment"},
      {"workload-controller", "Deployment"},
      {"workload-exporter", "Deployment"},
      {"workload-overseer", "Deployment"},
  };
  return services;
}

}  // namespace faultline::expand::detail
