#pragma once
// The steps of placing one workload, shared by the files of this folder.
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::placement::detail {

/// A node restriction that does not come from the pod spec, such as a volume's node affinity.
struct NodeFilter {
  std::string reason;                          ///< "PersistentVolume pv-1 node affinity"
  std::vector<model::NodeSelectorTerm> terms;  ///< ORed, as in node affinity
};

struct NodeClasses;

/// Nodes the workloads' pods may go to, and the others grouped by why not: one answer per
/// scheduling signature (node name, selector, required node affinity, tolerations, volume
/// filters, DaemonSet or not), computed against classes of nodes those filters cannot tell apart.
class EligibilityIndex {
 public:
  explicit EligibilityIndex(const inventory::Inventory& inv);
  struct Answer {
    std::shared_ptr<const NodeSet> nodes;
    std::shared_ptr<const Exclusions> excluded;  ///< null when every node is eligible
  };
  /// The answer for `w` with `filters`; the same object for every workload of one signature.
  const Answer& find(const model::Workload& w, const std::vector<NodeFilter>& filters);
  std::size_t signatures() const { return answers_.size(); }
  std::size_t node_classes() const;

 private:
  const inventory::Inventory& inv_;
  std::shared_ptr<const NodeClasses> classes_;
  std::unordered_map<std::string, Answer> answers_;
};

/// One hard rule that selects the workload's own pods.
struct HardRule {
  bool spread = false;  ///< a DoNotSchedule topology spread constraint; else a required anti-affinity term
  std::string key;      ///< topology key as written
  const model::TopologySpreadConstraint* tsc = nullptr;
  bool old_pods_count = false;  ///< a Deployment rolling update counts old and new pods together
  std::string text;             ///< "required pod anti-affinity on kubernetes.io/hostname"
};

/// The workload's scheduling rules, sorted into hard, soft (best effort) and ineffective.
struct Rules {
  std::vector<HardRule> hard;
  std::vector<std::string> spread_keys;  ///< every DoNotSchedule key: nodes lacking one take no pod
  std::vector<std::pair<std::string, std::string>> soft;  ///< canonical key, description
  std::vector<std::string> ineffective;
  /// Soft rules that spread over `key` (a spread over any key also spreads over nodes).
  std::vector<std::string> soft_for(const std::string& key) const;
};
Rules classify_rules(const model::Model& model, const model::Workload& w);

/// Deployment rolling-update fenceposts (maxSurge rounded up, maxUnavailable down, 25% each by
/// default; both 0 makes unavailable 1). Zero surge and one unavailable for other kinds.
std::pair<int, int> surge_and_unavailable(const model::Workload& w, int replicas);
/// The pods a spread rule counts: the replicas, plus the surge when old pods count too
/// (saturating at the largest int: 2147483647 replicas and a 25% surge do not fit one).
int counted_pods(const model::Workload& w, int replicas, bool old_pods_count);

/// What storage does to placement: node filters for the whole workload and pins.
struct Storage {
  std::vector<NodeFilter> filters;
  std::vector<Pin> pins;            ///< every pin, for the report
  std::vector<Pin> replica_pins;    ///< pins of one replica each (StatefulSet ordinals)
  std::string zone_collocation;     ///< non-empty: every replica's volume may end up in one zone (why)
};
Storage storage_of(const model::Model& model, const model::Workload& w, int replicas, const inventory::Inventory& inv);

/// How one hard rule bounds the replicas: per domain of its key, and in total.
struct Bound {
  const HardRule* rule = nullptr;
  int per_domain = 0;  ///< at most this many replicas in one domain of rule->key
  int placeable = 0;   ///< at most this many replicas run at all
  std::string why;     ///< how the bound follows, for pending reasons and level reasons
};
std::vector<Bound> bounds_of(const model::Workload& w, const Rules& rules, const inventory::Inventory& inv,
                             const std::vector<const model::Node*>& placeable, int replicas);

/// Fills p.levels with the worst case per topology key over the placeable nodes.
void worst_case_levels(WorkloadPlacement& p, const Rules& rules, const std::vector<Bound>& bounds,
                       const Storage& storage, const inventory::Inventory& inv,
                       const std::vector<const model::Node*>& placeable);

/// Fills p.levels for a DaemonSet: one pod per eligible node.
void daemon_levels(WorkloadPlacement& p, const inventory::Inventory& inv, const std::vector<const model::Node*>& nodes);

/// Without an inventory: fills p.levels with what the hard rules guarantee on any cluster.
void levels_anywhere(WorkloadPlacement& p, const Rules& rules, const inventory::Inventory& inv);
/// The sentences of p.guarantees, from the hard rules alone.
std::vector<std::string> guarantees(const model::Workload& w, int replicas, const Rules& rules,
                                    const inventory::Inventory& inv);

/// Sets p.rollout_deadlock when a rolling update can never progress (k8s-semantics §6).
void check_rollout(WorkloadPlacement& p, const Rules& rules, const std::vector<const model::Node*>& placeable);

/// Attaches the observed placement of Pods with spec.nodeName to the workloads that own them.
void add_observed(PlacementResult& result, const model::Model& model, const inventory::Inventory& inv);

/// "node", "zone", "region" or "<key> domain", for sentences.
std::string noun(const std::string& key);
/// Is every domain of `inner` inside one domain of `outer` on any cluster (hostname in anything, zone in region)?
bool nested_in(const std::string& inner, const std::string& outer);
/// Verdict from the survivors and whether best-effort rules could spread the replicas.
Verdict verdict_for(int runnable, int survivors, bool soft_may_spread);

}  // namespace faultline::placement::detail
