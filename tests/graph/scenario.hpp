#pragma once
// In-memory systems for graph tests: workloads, Services, nodes and a hand-made worst-case
// placement, without YAML, without the placement stage.
#include <algorithm>
#include <deque>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "faultline/graph/system_graph.hpp"

namespace faultline::test {

/// A small system under construction; `build()` indexes it and returns its graph.
class Scenario {
 public:
  /// A workload with pod label app=<name> and `replicas` replicas, placed by `place` later.
  model::Workload& workload(const std::string& name, int replicas, model::WorkloadKind kind = model::WorkloadKind::Deployment,
                            const std::string& ns = "shop") {
    auto& w = model.workloads.emplace_back();
    w.meta.ref = {"apps/v1", std::string(model::to_string(kind)), ns, name};
    w.kind = kind;
    w.replicas = replicas;
    w.detail.edit().selector = model::LabelSelector{{{"app", name}}, {}};
    w.pod.labels = {{"app", name}};
    w.pod.containers.push_back(model::Container{name, name + ":1", {}, {}, {}, {}, false, false, {}, {}, {}, false, {}});
    return w;
  }

  /// A literal env var on the workload's first container.
  static void env(model::Workload& w, const std::string& name, const std::string& value) {
    w.pod.containers.front().env.push_back({name, value, "", ""});
  }

  /// A Service selecting app=<app> (the workload of that name).
  model::Service& service(const std::string& name, const std::string& app, const std::string& ns = "shop") {
    auto& s = model.services.emplace_back();
    s.meta.ref = {"v1", "Service", ns, name};
    s.selector = model::Labels{{"app", app}};
    s.type = "ClusterIP";
    return s;
  }

  model::ConfigMap& config_map(const std::string& name, model::StringMap data,
                               const std::string& ns = "shop") {
    auto& cm = model.config_maps.emplace_back();
    cm.meta.ref = {"v1", "ConfigMap", ns, name};
    cm.data = std::move(data);
    return cm;
  }

  /// A node labelled with its zone (and rack, when given).
  model::Node& node(const std::string& name, const std::string& zone, const std::string& rack = "") {
    auto& n = model.nodes.emplace_back();
    n.meta.ref = {"v1", "Node", "", name};
    n.meta.labels = {{inventory::kHostname, name}, {inventory::kZone, zone}};
    if (!rack.empty()) n.meta.labels["rack"] = rack;
    n.ready = true;
    return n;
  }

  /// Placement of `w`: eligible nodes, and the worst case per key as {key, max in one domain}.
  void place(const model::Workload& w, std::vector<std::string> eligible,
             std::vector<std::pair<std::string, int>> worst) {
    placed.push_back({&w, std::move(eligible), std::move(worst)});
  }

  graph::SystemGraph build() {
    model.build_indexes();
    inv.topology_keys = {inventory::kHostname, inventory::kZone, inventory::kRegion};
    for (const auto& n : model.nodes) inv.nodes.push_back(&n);
    for (const auto& w : model.workloads) add_placement(w);
    return graph::build_graph(model, inv, placement, declarations);
  }

  model::Model model;
  inventory::Inventory inv;
  placement::PlacementResult placement;
  graph::Declarations declarations;

 private:
  struct Placed {
    const model::Workload* w;
    std::vector<std::string> eligible;
    std::vector<std::pair<std::string, int>> worst;
  };

  void add_placement(const model::Workload& w) {
    placement::WorkloadPlacement p;
    p.workload = &w;
    p.replicas = w.declared_replicas();
    for (const auto& x : placed) {
      if (x.w != &w) continue;
      p.eligible = std::make_shared<const placement::NodeSet>(placement::NodeSet::of(inv, x.eligible));
      p.eligible_nodes = static_cast<int>(x.eligible.size());
      for (const auto& [key, max] : x.worst) {
        placement::LevelPlacement level;
        level.key = key;
        level.domains = domains(x.eligible, key);
        level.max_in_one_domain = max;
        level.survivors_after_worst_loss = p.replicas - max;
        level.verdict = level.survivors_after_worst_loss > 0 ? placement::Verdict::survives
                                                              : placement::Verdict::does_not_survive;
        p.levels.push_back(level);
      }
    }
    placement.workloads.push_back(std::move(p));
  }

  // Distinct values of `key` over the eligible nodes.
  int domains(const std::vector<std::string>& eligible, const std::string& key) const {
    std::set<std::string> values;
    for (const auto& n : model.nodes) {
      if (std::find(eligible.begin(), eligible.end(), n.meta.ref.name) == eligible.end()) continue;
      if (const auto it = n.meta.labels.find(key); it != n.meta.labels.end()) values.insert(it->second);
    }
    return static_cast<int>(values.size());
  }

  std::vector<Placed> placed;
};

/// Names of the dependency targets of workload `name` along calls edges, sorted.
inline std::vector<std::string> calls_of(const graph::SystemGraph& g, const std::string& label) {
  std::vector<std::string> out;
  for (const auto v : g.workloads()) {
    if (g[v].label != label) continue;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g.graph()))) {
      if (g.graph()[e].kind == graph::EdgeKind::calls) out.push_back(g[boost::target(e, g.graph())].label);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The vertex of the workload labelled `label`.
inline graph::Vertex vertex_of(const graph::SystemGraph& g, const std::string& label) {
  for (const auto v : g.workloads()) {
    if (g[v].label == label) return v;
  }
  throw std::runtime_error("no workload " + label);
}

}  // namespace faultline::test
