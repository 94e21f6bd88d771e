#pragma once
/// Free capacity of each node, and whether the pods a failure displaces fit on the survivors.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/capacity/requests.hpp"
#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::capacity {

/// Where node usage comes from: Pods bound to nodes in a cluster dump, or, without any, the
/// input's workloads, every runnable replica of which must find room somewhere.
enum class Usage { observed, planned };
std::string_view to_string(Usage usage);  ///< "observed", "planned"
/// One sentence for reports: which of the two the figures rest on.
std::string describe(Usage usage, std::size_t bound_pods);

/// True for an extended resource that is a GPU ("nvidia.com/gpu", "amd.com/gpu", ...).
bool is_gpu(const std::string& resource);

/// Amounts over Capacity::resources, one slot per resource.
using Amounts = std::vector<std::int64_t>;

/// One node: allocatable and what bound pods already request there.
struct NodeCapacity {
  const model::Node* node = nullptr;
  bool known = false;  ///< the node states status.allocatable
  Amounts allocatable;
  Amounts used;  ///< requests of the pods bound to it (observed usage only)
  int zone = -1;  ///< index into Capacity::zones; -1 without a zone label
};

/// One workload's pods as capacity sees them.
struct WorkloadDemand {
  const placement::WorkloadPlacement* placement = nullptr;
  PodRequests requests;   ///< from the pod template
  Amounts request;        ///< the same over Capacity::resources, plus one "pods" slot when nodes count pods
  int eligible_class = -1;  ///< index into Capacity::classes
  int per_node_cap = 0;   ///< most pods one node may hold (required anti-affinity, spread); 0 = no limit
  int per_zone_cap = 0;
  bool daemon = false;    ///< DaemonSet: one pod per eligible node, never moved elsewhere
  bool recreated = true;  ///< false for a bare Pod: nothing recreates it when its node fails
  /// Bound pods (observed usage): node index of each live pod bound to a known node.
  std::vector<int> bound_nodes;
};

/// The cluster's capacity and the input's demand, built once per analysis.
struct Capacity {
  std::vector<std::string> resources;       ///< sorted; "pods" included when nodes state it
  std::vector<NodeCapacity> nodes;          ///< inventory order (by name)
  std::vector<std::string> zones;
  std::vector<std::vector<int>> classes;    ///< distinct eligible node sets, as node indices
  std::vector<WorkloadDemand> workloads;    ///< placement order
  Usage usage = Usage::planned;
  std::size_t bound_pods = 0;
  /// True when at least one node states allocatable; without it nothing about capacity is known.
  bool any_allocatable() const;
  int node_index(const std::string& name) const;  ///< -1 when unknown
};

Capacity build_capacity(const inventory::Inventory& inventory, const placement::PlacementResult& placement);

/// The verdict on one failure.
enum class Fit { fits, does_not_fit, may_not_fit, unknown };
std::string_view to_string(Fit fit);  ///< "fits", "does not fit", "may not fit", "capacity unknown"

/// A resource that a bound proves short: what must go onto some nodes against what they have free.
struct Shortage {
  std::string resource;
  std::int64_t needed = 0;
  std::int64_t available = 0;
  std::string scope;  ///< "eligible nodes of Deployment/ns/web", "any one node of ...", ...
};

/// One workload's pods that must find room after the failure.
struct Move {
  const placement::WorkloadPlacement* placement = nullptr;
  int pods = 0;     ///< pods to place on the survivors
  int placed = 0;   ///< of them, placed by first-fit decreasing
  bool known = true;  ///< false: no requests, capacity unknown
};

/// Whether the pods displaced by one failure fit on the surviving eligible nodes.
struct FitReport {
  Fit verdict = Fit::unknown;
  std::string rests_on;  ///< the bound or the placement found that the verdict rests on
  std::string usage;     ///< describe(usage)
  std::vector<Move> moves;            ///< workloads with pods to move, by name
  std::vector<Shortage> shortages;    ///< proven by a bound (does not fit) or left unplaced (may not fit)
  std::vector<std::string> not_recreated;  ///< bare Pods lost with their node
  int pods_to_move = 0;
  int pods_placed = 0;
  bool packed = false;  ///< first-fit decreasing ran (no bound settled the verdict first)
};

/// Checks the failure of `failed_nodes`. Planned usage: every runnable replica must be placed on
/// the survivors (those lost per `lost` are the ones that move). Observed usage: the pods bound
/// to failed nodes move onto the survivors' free capacity. "fits" only with a placement found
/// (first-fit decreasing over eligible nodes, honouring per-node and per-zone caps); "does not
/// fit" only when a per-resource bound proves it; "may not fit" otherwise.
FitReport check_failure(const Capacity& capacity, const std::vector<std::string>& failed_nodes,
                        const std::vector<std::pair<const placement::WorkloadPlacement*, int>>& lost);

/// One domain whose loss leaves a workload's displaced pods without room, proven by a bound.
struct DomainShortfall {
  std::string key;     ///< topology key
  std::string domain;  ///< node or zone
  std::string why;     ///< "cpu: needs 12, 8 free on the surviving eligible nodes"
  bool gpu = false;    ///< the short resource is a GPU
};

/// A workload and the single-domain losses it cannot recover from.
struct LossReport {
  const placement::WorkloadPlacement* placement = nullptr;
  std::vector<DomainShortfall> shortfalls;  ///< the first few per key, in domain order
  std::size_t total = 0;                    ///< every such domain, listed or not
  bool system = false;                      ///< its eligible nodes are all Run:ai system nodes
};

/// For the loss of any one node and any one zone: the workloads (in placement order) whose
/// displaced pods a bound proves cannot all be rescheduled. Per-class, per-domain sums: the cost
/// grows with the nodes of each eligible class plus pods, not with workloads × nodes × domains.
std::vector<LossReport> unrecoverable_losses(const Capacity& capacity);

/// True when every node of the eligible class is a Run:ai system node (node-role.kubernetes.io/runai-system).
bool system_class(const Capacity& capacity, int eligible_class);

}  // namespace faultline::capacity
