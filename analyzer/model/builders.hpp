#pragma once
/// One builder per kind family; builder.cpp picks one by kind and counts the result.
#include <yaml-cpp/yaml.h>

#include "faultline/model/model.hpp"
#include "field_reader.hpp"

namespace faultline::model {

/// Workloads (Deployment … CronJob), with their pod template.
void build_workload(WorkloadKind kind, const load::Node& root, FieldReader& r, Model& model);
/// HorizontalPodAutoscaler and PodDisruptionBudget.
void build_hpa(const load::Node& root, FieldReader& r, Model& model);
void build_pdb(const load::Node& root, FieldReader& r, Model& model);
/// Service and admission webhook configurations.
void build_service(const load::Node& root, FieldReader& r, Model& model);
void build_webhooks(bool mutating, const load::Node& root, FieldReader& r, Model& model);
/// PersistentVolumeClaim, PersistentVolume, StorageClass.
void build_pvc(const load::Node& root, FieldReader& r, Model& model);
void build_pv(const load::Node& root, FieldReader& r, Model& model);
void build_storage_class(const load::Node& root, FieldReader& r, Model& model);
/// Node and ConfigMap.
void build_node(const load::Node& root, FieldReader& r, Model& model);
void build_config_map(const load::Node& root, FieldReader& r, Model& model);
void build_event(const load::Node& root, FieldReader& r, Model& model);
/// What the expand stage reads of a CustomResourceDefinition (group, kind, the paths of its spec
/// schema that lead to a replicas-like property), in the document's shape; the rest is dropped.
YAML::Node crd_outline(const load::Node& root);

}  // namespace faultline::model
