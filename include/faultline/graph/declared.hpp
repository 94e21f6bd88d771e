#pragma once
/// Facts about the system that policy data declares rather than manifests show.
#include <string>
#include <vector>

#include "faultline/common/location.hpp"

namespace faultline::graph {

/// "Workloads matching from_* call the Service (or workload) to_*", declared by a pack.
struct DeclaredEdge {
  std::string from_namespace;  ///< glob
  std::string from_name;       ///< glob over workload names
  std::string to_namespace;
  std::string to_name;  ///< a Service name, or a workload name when no such Service exists
  std::string reason;
  SourceLocation where;
};

/// "Workloads matching this need a majority of their replicas" (etcd, ZooKeeper, ...), declared by a pack.
struct DeclaredQuorum {
  std::string name_pattern;   ///< glob over workload names
  std::string image_pattern;  ///< glob over container images ("*etcd*"); either may be empty
  std::string reason;
  SourceLocation where;
};

/// Everything packs declare for the graph stage.
struct Declarations {
  std::vector<DeclaredEdge> edges;
  std::vector<DeclaredQuorum> quorum;
};

}  // namespace faultline::graph
