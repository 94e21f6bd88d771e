#pragma once
// Building the manifests operators would write: skeletons, scheduling fields copied from a CR.
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "cr_reader.hpp"
#include "faultline/expand/expand.hpp"
#include "faultline/model/labels.hpp"

namespace faultline::expand::detail {

/// A Deployment, StatefulSet or DaemonSet with metadata, matchLabels selector and pod labels.
/// Annotations of the resource under faultline.io/ (suppressions) are carried over.
YAML::Node workload_manifest(const CrReader& r, const std::string& kind, const std::string& ns,
                             const std::string& name, const model::Labels& pod_labels,
                             const model::Labels& selector);

/// Copies affinity, nodeSelector, tolerations, topologySpreadConstraints and priorityClassName
/// from `from` (a CR spec at `path`) into `pod_spec`; a field of the wrong type is reported and skipped.
void copy_scheduling(const CrReader& r, const YAML::Node& from, const std::string& path, YAML::Node pod_spec);

/// One container with a name and an image.
YAML::Node container(const std::string& name, const std::string& image);

/// Wraps `manifest` as a document located at the resource, counted against the resource's
/// pod limit (throws ExpansionLimitExceeded past it).
ImpliedObject implied(const CrReader& r, YAML::Node manifest, const std::string& expanded_from);

}  // namespace faultline::expand::detail
