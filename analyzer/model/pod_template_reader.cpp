// The pod template: every field the scheduler and the dependency extraction read.
#include <limits>

#include <fmt/format.h>

#include "faultline/model/quantity.hpp"
#include "readers.hpp"

namespace faultline::model {
namespace {

NodeAffinity read_node_affinity(FieldReader& r, const load::Node& affinity, const std::string& path) {
  NodeAffinity out;
  const std::string na_path = join_path(path, "nodeAffinity");
  const load::Node na = r.map(affinity, "nodeAffinity", path);
  const load::Node required = r.map(na, "requiredDuringSchedulingIgnoredDuringExecution", na_path);
  out.required = read_node_selector_terms(r, required, "nodeSelectorTerms",
                                          join_path(na_path, "requiredDuringSchedulingIgnoredDuringExecution"));
  r.for_each(na, "preferredDuringSchedulingIgnoredDuringExecution", na_path, [&](const load::Node& item, const std::string& p) {
    NodeAffinity::Preferred pref;
    pref.weight = static_cast<int>(r.integer(item, "weight", p, 1, 100).value_or(0));
    pref.preference = read_node_selector_term(r, r.map(item, "preference", p), join_path(p, "preference"));
    out.preferred.push_back(std::move(pref));
  });
  return out;
}

PodAffinityTerm read_pod_affinity_term(FieldReader& r, const load::Node& node, const std::string& path) {
  PodAffinityTerm term;
  term.label_selector = read_label_selector(r, node, "labelSelector", path);
  term.namespaces = r.string_list(node, "namespaces", path);
  term.namespace_selector = read_label_selector(r, node, "namespaceSelector", path);
  term.topology_key = r.str_or(node, "topologyKey", path);
  if (term.topology_key.empty()) r.error(node, join_path(path, "topologyKey"), "topologyKey is required and must not be empty");
  term.match_label_keys = r.string_list(node, "matchLabelKeys", path);
  term.mismatch_label_keys = r.string_list(node, "mismatchLabelKeys", path);
  return term;
}

PodAffinity read_pod_affinity(FieldReader& r, const load::Node& affinity, const char* key, const std::string& path) {
  PodAffinity out;
  const std::string pa_path = join_path(path, key);
  const load::Node pa = r.map(affinity, key, path);
  r.for_each(pa, "requiredDuringSchedulingIgnoredDuringExecution", pa_path, [&](const load::Node& item, const std::string& p) {
    out.required.push_back(read_pod_affinity_term(r, item, p));
  });
  r.for_each(pa, "preferredDuringSchedulingIgnoredDuringExecution", pa_path, [&](const load::Node& item, const std::string& p) {
    PodAffinity::Preferred pref;
    pref.weight = static_cast<int>(r.integer(item, "weight", p, 1, 100).value_or(0));
    pref.term = read_pod_affinity_term(r, r.map(item, "podAffinityTerm", p), join_path(p, "podAffinityTerm"));
    out.preferred.push_back(std::move(pref));
  });
  return out;
}

std::vector<Toleration> read_tolerations(FieldReader& r, const load::Node& spec, const std::string& path) {
  std::vector<Toleration> out;
  r.for_each(spec, "tolerations", path, [&](const load::Node& item, const std::string& p) {
    Toleration t;
    t.key = r.str_or(item, "key", p);
    t.op = r.str_or(item, "operator", p, "Equal");
    if (t.op != "Equal" && t.op != "Exists") r.error(item, p + ".operator", fmt::format("unknown operator \"{}\" (expected Equal or Exists)", t.op));
    t.value = r.str_or(item, "value", p);
    t.effect = r.str_or(item, "effect", p);
    if (const auto s = r.integer(item, "tolerationSeconds", p, std::numeric_limits<long>::min(), std::numeric_limits<long>::max()))
      t.toleration_seconds = *s;
    out.push_back(std::move(t));
  });
  return out;
}

std::vector<TopologySpreadConstraint> read_spread(FieldReader& r, const load::Node& spec, const std::string& path) {
  std::vector<TopologySpreadConstraint> out;
  r.for_each(spec, "topologySpreadConstraints", path, [&](const load::Node& item, const std::string& p) {
    TopologySpreadConstraint c;
    if (const auto skew = r.integer(item, "maxSkew", p, 1, std::numeric_limits<int>::max())) {
      c.max_skew = static_cast<int>(*skew);
    } else if (!FieldReader::child(item, "maxSkew")) {
      r.error(item, p + ".maxSkew", "maxSkew is required (an integer of at least 1); 1 assumed");
    }
    c.topology_key = r.str_or(item, "topologyKey", p);
    if (c.topology_key.empty()) r.error(item, p + ".topologyKey", "topologyKey is required and must not be empty");
    c.when_unsatisfiable = r.str_or(item, "whenUnsatisfiable", p, "DoNotSchedule");
    if (c.when_unsatisfiable != "DoNotSchedule" && c.when_unsatisfiable != "ScheduleAnyway") {
      r.error(item, p + ".whenUnsatisfiable",
              fmt::format("unknown value \"{}\" (expected DoNotSchedule or ScheduleAnyway)", c.when_unsatisfiable));
    }
    c.label_selector = read_label_selector(r, item, "labelSelector", p);
    if (const auto d = r.integer(item, "minDomains", p, 1, std::numeric_limits<int>::max())) c.min_domains = static_cast<int>(*d);
    c.node_affinity_policy = r.str_or(item, "nodeAffinityPolicy", p, "Honor");
    c.node_taints_policy = r.str_or(item, "nodeTaintsPolicy", p, "Ignore");
    for (const auto& [field, value] : {std::pair{"nodeAffinityPolicy", &c.node_affinity_policy}, std::pair{"nodeTaintsPolicy", &c.node_taints_policy}}) {
      if (*value != "Honor" && *value != "Ignore")
        r.error(item, join_path(p, field), fmt::format("unknown value \"{}\" (expected Honor or Ignore)", *value));
    }
    c.match_label_keys = r.string_list(item, "matchLabelKeys", p);
    out.push_back(std::move(c));
  });
  return out;
}

/// One Volume entry per volume; a projected volume gets one entry per ConfigMap source.
void read_volume(FieldReader& r, const load::Node& item, const std::string& p, std::vector<Volume>& out) {
  Volume v;
  v.name = r.str_or(item, "name", p);
  if (item.IsMap()) {
    for (const auto& kv : item) {
      if (kv.first.IsScalar() && kv.first.Scalar() != "name") {
        v.type = kv.first.Scalar();
        break;
      }
    }
  }
  if (const load::Node pvc = r.map(item, "persistentVolumeClaim", p)) v.claim_name = r.str_or(pvc, "claimName", p + ".persistentVolumeClaim");
  if (const load::Node cm = r.map(item, "configMap", p)) v.config_map = r.str_or(cm, "name", p + ".configMap");
  const load::Node projected = r.map(item, "projected", p);
  bool any_source = false;
  r.for_each(projected, "sources", p + ".projected", [&](const load::Node& source, const std::string& sp) {
    if (const load::Node cm = r.map(source, "configMap", sp)) {
      Volume entry = v;
      entry.config_map = r.str_or(cm, "name", sp + ".configMap");
      out.push_back(std::move(entry));
      any_source = true;
    }
  });
  if (!any_source) out.push_back(std::move(v));
}

/// ports[]: the ones bound on the node. With hostNetwork the API sets hostPort to containerPort.
// One pass over ports[]: the host ports the container holds (hostPort, or every containerPort
// under hostNetwork, where the API fills hostPort in) and the names a Service's targetPort may use.
void read_ports(FieldReader& r, const load::Node& item, const std::string& p, bool host_network, Container& c) {
  r.for_each(item, "ports", p, [&](const load::Node& port, const std::string& pp) {
    long host = r.integer(port, "hostPort", pp, 0, 65535).value_or(0);
    if (host == 0 && host_network) host = r.integer(port, "containerPort", pp, 0, 65535).value_or(0);
    if (host > 0) c.host_ports.push_back(fmt::format("{}/{}", host, r.str_or(port, "protocol", pp, "TCP")));
    if (auto name = r.str(port, "name", pp)) c.port_names.push_back(std::move(*name));
  });
}

Container read_container(FieldReader& r, const load::Node& item, const std::string& p, bool host_network) {
  Container c;
  c.name = r.str_or(item, "name", p);
  c.image = r.str_or(item, "image", p);
  c.command = r.string_list(item, "command", p);
  c.args = r.string_list(item, "args", p);
  r.for_each(item, "env", p, [&](const load::Node& e, const std::string& ep) {
    Container::EnvVar var;
    var.name = r.str_or(e, "name", ep);
    var.value = r.str_or(e, "value", ep);
    const load::Node from = r.map(e, "valueFrom", ep);
    if (const load::Node ref = r.map(from, "configMapKeyRef", ep + ".valueFrom")) {
      var.config_map_ref = r.str_or(ref, "name", ep + ".valueFrom.configMapKeyRef");
      var.config_map_key = r.str_or(ref, "key", ep + ".valueFrom.configMapKeyRef");
    }
    c.env.push_back(std::move(var));
  });
  r.for_each(item, "envFrom", p, [&](const load::Node& e, const std::string& ep) {
    if (const load::Node ref = r.map(e, "configMapRef", ep)) c.env_from_config_maps.push_back(r.str_or(ref, "name", ep + ".configMapRef"));
  });
  c.has_readiness_probe = static_cast<bool>(r.map(item, "readinessProbe", p));
  c.has_liveness_probe = static_cast<bool>(r.map(item, "livenessProbe", p));
  const load::Node resources = r.map(item, "resources", p);
  c.requests = read_resources(r, resources, "requests", join_path(p, "resources"));
  c.limits = read_resources(r, resources, "limits", join_path(p, "resources"));
  c.restart_policy = r.str_or(item, "restartPolicy", p);
  read_ports(r, item, p, host_network, c);
  return c;
}

}  // namespace

ResourceAmounts read_resources(FieldReader& r, const load::Node& parent, const char* key, const std::string& path) {
  const load::Node list = r.map(parent, key, path);
  if (!list) return {};
  const std::string list_path = join_path(path, key);
  ResourceAmounts::sequence_type entries;
  for (const auto& kv : list) {
    if (!kv.first.IsScalar()) continue;
    const std::string name(kv.first.Scalar());
    if (!kv.second.IsScalar()) {
      r.error(kv.second, join_path(list_path, name), "expected a quantity such as 500m or 1Gi");
      continue;
    }
    std::string error;
    const auto amount = parse_quantity(kv.second.Scalar(), resource_scale(name), error);
    if (!amount) r.error(kv.second, join_path(list_path, name), error);
    else if (*amount < 0) r.error(kv.second, join_path(list_path, name), fmt::format("\"{}\" is negative", kv.second.Scalar()));
    else entries.emplace_back(name, *amount);
  }
  return sorted_map<ResourceAmounts>(std::move(entries));
}

PodTemplate read_pod_template(FieldReader& r, const load::Node& metadata, const load::Node& spec, const std::string& meta_path,
                              const std::string& spec_path) {
  PodTemplate pod;
  pod.labels = r.string_map(metadata, "labels", meta_path);
  PodTemplateDetail& detail = pod.detail.edit();
  detail.annotations = r.string_map(metadata, "annotations", meta_path);
  detail.node_selector = r.string_map(spec, "nodeSelector", spec_path);
  const load::Node affinity = r.map(spec, "affinity", spec_path);
  const std::string affinity_path = join_path(spec_path, "affinity");
  detail.node_affinity = read_node_affinity(r, affinity, affinity_path);
  detail.pod_affinity = read_pod_affinity(r, affinity, "podAffinity", affinity_path);
  detail.pod_anti_affinity = read_pod_affinity(r, affinity, "podAntiAffinity", affinity_path);
  detail.tolerations = read_tolerations(r, spec, spec_path);
  detail.topology_spread = read_spread(r, spec, spec_path);
  r.for_each(spec, "volumes", spec_path, [&](const load::Node& item, const std::string& p) { read_volume(r, item, p, detail.volumes); });
  pod.host_network = r.boolean(spec, "hostNetwork", spec_path).value_or(false);
  for (const char* key : {"containers", "initContainers"}) {
    r.for_each(spec, key, spec_path, [&](const load::Node& item, const std::string& p) {
      pod.containers.push_back(read_container(r, item, p, pod.host_network));
      pod.containers.back().init = std::string_view(key) == "initContainers";
    });
  }
  pod.overhead = read_resources(r, spec, "overhead", spec_path);
  pod.node_name = r.str_or(spec, "nodeName", spec_path);
  detail.priority_class_name = r.str_or(spec, "priorityClassName", spec_path);
  detail.scheduler_name = r.str_or(spec, "schedulerName", spec_path, "default-scheduler");
  return pod;
}

ClaimSpec read_claim_spec(FieldReader& r, std::string name, const load::Node& spec, const std::string& path) {
  ClaimSpec claim;
  claim.name = std::move(name);
  claim.storage_class = r.str(spec, "storageClassName", path);
  claim.access_modes = r.string_list(spec, "accessModes", path);
  claim.volume_name = r.str_or(spec, "volumeName", path);
  return claim;
}

}  // namespace faultline::model
