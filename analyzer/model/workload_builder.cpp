// Workload kinds: where each keeps its replicas, selector, template and update strategy.
#include <limits>

#include <fmt/format.h>

#include "builders.hpp"
#include "readers.hpp"

namespace faultline::model {
namespace {

constexpr long kMaxReplicas = std::numeric_limits<int>::max();

/// Deployment and DaemonSet rolling-update parameters with their API defaults.
void read_strategy(WorkloadKind kind, const YAML::Node& spec, FieldReader& r, Workload& w) {
  const bool deployment = kind == WorkloadKind::Deployment;
  const char* key = deployment ? "strategy" : "updateStrategy";
  const std::string path = join_path("spec", key);
  const YAML::Node strategy = r.map(spec, key, "spec");
  w.strategy_type = r.str_or(strategy, "type", path, "RollingUpdate");
  if (w.strategy_type != "RollingUpdate") return;
  const YAML::Node rolling = r.map(strategy, "rollingUpdate", path);
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
void read_statefulset_strategy(const YAML::Node& spec, FieldReader& r, Workload& w) {
  const std::string path = "spec.updateStrategy";
  const YAML::Node strategy = r.map(spec, "updateStrategy", "spec");
  w.strategy_type = r.str_or(strategy, "type", path, "RollingUpdate");
  const YAML::Node rolling = r.map(strategy, "rollingUpdate", path);
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
std::optional<LabelSelector> read_selector(WorkloadKind kind, const YAML::Node& spec, FieldReader& r) {
  if (kind != WorkloadKind::ReplicationController) return read_label_selector(r, spec, "selector", "spec");
  if (!FieldReader::child(spec, "selector")) return std::nullopt;
  LabelSelector selector;
  selector.match_labels = r.string_map(spec, "selector", "spec");
  return selector;
}

}  // namespace

void build_workload(WorkloadKind kind, const YAML::Node& root, FieldReader& r, Model& model) {
  Workload w;
  w.meta = r.meta();
  w.kind = kind;
  const YAML::Node spec = r.map(root, "spec", "");
  if (kind == WorkloadKind::Pod) {
    const YAML::Node metadata = r.map(root, "metadata", "");
    w.pod = read_pod_template(r, metadata, spec, "metadata", "spec");
    const YAML::Node status = r.map(root, "status", "");
    w.phase = r.str_or(status, "phase", "status");
    w.status = read_pod_status(r, status);
    model.workloads.push_back(std::move(w));
    return;
  }
  std::string template_path = "spec.template";
  YAML::Node template_node = r.map(spec, "template", "spec");
  if (kind == WorkloadKind::CronJob) {
    const YAML::Node job = r.map(spec, "jobTemplate", "spec");
    template_node = r.map(r.map(job, "spec", "spec.jobTemplate"), "template", "spec.jobTemplate.spec");
    template_path = "spec.jobTemplate.spec.template";
  }
  if (kind != WorkloadKind::DaemonSet && kind != WorkloadKind::Job && kind != WorkloadKind::CronJob) {
    if (const auto n = r.integer(spec, "replicas", "spec", 0, kMaxReplicas)) w.replicas = static_cast<int>(*n);
  }
  if (kind != WorkloadKind::CronJob) w.selector = read_selector(kind, spec, r);
  w.pod = read_pod_template(r, r.map(template_node, "metadata", template_path), r.map(template_node, "spec", template_path),
                            join_path(template_path, "metadata"), join_path(template_path, "spec"));
  if (kind == WorkloadKind::Deployment || kind == WorkloadKind::DaemonSet) read_strategy(kind, spec, r, w);
  if (kind == WorkloadKind::StatefulSet) {
    read_statefulset_strategy(spec, r, w);
    w.pod_management_policy = r.str_or(spec, "podManagementPolicy", "spec", "OrderedReady");
    r.for_each(spec, "volumeClaimTemplates", "spec", [&](const YAML::Node& item, const std::string& p) {
      const std::string name = r.str_or(r.map(item, "metadata", p), "name", p + ".metadata");
      w.volume_claim_templates.push_back(read_claim_spec(r, name, r.map(item, "spec", p), p + ".spec"));
    });
  }
  model.workloads.push_back(std::move(w));
}

}  // namespace faultline::model
