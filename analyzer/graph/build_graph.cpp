// Building the system graph from the model, inventory and placement in one linear pass per kind,
// then indexing its dependency edges (strong components, nearest SPOFs) once.
#include <fmt/format.h>

#include "faultline/graph/dependencies.hpp"
#include "faultline/model/controller_labels.hpp"
#include "faultline/placement/describe.hpp"
#include "faultline/graph/quorum.hpp"
#include "faultline/graph/system_graph.hpp"
#include "faultline/health/observed_health.hpp"

namespace faultline::graph {

// Adds vertices kind by kind, then the edges between them; keeps the lookup maps filled.
class GraphBuilder {
 public:
  static VertexData vertex(VertexKind kind, std::string label, const model::ObjectMeta* meta = nullptr) {
    VertexData data;
    data.kind = kind;
    data.label = std::move(label);
    data.meta = meta;
    return data;
  }

  GraphBuilder(SystemGraph& g, const model::Model& model, const inventory::Inventory& inv,
               const placement::PlacementResult& placement, const Declarations& declarations)
      : g_(g), model_(model), inv_(inv), placement_(placement), declarations_(declarations) {}

  void run() {
    g_.model_ = &model_;
    g_.inventory_ = &inv_;
    add_nodes();
    add_workloads();
    add_services();
    add_governors();
    add_webhooks();
    add_calls();
    g_.index_dependencies();
  }

 private:
  Vertex add(VertexData data, const void* object) {
    const Vertex v = boost::add_vertex(std::move(data), *g_.graph_);
    if (object != nullptr) g_.by_object_.emplace(object, v);
    return v;
  }

  void connect(Vertex from, Vertex to, EdgeKind kind, std::vector<std::string> evidence = {}) {
    boost::add_edge(from, to, EdgeData{kind, std::move(evidence)}, *g_.graph_);
  }

  std::optional<Vertex> lookup(const void* object) const {
    const auto it = g_.by_object_.find(object);
    if (it == g_.by_object_.end()) return std::nullopt;
    return it->second;
  }

  static std::string short_key(const std::string& key) {
    if (key == inventory::kZone) return "zone";
    if (key == inventory::kRegion) return "region";
    return key;
  }

  void add_nodes() {
    std::map<std::pair<std::string, std::string>, Vertex> domains;
    for (const auto* node : inv_.nodes) {
      VertexData data = vertex(VertexKind::node, "Node/" + node->meta.ref.name, &node->meta);
      data.node = node;
      data.domain_value = node->meta.ref.name;
      const Vertex v = add(std::move(data), node);
      g_.nodes_.push_back(v);
      g_.by_node_name_.emplace(node->meta.ref.name, v);
      for (const auto& key : inv_.topology_keys) {
        if (key == inventory::kHostname) continue;  // the node is its own hostname domain
        const auto value = inv_.domain_of(*node, key);
        if (!value) continue;
        auto [it, added] = domains.try_emplace({key, *value});
        if (added) {
          VertexData d = vertex(VertexKind::domain, short_key(key) + "/" + *value);
          d.domain_key = key;
          d.domain_value = *value;
          it->second = add(std::move(d), nullptr);
        }
        connect(v, it->second, EdgeKind::in_domain);
      }
    }
  }

  void add_workloads() {
    std::map<std::string, Vertex> custom_resources;
    // In a cluster dump with Pod status, the replicas that serve are the Ready ones.
    const auto health = health::observe(model_, inv_, placement_);
    std::unordered_map<const placement::WorkloadPlacement*, const health::WorkloadHealth*> observed;
    for (const auto& h : health.workloads) observed.emplace(h.placement, &h);
    for (const auto& p : placement_.workloads) {
      if (p.workload == nullptr) continue;
      const auto& w = *p.workload;
      VertexData data = vertex(VertexKind::workload, w.meta.ref.display(), &w.meta);
      data.workload = &w;
      data.placement = &p;
      const auto seen = observed.find(&p);
      const health::WorkloadHealth* h = seen == observed.end() ? nullptr : seen->second;
      data.spof = spof_status(p, inv_.present(), h);
      if (h != nullptr) data.ready = h->ready;
      data.quorum = quorum_reason(w, declarations_);
      const Vertex v = add(std::move(data), &w);
      g_.workloads_.push_back(v);
      if (!w.meta.provenance->expanded_from.empty()) {
        auto [it, added] = custom_resources.try_emplace(w.meta.provenance->expanded_from);
        if (added) it->second = add(vertex(VertexKind::custom_resource, w.meta.provenance->expanded_from), nullptr);
        connect(it->second, v, EdgeKind::expands_to);
      }
    }
  }

