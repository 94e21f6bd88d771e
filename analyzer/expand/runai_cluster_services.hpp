#pragma once
// The workloads Run:ai's cluster operator creates in namespace runai from a RunaiConfig.
#include <string_view>
#include <vector>

namespace faultline::expand::detail {

/// One cluster service: its workload name (also its spec.<name> key in the runaiconfig) and kind.
struct RunaiClusterService {
  std::string_view name;
  std::string_view kind;  ///< "Deployment" or "DaemonSet"
};

/// The 2.20–2.22 cluster services, sorted by name; prometheus-runai is expanded separately, and
/// runai-operator is left out because Helm installs it (it reconciles the runaiconfig).
const std::vector<RunaiClusterService>& runai_cluster_services();

}  // namespace faultline::expand::detail
