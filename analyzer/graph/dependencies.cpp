// A workload's dependencies: Service names in its pod spec and referenced ConfigMaps, the
// depends-on annotation, and edges declared by policy packs.
#include <fnmatch.h>

#include <map>

#include <fmt/format.h>

#include "faultline/graph/dependencies.hpp"

namespace faultline::graph {
namespace {

constexpr const char* kDependsOnAnnotation = "faultline.io/depends-on";

bool glob_match(const std::string& pattern, const std::string& text) {
  return pattern.empty() || fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

// Collects dependencies of one workload, skipping Services that select the workload itself
// (a pod naming its own Service, e.g. a headless discovery Service, is not a dependency).
class Collector {
 public:
  Collector(const model::Model& model, const model::Workload& w, std::vector<Dependency>& out)
      : model_(model), w_(w), out_(out) {}

  void scan(std::string_view text, const std::string& evidence, std::string_view context = {}) {
    for (const auto& name : service_names_in(text, w_.meta.ref.ns, context)) {
      if (const auto* svc = model_.find_service(name.ns, name.name)) add_service(*svc, evidence);
    }
  }

  void add_service(const model::Service& svc, const std::string& evidence) {
    for (const auto* backend : model_.backends_of(svc)) {
      if (backend == &w_) return;
    }
    out_.push_back(Dependency{&svc, nullptr, evidence});
  }

  void add_workload(const model::Workload& target, const std::string& evidence) {
    if (&target != &w_) out_.push_back(Dependency{nullptr, &target, evidence});
  }

  void scan_config_map(const std::string& name, const std::string& only_key, const std::string& how) {
    const auto* cm = model_.find_config_map(w_.meta.ref.ns, name);
    if (cm == nullptr) return;
    for (const auto& [key, value] : cm->data) {
      if (!only_key.empty() && key != only_key) continue;
      scan(value, fmt::format("ConfigMap {}/{} key {} ({})", cm->meta.ref.ns, name, key, how), key);
    }
  }

  // "ns/svc" or "svc"; a Service first, else a workload of that name.
  bool add_named(const std::string& ns, const std::string& name, const std::string& evidence) {
    if (const auto* svc = model_.find_service(ns, name)) {
      add_service(*svc, evidence);
      return true;
    }
    for (const char* kind : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Pod"}) {
      if (const auto* target = model_.find_workload(kind, ns, name)) {
        add_workload(*target, evidence);
        return true;
      }
    }
    return false;
  }

 private:
  const model::Model& model_;
  const model::Workload& w_;
  std::vector<Dependency>& out_;
};

// Expands $(VAR) the way the kubelet does: VAR must be a literal env var of the container
// (for env values, one defined earlier); $$ escapes; unknown references stay as written.
std::string expand(const std::string& text, const std::map<std::string, std::string>& vars) {
  if (text.find('$') == std::string::npos) return text;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '(') {
      const auto close = text.find(')', i);
      if (close != std::string::npos) {
        const auto it = vars.find(text.substr(i + 2, close - i - 2));
        if (it != vars.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

void scan_containers(const model::Workload& w, Collector& c) {
  for (const auto& container : w.pod.containers) {
    std::map<std::string, std::string> vars;
    for (const auto& env : container.env) {
      if (!env.value.empty()) {
        const std::string value = expand(env.value, vars);
        c.scan(value, fmt::format("container {} env {}", container.name, env.name), env.name);
        vars[env.name] = value;
      }
      if (!env.config_map_ref.empty()) {
        c.scan_config_map(env.config_map_ref, env.config_map_key, fmt::format("env {}", env.name));
      }
    }
    for (const auto& name : container.env_from_config_maps) c.scan_config_map(name, "", "envFrom");
    for (const auto& word : container.command) c.scan(expand(word, vars), fmt::format("container {} command", container.name));
    for (const auto& word : container.args) c.scan(expand(word, vars), fmt::format("container {} args", container.name));
  }
  for (const auto& volume : w.pod.detail->volumes) {
    if (!volume.config_map.empty()) c.scan_config_map(volume.config_map, "", fmt::format("volume {}", volume.name));
  }
}

void scan_annotation(const model::Workload& w, const model::Labels& annotations, Collector& c, Diagnostics& diags) {
  const auto it = annotations.find(kDependsOnAnnotation);
  if (it == annotations.end()) return;
  std::string_view rest = it->second;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string item(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (item.empty()) continue;
    const auto slash = item.find('/');
    const std::string ns = slash == std::string::npos ? w.meta.ref.ns : item.substr(0, slash);
    const std::string name = slash == std::string::npos ? item : item.substr(slash + 1);
    if (!c.add_named(ns, name, fmt::format("annotation {}: {}/{}", kDependsOnAnnotation, ns, name))) {
      diags.push_back(Diagnostic{Severity::warning, w.meta.where,
                                 fmt::format("{} on {}: no Service or workload {}/{} in the inputs",
                                             kDependsOnAnnotation, w.meta.ref.display(), ns, name)});
    }
  }
}

}  // namespace

std::vector<Dependency> dependencies_of(const model::Model& model, const model::Workload& w,
                                        const Declarations& declarations, Diagnostics& diags) {
  std::vector<Dependency> out;
  Collector collector(model, w, out);
  scan_containers(w, collector);
  scan_annotation(w, w.meta.annotations, collector, diags);
  scan_annotation(w, w.pod.detail->annotations, collector, diags);
  for (const auto& edge : declarations.edges) {
    if (!glob_match(edge.from_namespace, w.meta.ref.ns) || !glob_match(edge.from_name, w.meta.ref.name)) continue;
    const std::string ns = edge.to_namespace.empty() ? w.meta.ref.ns : edge.to_namespace;
    collector.add_named(ns, edge.to_name,
                        fmt::format("declared in {}:{}{}", edge.where.file, edge.where.line,
                                    edge.reason.empty() ? "" : ": " + edge.reason));
  }
  return out;
}

}  // namespace faultline::graph