  void add_services() {
    for (const auto& s : model_.services) {
      VertexData data = vertex(VertexKind::service, s.meta.ref.display(), &s.meta);
      data.service = &s;
      const Vertex v = add(std::move(data), &s);
      g_.services_.push_back(v);
      const auto backends = model_.backends_of(s);
      for (const auto* backend : backends) {
        const auto target = lookup(backend);
        if (!target) continue;
        const auto pods = model::pods_selected(model::LabelSelector{*s.selector, {}}, *backend);
        if (pods.ordinals.empty()) {
          connect(v, *target, EdgeKind::selects);
          continue;
        }
        std::vector<std::string> names;
        for (const int k : pods.ordinals) names.push_back(fmt::format("{}-{}", backend->meta.ref.name, k));
        const std::string listed = placement::list_names(names);
        const std::string only = (names.size() == 1 ? "only pod " : "only pods ") + listed;
        boost::add_edge(v, *target, EdgeData{EdgeKind::selects, {only}, true}, *g_.graph_);
        // One named pod behind the Service: it is as available as that pod, however many its workload runs.
        if (backends.size() == 1 && names.size() == 1)
          (*g_.graph_)[v].spof = {true, fmt::format("selects only pod {} of {}", listed, backend->meta.ref.display())};
      }
    }
  }

  void add_governors() {
    for (const auto& pdb : model_.pdbs) add(vertex(VertexKind::pdb, pdb.meta.ref.display(), &pdb.meta), &pdb);
    for (const auto& hpa : model_.hpas) add(vertex(VertexKind::hpa, hpa.meta.ref.display(), &hpa.meta), &hpa);
    for (const Vertex v : g_.workloads_) {
      const auto& w = *(*g_.graph_)[v].workload;
      for (const auto* pdb : model_.pdbs_for(w)) {
        if (const auto from = lookup(pdb)) connect(*from, v, EdgeKind::governs);
      }
      if (const auto* hpa = model_.hpa_for(w)) {
        if (const auto from = lookup(hpa)) connect(*from, v, EdgeKind::governs);
      }
    }
  }

  // Without its Service the webhook's availability cannot be judged: say so, and when a Service of
  // that name sits in another namespace (objects without one land in --namespace), how to fix it.
  void report_missing_service(const model::WebhookConfiguration& config, const model::Webhook& hook) {
    std::string message = fmt::format("{} webhook {} calls Service {}/{}, which is not in the input: its backend cannot be checked",
                                      config.meta.ref.display(), hook.name, hook.service_namespace, hook.service_name);
    for (const auto& s : model_.services)
      if (s.meta.ref.name == hook.service_name) {
        message += fmt::format(" (a Service {} is in namespace {}: pass -n {} if its manifests name no namespace)",
                               hook.service_name, s.meta.ref.ns, hook.service_namespace);
        break;
      }
    g_.diagnostics_.push_back({Severity::warning, config.meta.where, message});
  }

  void add_webhooks() {
    for (const auto& config : model_.webhooks) {
      for (const auto& hook : config.webhooks) {
        VertexData data = vertex(VertexKind::webhook, fmt::format("{} ({})", config.meta.ref.display(), hook.name), &config.meta);
        data.webhook_config = &config;
        data.webhook = &hook;
        const Vertex v = add(std::move(data), &hook);
        g_.webhooks_.push_back(v);
        if (hook.service_name.empty()) continue;
        if (const auto* svc = model_.find_service(hook.service_namespace, hook.service_name)) {
          connect(v, *lookup(svc), EdgeKind::backed_by, {"clientConfig.service"});
        } else {
          report_missing_service(config, hook);
        }
      }
    }
  }

  // One calls edge per (workload, target), carrying every piece of evidence in order found.
  void add_calls() {
    for (const Vertex v : g_.workloads_) {
      const auto deps = dependencies_of(model_, *(*g_.graph_)[v].workload, declarations_, g_.diagnostics_);
      std::vector<std::pair<Vertex, std::vector<std::string>>> targets;
      for (const auto& dep : deps) {
        const void* object = dep.service != nullptr ? static_cast<const void*>(dep.service) : dep.workload;
        const auto target = lookup(object);
        if (!target) continue;
        auto it = std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.first == *target; });
        if (it == targets.end()) it = targets.insert(targets.end(), {*target, {}});
        it->second.push_back(dep.evidence);
      }
      for (auto& [target, evidence] : targets) connect(v, target, EdgeKind::calls, std::move(evidence));
    }
  }

  SystemGraph& g_;
  const model::Model& model_;
  const inventory::Inventory& inv_;
  const placement::PlacementResult& placement_;
  const Declarations& declarations_;
};

SystemGraph build_graph(const model::Model& model, const inventory::Inventory& inventory,
                        const placement::PlacementResult& placement, const Declarations& declarations) {
  SystemGraph g;
  GraphBuilder(g, model, inventory, placement, declarations).run();
  return g;
}

std::shared_ptr<const SystemGraph> make_graph(const model::Model& model, const inventory::Inventory& inventory,
                                              const placement::PlacementResult& placement,
                                              const Declarations& declarations) {
  auto g = std::make_shared<SystemGraph>();
  GraphBuilder(*g, model, inventory, placement, declarations).run();
  return g;
}

std::optional<Vertex> SystemGraph::find(const model::Workload& w) const {
  const auto it = by_object_.find(&w);
  if (it == by_object_.end()) return std::nullopt;
  return it->second;
}

std::optional<Vertex> SystemGraph::find(const model::Service& s) const {
  const auto it = by_object_.find(&s);
  if (it == by_object_.end()) return std::nullopt;
  return it->second;
}

std::optional<Vertex> SystemGraph::find_node(const std::string& name) const {
  const auto it = by_node_name_.find(name);
  if (it == by_node_name_.end()) return std::nullopt;
  return it->second;
}

}  // namespace faultline::graph
