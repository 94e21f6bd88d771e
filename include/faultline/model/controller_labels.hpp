#pragma once
/// Labels that controllers add to the pods they create. No manifest shows them, yet selectors
/// match them at run time: a StatefulSet's pods carry statefulset.kubernetes.io/pod-name
/// (<name>-<ordinal>) and apps.kubernetes.io/pod-index (<ordinal>), a Deployment's pods
/// pod-template-hash, a StatefulSet's and a DaemonSet's pods controller-revision-hash.
#include <string_view>
#include <vector>

#include "faultline/model/labels.hpp"
#include "faultline/model/workload.hpp"

namespace faultline::model {

inline constexpr const char* kPodNameLabel = "statefulset.kubernetes.io/pod-name";
inline constexpr const char* kPodIndexLabel = "apps.kubernetes.io/pod-index";

/// Which pods of a workload a selector matches once the controller's labels are added.
struct PodsSelected {
  bool any = false;           ///< at least one pod matches
  std::vector<int> ordinals;  ///< a StatefulSet's pods the selector names, ascending; empty: every pod
};

/// Matches `selector` against the pods of `w`: its template labels plus the controller's. A hash
/// the analysis cannot compute takes the value the selector asks for (the pods of the current
/// template). A StatefulSet's per-pod labels take each existing ordinal (below spec.replicas).
PodsSelected pods_selected(const LabelSelector& selector, const Workload& w);

/// pods_selected(selector, w).any, without building anything when no controller label is named.
bool selects_pods_of(const LabelSelector& selector, const Workload& w);

/// True for a label key some controller sets on its pods.
bool is_controller_label(std::string_view key);

}  // namespace faultline::model
