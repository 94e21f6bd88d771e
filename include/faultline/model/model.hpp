#pragma once
/// The typed model of every input object, with the indexes later stages match against.
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "faultline/common/diagnostic.hpp"
#include "faultline/model/objects.hpp"
#include "faultline/model/workload.hpp"

namespace faultline::model {

/// Counts for the report's summary line; documents = objects + failed.
struct ModelStats {
  std::size_t documents = 0;  ///< YAML documents read (each List item counts as one document)
  std::size_t objects = 0;    ///< Kubernetes objects modelled (typed or raw), skipped ones included
  std::size_t skipped = 0;    ///< of those, objects of built-in kinds the analysis does not use
  std::size_t failed = 0;     ///< documents that could not be read or parsed, or had no apiVersion/kind
};

/// Every object of the input. Containers are deques so pointers stay valid while adding
/// (the expand stage appends workloads after loading).
struct Model {
  std::deque<Workload> workloads;
  std::deque<Hpa> hpas;
  std::deque<Pdb> pdbs;
  std::deque<Service> services;
  std::deque<Pvc> pvcs;
  std::deque<Pv> pvs;
  std::deque<StorageClass> storage_classes;
  std::deque<Node> nodes;
  std::deque<WebhookConfiguration> webhooks;
  std::deque<ConfigMap> config_maps;
  std::deque<Event> events;  ///< Events about Pods (cluster dumps)
  std::deque<RawObject> raw;  ///< custom resources and other kinds kept for expanders
  ModelStats stats;

  /// spec.replicas, replaced by an HPA's minReplicas when the HPA targets this workload.
  /// DaemonSets report 1 here; placement counts their pods per eligible node.
  int effective_replicas(const Workload& w) const;
  /// The HPA that targets `w`, if any.
  const Hpa* hpa_for(const Workload& w) const;
  /// Workloads in `ns` whose pod template labels satisfy `selector` (indexed by namespace and label).
  std::vector<const Workload*> workloads_selected(const std::string& ns, const LabelSelector& selector) const;
  /// PDBs that select the pods of `w`.
  std::vector<const Pdb*> pdbs_for(const Workload& w) const;
  /// Services in the workload's namespace whose selector matches its pods.
  std::vector<const Service*> services_for(const Workload& w) const;
  /// Workloads a Service's selector matches, in the Service's namespace.
  std::vector<const Workload*> backends_of(const Service& s) const;
  const Service* find_service(const std::string& ns, const std::string& name) const;
  const ConfigMap* find_config_map(const std::string& ns, const std::string& name) const;
  const Pvc* find_pvc(const std::string& ns, const std::string& name) const;
  const Pv* find_pv(const std::string& name) const;
  const StorageClass* find_storage_class(const std::string& name) const;  ///< "" = the default class
  const Workload* find_workload(std::string_view kind, const std::string& ns, const std::string& name) const;

  /// Builds the indexes; call once after loading and expansion, before matching.
  void build_indexes();

 private:
  struct Index;
  /// The index when it was built for this model as it is now; nullptr otherwise (queries then scan).
  const Index* current_index() const;
  std::shared_ptr<const Index> index_;
};

/// Does the Service's selector (non-empty, same namespace) match the workload's pod labels?
bool service_selects(const Service& s, const Workload& w);

/// Options of the model stage.
struct BuildOptions {
  std::string default_namespace = "default";  ///< --namespace
  /// Count added objects in Model::stats; false for objects not read from the input
  /// (implied by an expander), so that documents = objects + failed still holds.
  bool count_in_stats = true;
};

}  // namespace faultline::model
