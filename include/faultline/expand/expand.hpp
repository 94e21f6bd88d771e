#pragma once
/// Operators create workloads at run time that no rendered manifest holds; expanders add them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/load/document.hpp"
#include "faultline/model/model.hpp"

namespace faultline::expand {

/// Bounds on what one custom resource may imply, applied to every expander by the shared code.
struct Limits {
  /// Pods one resource may imply (replicas summed over its workloads, e.g. shards × replicas);
  /// a resource implying more is reported and none of its workloads is added (--max-expanded).
  std::size_t max_pods = 1000;
};

/// Adds the workloads implied by custom resources in `model.raw` (prometheus-operator
/// Prometheus/Alertmanager/ThanosRuler, Run:ai RunaiConfig). Each added workload has
/// meta.expanded_from set and the custom resource's location. Problems become diagnostics.
/// A workload the input already holds (same kind, namespace and name) is never added again.
/// Any failure inside one resource (out of memory included) becomes a diagnostic about it.
void expand(model::Model& model, Diagnostics& diags, const Limits& limits = {});

/// The manifest an operator would submit, as a yaml-cpp tree (expanders write it node by node),
/// located at the custom resource.
struct ImpliedManifest {
  YAML::Node root;
  SourceLocation where;
};

/// A workload an operator would create, written as the manifest it would submit.
struct ImpliedObject {
  ImpliedManifest doc;        ///< the manifest, located at the custom resource
  std::string expanded_from;  ///< the custom resource, "Kind/namespace/name"
};

/// The manifests implied by one custom resource, in a stable order; empty for kinds no
/// expander knows. Fields of the wrong type become diagnostics at the resource's file:line; past
/// `limits` the result is empty and says so.
std::vector<ImpliedObject> implied_objects(const model::RawObject& cr, Diagnostics& diags, const Limits& limits = {});
/// The same, with the rest of the input at hand for expanders that read related objects (an
/// operator's configuration, a Kafka's node pools); `model` may be null.
std::vector<ImpliedObject> implied_objects(const model::RawObject& cr, const model::Model* model, Diagnostics& diags,
                                           const Limits& limits = {});

/// One info naming the custom resources whose pods an operator creates but no expander models:
/// kinds of known operators, and resources of CRDs in the input with a replicas-like field.
void report_not_analyzed(const model::Model& model, Diagnostics& diags);

/// True for the custom resource kinds an expander reads, so the model stage keeps their bodies.
bool expands(std::string_view api_version, std::string_view kind);

}  // namespace faultline::expand
