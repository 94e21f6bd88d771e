#pragma once
/// Where each workload's replicas may go: eligible nodes and the worst case per topology key.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"

namespace faultline::placement {

/// Whether a workload survives the loss of any one domain of a key.
enum class Verdict { survives, does_not_survive, best_effort, unknown };
std::string_view to_string(Verdict v);  ///< "survives", "does not survive", "best effort", "unknown"

/// The worst case for one topology key.
struct LevelPlacement {
  std::string key;
  int domains = 0;                    ///< eligible domains (0 without an inventory)
  int max_in_one_domain = 0;          ///< largest share of one domain a rule-abiding scheduler allows
  int survivors_after_worst_loss = 0; ///< running replicas guaranteed to remain after losing any one domain
  Verdict verdict = Verdict::unknown;
  std::vector<std::string> worst_domains;  ///< domains that can hold max_in_one_domain replicas
  std::string reason;                       ///< which hard rule bounds it, or why it is best effort
  bool hard = false;  ///< a hard rule (required anti-affinity, DoNotSchedule spread) lowers the bound
};

/// A group of nodes excluded for one reason ("3 nodes: taint dedicated=gpu:NoSchedule not tolerated").
struct Exclusion {
  std::vector<std::string> nodes;
  std::string reason;
};

/// A replica pinned to a node or zone by its storage (or by spec.nodeName).
struct Pin {
  std::string volume;  ///< claim or PV name
  std::string key;     ///< topology key pinned (hostname or zone)
  std::string domain;  ///< the node or zone, when known
  std::string reason;
};

/// Where a workload's pods run today, from Pods with spec.nodeName in a cluster dump.
struct Observed {
  int running = 0;
  /// Every live Pod (not Succeeded or Failed) the workload owns, bound or Pending, in input order.
  std::vector<const model::Workload*> pods;
  std::map<std::string, int> per_node;
  std::map<std::string, int> per_zone;  ///< only pods whose node is in the inventory with a zone
};

/// Placement of one workload.
struct WorkloadPlacement {
  const model::Workload* workload = nullptr;
  int replicas = 0;                    ///< effective replicas (DaemonSet: eligible nodes)
  std::optional<int> eligible_nodes;   ///< nullopt without an inventory
  std::vector<std::string> eligible;   ///< eligible node names
  std::vector<Exclusion> excluded;
  std::vector<LevelPlacement> levels;  ///< one per inventory topology key, in that order
  int pending = 0;                     ///< replicas that can never be placed (0 without an inventory)
  std::string pending_reason;
  bool rollout_deadlock = false;
  std::string rollout_reason;          ///< why the rolling update cannot progress
  std::vector<Pin> pins;
  std::vector<std::string> best_effort;  ///< preferred rules / ScheduleAnyway / default spreading, described
  std::optional<Observed> observed;
  /// Guarantee that holds on any cluster, e.g. "required hostname anti-affinity guarantees 3 distinct nodes".
  std::vector<std::string> guarantees;
  /// A required pod anti-affinity or DoNotSchedule spread that selects the workload's own pods
  /// keeps its replicas on distinct nodes (or bounds them per node). Rules that flag a missing
  /// node spread without an inventory read this; with one, the hostname level says more.
  bool hard_hostname_spread = false;
  /// Hard rules found that do nothing, with why ("labelSelector {} counts no pods").
  std::vector<std::string> ineffective_rules;

  const LevelPlacement* level(const std::string& key) const;
  /// Replicas that can run: replicas − pending.
  int runnable() const { return replicas - pending; }
};

/// Placement of every availability-target workload, in model order.
struct PlacementResult {
  std::vector<WorkloadPlacement> workloads;
  const WorkloadPlacement* find(const model::Workload& w) const;
};

/// Places every availability target of `model` on `inventory` (which may be empty).
PlacementResult place(const model::Model& model, const inventory::Inventory& inventory);

/// The worst-case share of one domain for R pods under one DoNotSchedule constraint with
/// maxSkew S over D domains that can all take pods: R if R ≤ S, else S + ⌊(R − S)/D⌋.
int max_in_one_domain(int replicas, int max_skew, int domains);

}  // namespace faultline::placement
