#pragma once
/// Observed health in a cluster dump: which pods of each workload are Ready, why the others are
/// not, which images its pods run, and which nodes report problems.
#include <map>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::health {

/// One pod that is not Ready, with why ("CrashLoopBackOff (container app), 7 restarts").
struct UnhealthyPod {
  std::string name;
  std::string reason;
};

/// One workload's pods as the dump shows them.
struct WorkloadHealth {
  const placement::WorkloadPlacement* placement = nullptr;
  int wanted = 0;  ///< replicas the spec asks for (HPA minimum applied)
  int pods = 0;    ///< live pods with a status
  int ready = 0;   ///< of them, Ready
  std::vector<UnhealthyPod> unhealthy;  ///< pod name order
  std::map<std::string, int> images;    ///< "app=web:1.2" (containers joined by ", ") → pods running it
};

/// A node whose conditions say it is in trouble, and what of the input runs there.
struct NodeProblem {
  const model::Node* node = nullptr;
  std::vector<std::string> conditions;  ///< "NotReady", then MemoryPressure, DiskPressure, PIDPressure as reported
  int pods = 0;                         ///< live pods of the input's workloads bound to it
  std::vector<std::string> workloads;   ///< their workloads' display names, sorted, each once
};

/// Health of every workload whose pods carry a status, plus node conditions.
struct ObservedHealth {
  bool available = false;  ///< some Pod in the input has a status
  bool dump = false;       ///< the input holds Pods owned by its workloads
  std::vector<WorkloadHealth> workloads;  ///< placement order; only workloads with observed pods
  std::vector<NodeProblem> node_problems;  ///< by node name
};

ObservedHealth observe(const model::Model& model, const inventory::Inventory& inventory,
                       const placement::PlacementResult& placement);

/// An info diagnostic when the input is a cluster dump whose Pods carry no status at all.
void note_missing_status(const placement::PlacementResult& placement, Diagnostics& diagnostics);

}  // namespace faultline::health
