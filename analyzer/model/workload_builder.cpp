// Workload kinds: where each keeps its replicas, selector, template and update strategy.
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "builders.hpp"
#include "readers.hpp"

namespace faultline::model {
namespace {

constexpr long kMaxReplicas = std::numeric_limits<int>::max();

/// Deployment and DaemonSet rolling-update parameters with their API defaults.
void read_strategy(WorkloadKind kind, const load::Node& spec, FieldReader& r, WorkloadDetail& w) {
  const bool deployment = kind == WorkloadKind::Deployment;
  const char* key = deployment ? "strategy" : "updateStrategy";
  const std::string path = join_path("spec", key);
  const load::Node strategy = r.map(spec, key, "spec");
  w.strategy_type = r.str_or(strategy, "type", path, "RollingUpdate");
  if (w.strategy_type != "RollingUpdate") return;
  const load::Node rolling = r.map(strategy, "rollingUpdate", path);
  const std::string rolling_path = join_path(path, "rollingUpdate");
  w.max_unavailable = r.int_or_percent(rolling, "maxUnavailable", rolling_path, 100);
  w.max_surge = r.int_or_percent(rolling, "maxSurge", rolling_path, std::numeric_limits<int>::max());
  if (deployment) {
    if (!w.max_unavailable) w.max_unavailable = IntOrPercent{25, true};
    if (!w.max_surge) w.max_surge = IntOrPercent{25, true};
  } else if (kind == WorkloadKind::DaemonSet) {
    if (!w.max_unavailable) w.max_unavailable = IntOrPercent{1, false};
    if (!w.max_surge) w.max_surge = IntOrPercent{0, false};
  }
}

/// StatefulSet updateStrategy, checked as the API server validates it (apps/validation
/// validateRollingUpdateStatefulSet): a value it would reject is reported and left out.
void read_statefulset_strategy(const load::Node& spec, FieldReader& r, WorkloadDetail& w) {
  const std::string path = "spec.updateStrategy";
  const load::Node strategy = r.map(spec, "updateStrategy", "spec");
  w.strategy_type = r.str_or(strategy, "type", path, "RollingUpdate");
  const load::Node rolling = r.map(strategy, "rollingUpdate", path);
  const std::string rolling_path = join_path(path, "rollingUpdate");
  if (w.strategy_type == "OnDelete") {
    if (rolling) r.error(rolling, rolling_path, "only allowed with updateStrategy type RollingUpdate");
    return;
  }
  if (w.strategy_type != "RollingUpdate") {
    r.error(FieldReader::child(strategy, "type"), join_path(path, "type"),
            fmt::format("unsupported value \"{}\" (expected RollingUpdate or OnDelete)", w.strategy_type));
    return;
  }
  w.partition = static_cast<int>(r.integer(rolling, "partition", rolling_path, 0, kMaxReplicas).value_or(0));
  w.max_unavailable = r.int_or_percent(rolling, "maxUnavailable", rolling_path, 100);
  if (w.max_unavailable && w.max_unavailable->value == 0) {
    r.error(FieldReader::child(rolling, "maxUnavailable"), join_path(rolling_path, "maxUnavailable"), "cannot be 0");
    w.max_unavailable.reset();
  }
}

/// ReplicationController's selector is a plain label map, not a LabelSelector.
std::optional<LabelSelector> read_selector(WorkloadKind kind, const load::Node& spec, FieldReader& r) {
  if (kind != WorkloadKind::ReplicationController) return read_label_selector(r, spec, "selector", "spec");
  if (!FieldReader::child(spec, "selector")) return std::nullopt;
  LabelSelector selector;
  selector.match_labels = r.string_map(spec, "selector", "spec");
  return selector;
}

/// A string's or vector's clear() keeps its buffer; moving the value out frees it.
template <typename T>
void release(T& value) {
  const T dropped = std::exchange(value, T{});
}

/// A cluster dump holds several Pods and ReplicaSets per Deployment, so what these keep is most
/// of the model. They are read and checked in full (their diagnostics are any workload's), but
/// they are not availability targets: placement, the graph and every rule template that looks
/// at a workload's own spec skip them. What later stages do read of them:
/// - kind, meta.ref, owners, where and also_at: the index and find_workload, repeated objects,
///   is_availability_target (the summary's count), observed placement's owner chain
///   (Pod → ReplicaSet → Deployment), note_missing_status;
/// - meta.labels' pod-template-hash only: observed placement names a missing ReplicaSet's
///   Deployment by it;
/// - pod.labels: Service and PodDisruptionBudget selection (the index, backends_of, pdbs_for,
///   pdb_targets, pods_selected) and the expand stage's pods an operator already created;
/// - replicas: pods_selected (read only for StatefulSets, kept as it costs nothing);
/// - phase, status, pod.node_name: observed placement, observed health, capacity's bound pods;
/// - containers' name, image and init: observed images; requests, limits, restart_policy and
///   pod.overhead: capacity's pod_requests of each bound pod; port_names: service-no-backend
///   names the first workload in input order that declares a port, owned ones included.
/// Dropped: annotations (suppression, depends-on and quorum are read from targets only); the
/// whole Workload::detail (the selector: no stage reads a workload's own; rollout fields) and
/// PodTemplate::detail (nodeSelector, affinities, tolerations, spread constraints, volumes,
/// priority class and scheduler name: placement of targets), which are freed rather than
/// emptied, so each costs a pointer; env, envFrom, command and args (dependency extraction and
/// rules, targets only), host ports (DaemonSet rollouts). Probes and hostNetwork are flags and
/// cost nothing to keep. Repeated objects compare the documents' text, not the model, and the
/// reports list only availability targets.
void keep_what_owned_objects_need(Workload& w) {
  Labels hash;
  if (const auto it = w.meta.labels.find("pod-template-hash"); it != w.meta.labels.end()) hash.insert(std::move(*it));
  w.meta.labels.swap(hash);
  release(w.meta.annotations);
  w.detail.reset();
  PodTemplate& pod = w.pod;
  pod.detail.reset();
  for (Container& c : pod.containers) {
    release(c.command);
    release(c.args);
    release(c.env);
    release(c.env_from_config_maps);
    release(c.host_ports);
    c.port_names.shrink_to_fit();
  }
  pod.containers.shrink_to_fit();
}

/// A Pod with any owner, or a ReplicaSet that a workload controls: neither is an availability target.
bool owned_pod_or_replica_set(const Workload& w) {
  return (w.kind == WorkloadKind::Pod || w.kind == WorkloadKind::ReplicaSet) && !w.is_availability_target();
}

void add_workload(Workload&& w, Model& model) {
  if (owned_pod_or_replica_set(w)) keep_what_owned_objects_need(w);
  model.workloads.push_back(std::move(w));
}

}  // namespace

void build_workload(WorkloadKind kind, const load::Node& root, FieldReader& r, Model& model) {
  Workload w;
  w.meta = r.meta();
  w.kind = kind;
  const load::Node spec = r.map(root, "spec", "");
  if (kind == WorkloadKind::Pod) {
    const load::Node metadata = r.map(root, "metadata", "");
    w.pod = read_pod_template(r, metadata, spec, "metadata", "spec");
    const load::Node status = r.map(root, "status", "");
    w.phase = r.str_or(status, "phase", "status");
    w.status = read_pod_status(r, status);
    add_workload(std::move(w), model);
    return;
  }
  std::string template_path = "spec.template";
  load::Node template_node = r.map(spec, "template", "spec");
  if (kind == WorkloadKind::CronJob) {
    const load::Node job = r.map(spec, "jobTemplate", "spec");
    template_node = r.map(r.map(job, "spec", "spec.jobTemplate"), "template", "spec.jobTemplate.spec");
    template_path = "spec.jobTemplate.spec.template";
  }
  if (kind != WorkloadKind::DaemonSet && kind != WorkloadKind::Job && kind != WorkloadKind::CronJob) {
    if (const auto n = r.integer(spec, "replicas", "spec", 0, kMaxReplicas)) w.replicas = static_cast<int>(*n);
  }
  WorkloadDetail& detail = w.detail.edit();
  if (kind != WorkloadKind::CronJob) detail.selector = read_selector(kind, spec, r);
  w.pod = read_pod_template(r, r.map(template_node, "metadata", template_path), r.map(template_node, "spec", template_path),
                            join_path(template_path, "metadata"), join_path(template_path, "spec"));
  if (kind == WorkloadKind::Deployment || kind == WorkloadKind::DaemonSet) read_strategy(kind, spec, r, detail);
  if (kind == WorkloadKind::StatefulSet) {
    read_statefulset_strategy(spec, r, detail);
    detail.pod_management_policy = r.str_or(spec, "podManagementPolicy", "spec", "OrderedReady");
    r.for_each(spec, "volumeClaimTemplates", "spec", [&](const load::Node& item, const std::string& p) {
      const std::string name = r.str_or(r.map(item, "metadata", p), "name", p + ".metadata");
      detail.volume_claim_templates.push_back(read_claim_spec(r, name, r.map(item, "spec", p), p + ".spec"));
    });
  }
  add_workload(std::move(w), model);
}

}  // namespace faultline::model
