#pragma once
/// Readers shared by the per-kind builders of the model stage.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "faultline/load/tree.hpp"

#include "faultline/model/labels.hpp"
#include "faultline/model/pod_template.hpp"
#include "faultline/model/workload.hpp"
#include "field_reader.hpp"

namespace faultline::model {

/// metav1.LabelSelector at parent[key]; nullopt when absent or invalid (an invalid selector
/// selects nothing in Kubernetes, which nullopt expresses at every use site).
std::optional<LabelSelector> read_label_selector(FieldReader& r, const load::Node& parent, const char* key,
                                                 const std::string& path);

/// A list of NodeSelectorTerms (matchExpressions and matchFields).
std::vector<NodeSelectorTerm> read_node_selector_terms(FieldReader& r, const load::Node& parent, const char* key,
                                                       const std::string& path);

/// One NodeSelectorTerm; an empty one matches no node.
NodeSelectorTerm read_node_selector_term(FieldReader& r, const load::Node& node, const std::string& path);

/// The pod template from its metadata and spec mappings (either may be undefined).
PodTemplate read_pod_template(FieldReader& r, const load::Node& metadata, const load::Node& spec, const std::string& meta_path,
                              const std::string& spec_path);

/// A ResourceList at parent[key] (requests, limits, overhead, allocatable), each value parsed as a
/// quantity in the resource's scale; values that are not quantities or are negative are reported.
ResourceAmounts read_resources(FieldReader& r, const load::Node& parent, const char* key,
                                                   const std::string& path);

/// A Pod's status: Ready, restarts, container waiting reasons, PodScheduled=False.
PodStatus read_pod_status(FieldReader& r, const load::Node& status);

/// A PersistentVolumeClaim spec (standalone claims and StatefulSet volumeClaimTemplates).
ClaimSpec read_claim_spec(FieldReader& r, std::string name, const load::Node& spec, const std::string& path);

}  // namespace faultline::model
