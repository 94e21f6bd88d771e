#pragma once
/// Where each workload's replicas may go: eligible nodes and the worst case per topology key.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"

namespace faultline::placement {

/// Whether a workload survives the loss of any one domain of a key.
enum class Verdict { survives, does_not_survive, best_effort, unknown };
std::string_view to_string(Verdict v);  ///< "survives", "does not survive", "best effort", "unknown"

/// An immutable list of names shared between placements (worst domains of one signature), so
/// a thousand workloads with the same answer hold one copy. Reads like a const vector.
class NameList {
 public:
  NameList() = default;
  // cppcheck-suppress noExplicitConstructor ; a list of names converts implicitly, as the vector it replaced did
  NameList(std::vector<std::string> names) : names_(std::make_shared<const std::vector<std::string>>(std::move(names))) {}
  const std::vector<std::string>& get() const { return names_ ? *names_ : none(); }
  operator const std::vector<std::string>&() const { return get(); }
  std::size_t size() const { return get().size(); }
  bool empty() const { return get().empty(); }
  const std::string& front() const { return get().front(); }
  const std::string& operator[](std::size_t i) const { return get()[i]; }
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  friend bool operator==(const NameList& a, const std::vector<std::string>& b) { return a.get() == b; }

 private:
  static const std::vector<std::string>& none() {
    static const std::vector<std::string> none;
    return none;
  }
  std::shared_ptr<const std::vector<std::string>> names_;
};

/// Nodes of the inventory as indices into Inventory::nodes (ascending), with a membership bitset;
/// one set is shared by every workload with the same scheduling signature.
class NodeSet {
 public:
  explicit NodeSet(std::size_t universe = 0) : bits_((universe + 63) / 64, 0) {}
  /// Adds node `i`; indices must come in ascending order.
  void add(std::size_t i);
  bool contains(std::size_t i) const { return i / 64 < bits_.size() && (bits_[i / 64] >> (i % 64) & 1U) != 0; }
  std::size_t size() const { return members_.size(); }
  const std::vector<std::uint32_t>& members() const { return members_; }
  /// The member nodes, in inventory order (by name).
  std::vector<const model::Node*> nodes(const inventory::Inventory& inv) const;
  /// Their names, in inventory order.
  std::vector<std::string> names(const inventory::Inventory& inv) const;
  /// The nodes of `inv` called `names` (unknown names are ignored): for tests and benchmarks.
  static NodeSet of(const inventory::Inventory& inv, const std::vector<std::string>& names);

 private:
  std::vector<std::uint32_t> members_;
  std::vector<std::uint64_t> bits_;
};

/// The worst case for one topology key.
struct LevelPlacement {
  std::string key;
  int domains = 0;                    ///< eligible domains (0 without an inventory)
  int max_in_one_domain = 0;          ///< largest share of one domain a rule-abiding scheduler allows
  int survivors_after_worst_loss = 0; ///< running replicas guaranteed to remain after losing any one domain
  Verdict verdict = Verdict::unknown;
  NameList worst_domains;                   ///< domains that can hold max_in_one_domain replicas
  std::string reason;                       ///< which hard rule bounds it, or why it is best effort
  bool hard = false;  ///< a hard rule (required anti-affinity, DoNotSchedule spread) lowers the bound
};

/// A group of nodes excluded for one reason ("3 nodes: taint dedicated=gpu:NoSchedule not tolerated").
struct Exclusion {
  std::vector<std::string> nodes;
  std::string reason;
};

/// The excluded node groups of one scheduling signature, described on first use: only the
/// rules that report them (unschedulable) pay for the sentences.
class Exclusions {
 public:
  explicit Exclusions(std::function<std::vector<Exclusion>()> describe) : describe_(std::move(describe)) {}
  const std::vector<Exclusion>& get() const {
    std::call_once(once_, [this] { groups_ = describe_(); });
    return groups_;
  }

 private:
  std::function<std::vector<Exclusion>()> describe_;
  mutable std::once_flag once_;
  mutable std::vector<Exclusion> groups_;
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
  std::shared_ptr<const NodeSet> eligible;       ///< eligible nodes, shared per signature; null without an inventory
  std::shared_ptr<const Exclusions> excluded;    ///< why the other nodes are not eligible; null when none are known
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
  /// The excluded node groups ("3 nodes: taint ... not tolerated"), empty when none.
  const std::vector<Exclusion>& exclusions() const;
  /// Replicas that can run: replicas − pending.
  int runnable() const { return replicas - pending; }
};

/// Placement of every availability-target workload, in model order.
struct PlacementResult {
  std::vector<WorkloadPlacement> workloads;
  /// The placement of `w`, or null; constant time (an index built on first use after a change in size).
  const WorkloadPlacement* find(const model::Workload& w) const;

 private:
  mutable std::unordered_map<const model::Workload*, std::size_t> index_;
};

/// Places every availability target of `model` on `inventory` (which may be empty).
PlacementResult place(const model::Model& model, const inventory::Inventory& inventory);

/// The worst-case share of one domain for R pods under one DoNotSchedule constraint with
/// maxSkew S over D domains that can all take pods: R if R ≤ S, else S + ⌊(R − S)/D⌋.
int max_in_one_domain(int replicas, int max_skew, int domains);

}  // namespace faultline::placement
