#pragma once
/// Workloads that need a majority of their replicas (etcd, ZooKeeper, Consul, raft stores, ...).
#include <string>

#include "faultline/graph/declared.hpp"
#include "faultline/model/workload.hpp"

namespace faultline::graph {

/// The annotation that marks a workload as quorum-based: `faultline.io/quorum: majority`.
inline constexpr const char* kQuorumAnnotation = "faultline.io/quorum";

/// Why `w` needs a majority ("annotation faultline.io/quorum: majority", or the declaration's
/// reason and pack file), or empty when it does not.
std::string quorum_reason(const model::Workload& w, const Declarations& declarations);

/// Smallest majority of `replicas`: ⌊replicas / 2⌋ + 1.
inline int majority(int replicas) { return replicas / 2 + 1; }

}  // namespace faultline::graph
