#pragma once
/// Headroom per domain loss: for the loss of one node, one zone or one domain of any other
/// topology key, how much CPU, memory and GPU the surviving nodes have left (or lack) once the
/// pods that must move are on them. Cluster-wide sums, one pass over nodes and bound pods.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/capacity/capacity.hpp"
#include "faultline/inventory/inventory.hpp"

namespace faultline::capacity {

/// One resource after one loss: free room of the surviving nodes minus the requests that must go
/// there. Negative: short by that much (a sum bound proves the pods cannot all be placed).
struct ResourceHeadroom {
  std::string resource;
  std::int64_t amount = 0;
  std::string worst_domain;  ///< the domain whose loss leaves the least; empty before any loss
  bool short_of() const { return amount < 0; }
};

/// The worst single loss of one topology key, resource by resource (the worst domain may differ
/// from one resource to the next).
struct KeyHeadroom {
  std::string key;
  std::size_t domains = 0;  ///< distinct domains of the key over the inventory's nodes
  std::vector<ResourceHeadroom> resources;  ///< Headroom::resources order
};

struct Headroom {
  Usage usage = Usage::planned;
  std::string usage_note;  ///< describe(usage, bound pods)
  std::vector<std::string> resources;  ///< cpu, memory, then GPU resources, as Capacity names them
  std::vector<ResourceHeadroom> before_loss;  ///< nothing lost: what the cluster has spare now
  std::vector<KeyHeadroom> losses;  ///< per key asked that some node carries, in the order asked
  std::size_t nodes_without_allocatable = 0;  ///< their room is unknown and not counted
  std::size_t unusable_nodes = 0;             ///< NotReady or cordoned: they take no pods, room not counted
  std::size_t unknown_requests = 0;           ///< workloads whose pods must run but state no requests, not counted
};

/// The headroom for each of `keys`; nullopt when no node states allocatable (nothing is known).
/// Planned usage: every runnable replica must fit on the survivors (DaemonSet pods take their
/// share of each eligible node). Observed usage: the pods bound to the lost domain's nodes move
/// onto the survivors' free room; DaemonSet pods go with their node, bare Pods are not recreated.
/// Cluster-wide: "short" is proven, "spare" may still be out of reach of pods whose eligible
/// nodes are full (capacity-after-loss checks per eligible class).
std::optional<Headroom> headroom(const Capacity& capacity, const inventory::Inventory& inventory,
                                 const std::vector<std::string>& keys);

}  // namespace faultline::capacity
