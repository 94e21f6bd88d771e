#pragma once
/// What one pod of a template asks the scheduler for, computed as Kubernetes does.
#include <cstdint>
#include <string>

#include "faultline/model/pod_template.hpp"

namespace faultline::capacity {

/// Per resource name, in the resource's scale (cpu in millicores, the rest in units).
using ResourceList = model::ResourceAmounts;

/// A pod's requests; `known` is false when no container declares requests or limits, in which
/// case the capacity the pod needs is unknown (never assumed to fit).
struct PodRequests {
  ResourceList amounts;
  bool known = false;
};

/// The pod's effective requests: each container's requests (a limit stands in for a missing
/// request, as the API server defaults it), summed over app containers and sidecars (init
/// containers with restartPolicy Always), the maximum with each init container (plus the sidecars
/// started before it), plus spec.overhead.
PodRequests pod_requests(const model::PodTemplate& pod);

/// "cpu 500m, memory 1Gi, nvidia.com/gpu 1" (sorted by name), or "no requests".
std::string describe(const ResourceList& list);

}  // namespace faultline::capacity
