// Failure simulation: worst-case replica loss per workload, then the outage cascade along
// dependency edges (a Service is down when every workload behind it is down).
#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "faultline/graph/quorum.hpp"
#include "faultline/graph/simulate.hpp"

namespace faultline::graph {
namespace {

// A resolved failure: the topology key, its value and the node vertices it takes down.
struct FailedDomain {
  std::string key;
  std::string value;
  std::vector<Vertex> nodes;
};

std::string resolve_key(const std::string& key) {
  if (key == "node" || key == "hostname") return inventory::kHostname;
  if (key == "zone") return inventory::kZone;
  if (key == "region") return inventory::kRegion;
  return key;
}

std::optional<std::string> domain_of(const SystemGraph& g, Vertex node, const std::string& key) {
  if (key == inventory::kHostname) return g[node].domain_value;
  return g.inventory().domain_of(*g[node].node, key);
}

// Every value of `key` over the inventory, each with its nodes.
std::map<std::string, std::vector<Vertex>> domains_of(const SystemGraph& g, const std::string& key) {
  std::map<std::string, std::vector<Vertex>> out;
  for (const Vertex n : g.nodes()) {
    if (const auto value = domain_of(g, n, key)) out[*value].push_back(n);
  }
  return out;
}

int level_max(const placement::WorkloadPlacement& p, const std::string& key, int fallback) {
  const auto* level = p.level(key);
  return level != nullptr && level->max_in_one_domain > 0 ? level->max_in_one_domain : fallback;
}

// The fewest replicas the workload's PDBs require to stay up; 0 when it has none.
int budget_minimum(const model::Model& model, const model::Workload& w, int replicas, std::string& which) {
  int minimum = 0;
  for (const auto* pdb : model.pdbs_for(w)) {
    int wanted = 0;
    if (pdb->min_available) {
      wanted = pdb->min_available->resolve(replicas, true);
    } else if (pdb->max_unavailable) {
      wanted = replicas - pdb->max_unavailable->resolve(replicas, true);
    }
    if (wanted > minimum) {
      minimum = wanted;
      which = pdb->meta.ref.display();
    }
  }
  return minimum;
}

// Impact of one workload from its schedulable replicas and worst-case losses, before the cascade.
Impact classify(const SystemGraph& g, Vertex v, int runnable, int lost, std::string* detail) {
  const auto& data = g[v];
  const int replicas = data.placement->replicas;
  const int left = runnable - lost;
  std::string pdb;
  if (left == 0) {
    if (detail) *detail = fmt::format("loses all {} replicas", runnable);
    return Impact::down;
  }
  if (!data.quorum.empty() && left < majority(replicas)) {
    if (detail) *detail = fmt::format("{} of {} replicas left, a majority is {}", left, replicas, majority(replicas));
    return Impact::below_quorum;
  }
  if (detail == nullptr) return Impact::degraded;  // budgets only matter for the report
  if (const int minimum = budget_minimum(g.model(), *data.workload, replicas, pdb); left < minimum) {
    *detail = fmt::format("{} of {} replicas left, {} wants {}", left, runnable, pdb, minimum);
    return Impact::below_budget;
  }
  *detail = fmt::format("{} of {} replicas left", left, runnable);
  return Impact::degraded;
}

// One simulation at a time over per-vertex scratch arrays; only touched entries are reset, so
// a trial costs what the failure reaches, which keeps any-node over thousands of nodes fast.
class Simulator {
 public:
  explicit Simulator(const SystemGraph& g)
      : g_(g), n_(g.vertex_count()), lost_(n_, 0), nodes_(n_, 0), impact_(n_, kNone), parent_(n_), down_backends_(n_, 0),
        node_index_(n_, 0) {
    for (std::size_t i = 0; i < g.nodes().size(); ++i) node_index_[g.nodes()[i]] = i;
    std::unordered_map<const placement::NodeSet*, std::size_t> group_of;
    for (const Vertex w : g.workloads()) {
      const auto* set = g[w].placement ? g[w].placement->eligible.get() : nullptr;
      if (set == nullptr) continue;
      const auto [it, added] = group_of.try_emplace(set, groups_.size());
      if (added) groups_.emplace_back(set, std::vector<Vertex>{});
      groups_[it->second].second.push_back(w);
    }
  }

  // Outages and replicas lost by one trial, without building a report: how any-KEY ranks domains.
  std::pair<std::size_t, int> score(const std::vector<FailedDomain>& failed) {
    Simulation scratch;
    assess(failed, false);
    cascade(scratch);
    std::pair<std::size_t, int> result{0, 0};
    for (const Vertex v : affected_) {
      result.first += out(v) ? 1 : 0;
      result.second += lost_[v];
    }
    reset();
    return result;
  }

  // Runs one trial; the outcomes carry details and paths.
  Simulation run(const std::vector<FailedDomain>& failed) {
    Simulation sim;
    assess(failed, true);
    cascade(sim);
    collect(failed, sim, true);
    reset();
    return sim;
  }

 private:
  static constexpr signed char kNone = -1;

  // Direct losses of every workload on a failed node.
  void assess(const std::vector<FailedDomain>& failed, bool report) {
    count_losses(failed);
    for (const Vertex v : touched_) {
      if (nodes_[v] == 0) continue;
      const auto& p = *g_[v].placement;
      const int runnable = p.replicas - p.pending;
      const int lost = worst_loss(p, failed, v, runnable);
      if (runnable <= 0 || lost <= 0) continue;
      lost_[v] = lost;
      std::string detail;
      impact_[v] = static_cast<signed char>(classify(g_, v, runnable, lost, report ? &detail : nullptr));
      affected_.push_back(v);
      if (report) details_.emplace(v, std::move(detail));
    }
  }

  // For each workload eligible on a failed node: failed eligible nodes overall and per failed
  // domain, counted once per eligible node set (workloads of one signature share it) and handed
  // to its workloads in the order a walk over the failed nodes would meet them.
  void count_losses(const std::vector<FailedDomain>& failed) {
    std::vector<Vertex> sequence, unique;
    for (const auto& f : failed) sequence.insert(sequence.end(), f.nodes.begin(), f.nodes.end());
    unique = sequence;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    failed_nodes_ = unique;
    std::vector<std::pair<std::size_t, Vertex>> order;  // (first failed node it may run on, workload)
    for (const auto& [set, members] : groups_) {
      std::vector<int> per_domain(failed.size(), 0);
      std::size_t first = sequence.size(), at = 0;
      for (std::size_t i = 0; i < failed.size(); ++i) {
        for (const Vertex node : failed[i].nodes) {
          if (set->contains(node_index_[node])) ++per_domain[i], first = std::min(first, at);
          ++at;
        }
      }
      if (first == sequence.size()) continue;
      int overall = 0;
      for (const Vertex node : unique) overall += set->contains(node_index_[node]) ? 1 : 0;
      for (const Vertex w : members) {
        nodes_[w] = overall;
        counts_[w] = per_domain;
        order.emplace_back(first, w);
      }
    }
    std::sort(order.begin(), order.end());
    for (const auto& [first, w] : order) touched_.push_back(w);
  }

  // Worst case: at most per-node cap on each failed node, at most the level's cap per failed domain.
  int worst_loss(const placement::WorkloadPlacement& p, const std::vector<FailedDomain>& failed, Vertex v,
                 int runnable) const {
    const int per_node = level_max(p, inventory::kHostname, runnable);
    const auto& per_domain = counts_.at(v);
    int by_domain = 0;
    for (std::size_t i = 0; i < failed.size(); ++i) {
      by_domain += std::min(level_max(p, failed[i].key, runnable), per_node * per_domain[i]);
    }
    return std::min({runnable, per_node * nodes_[v], by_domain});
  }

  bool out(Vertex v) const { return impact_[v] != kNone && is_outage(static_cast<Impact>(impact_[v])); }

  // A Service is down when all its backends are; its callers (and direct callers) go down with it.
  void cascade(Simulation& sim) {
    const auto& graph = g_.graph();
    std::vector<Vertex> work;
    for (const Vertex v : affected_) {
      if (out(v)) work.push_back(v);
      // A Service of named pods (pod-name, pod-index) may have lost exactly those: worst case, it has.
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, graph)))
        if (graph[e].named_pods) count_down_backend(boost::source(e, graph), v, work);
    }
    while (!work.empty()) {
      const Vertex v = work.back();
      work.pop_back();
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, graph))) {
        const Vertex from = boost::source(e, graph);
        const EdgeKind kind = graph[e].kind;
        if (kind == EdgeKind::calls && g_[from].kind == VertexKind::workload && !out(from)) {
          if (impact_[from] == kNone) affected_.push_back(from);
          impact_[from] = static_cast<signed char>(Impact::via_dependency);
          parent_[from] = v;
          work.push_back(from);
        } else if (kind == EdgeKind::selects && !(graph[e].named_pods && lost_[v] > 0)) {
          count_down_backend(from, v, work);
        } else if (kind == EdgeKind::backed_by) {
          const bool fails_open = g_[from].webhook->failure_policy == "Ignore";
          (fails_open ? sim.webhooks_failing_open : sim.webhooks_down).push_back(g_[from].label);
        }
      }
    }
  }

  // One more backend of `service` is down; with all of them, so is the Service.
  void count_down_backend(Vertex service, Vertex backend, std::vector<Vertex>& work) {
    if (down_backends_[service]++ == 0) services_.push_back(service);
    if (static_cast<std::size_t>(down_backends_[service]) == g_.backend_count(service)) {
      parent_[service] = backend;
      work.push_back(service);
    }
  }

  DependencyPath path_from(Vertex v) const {
    DependencyPath path{{v}};
    for (Vertex x = parent_[v];; x = parent_[x]) {
      path.vertices.push_back(x);
      if (g_[x].kind == VertexKind::workload && impact_[x] != static_cast<signed char>(Impact::via_dependency)) break;
    }
    return path;
  }

  void collect(const std::vector<FailedDomain>& failed, Simulation& sim, bool report) {
    for (const auto& f : failed) sim.failed.push_back(fmt::format("{}={}", f.key, f.value));
    for (const Vertex n : failed_nodes_) sim.failed_nodes.push_back(g_[n].domain_value);
    std::sort(sim.failed_nodes.begin(), sim.failed_nodes.end());
    std::sort(sim.webhooks_down.begin(), sim.webhooks_down.end());
    std::sort(sim.webhooks_failing_open.begin(), sim.webhooks_failing_open.end());
    for (const Vertex v : affected_) {
      const auto impact = static_cast<Impact>(impact_[v]);
      const auto& p = *g_[v].placement;
      Outcome o{v, impact, p.replicas - p.pending, lost_[v], {}, std::nullopt};
      if (report) {
        if (impact == Impact::via_dependency) {
          o.detail = "something it calls is down";
          o.path = path_from(v);
        } else {
          o.detail = details_.at(v);
        }
      }
      sim.outcomes.push_back(std::move(o));
    }
    std::sort(sim.outcomes.begin(), sim.outcomes.end(), [&](const Outcome& a, const Outcome& b) {
      if (a.impact != b.impact) return a.impact < b.impact;
      return g_[a.workload].label < g_[b.workload].label;
    });
  }

  void reset() {
    for (const Vertex v : touched_) nodes_[v] = 0;
    for (const Vertex v : affected_) {
      lost_[v] = 0;
      impact_[v] = kNone;
    }
    for (const Vertex v : services_) down_backends_[v] = 0;
    touched_.clear();
    affected_.clear();
    services_.clear();
    counts_.clear();
    details_.clear();
  }

  const SystemGraph& g_;
  std::size_t n_;
  std::vector<int> lost_, nodes_;
  std::vector<signed char> impact_;
  std::vector<Vertex> parent_;
  std::vector<int> down_backends_;
  std::vector<std::size_t> node_index_;  // node vertex → index into the inventory (and its NodeSets)
  std::vector<std::pair<const placement::NodeSet*, std::vector<Vertex>>> groups_;  // workloads per eligible set
  std::vector<Vertex> touched_, affected_, services_, failed_nodes_;
  std::unordered_map<Vertex, std::vector<int>> counts_;
  std::unordered_map<Vertex, std::string> details_;
};

}  // namespace

std::optional<FailureSpec> parse_failure(const std::string& text, std::string& error) {
  if (text.rfind("any-", 0) == 0 && text.size() > 4) return FailureSpec{text.substr(4), "", true};
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    error = fmt::format("--fail {}: expected KEY=VALUE (node=sys-1, zone=eu-1a, rack=r7) or any-KEY (any-zone)", text);
    return std::nullopt;
  }
  return FailureSpec{text.substr(0, eq), text.substr(eq + 1), false};
}

std::string_view to_string(Impact impact) {
  switch (impact) {
    case Impact::down: return "down";
    case Impact::below_quorum: return "below quorum";
    case Impact::via_dependency: return "down through a dependency";
    case Impact::below_budget: return "below its disruption budget";
    case Impact::degraded: return "degraded";
  }
  return "unknown";
}

bool is_outage(Impact impact) {
  return impact == Impact::down || impact == Impact::below_quorum || impact == Impact::via_dependency;
}

std::size_t Simulation::outages() const {
  return static_cast<std::size_t>(
      std::count_if(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return is_outage(o.impact); }));
}

Simulation simulate(const SystemGraph& g, const std::vector<FailureSpec>& failures, std::string& error) {
  if (!g.inventory().present()) {
    error = "simulation needs the cluster's nodes: pass --nodes FILE or include Node objects in the input";
    return {};
  }
  std::vector<FailedDomain> fixed;
  std::optional<std::string> any_key;
  for (const auto& spec : failures) {
    const std::string key = resolve_key(spec.key);
    auto domains = domains_of(g, key);
    if (domains.empty()) {
      error = fmt::format("--fail {}: no node has a {} label", spec.any ? "any-" + spec.key : spec.key, key);
      return {};
    }
    if (spec.any) {
      if (any_key) {
        error = "--fail: only one any-KEY can be given";
        return {};
      }
      any_key = key;
      continue;
    }
    const auto it = domains.find(spec.value);
    if (it == domains.end()) {
      std::string known;
      for (const auto& [value, nodes] : domains) known += (known.empty() ? "" : ", ") + value;
      error = fmt::format("--fail {}={}: no node has {}={} (known: {})", spec.key, spec.value, key, spec.value, known);
      return {};
    }
    fixed.push_back(FailedDomain{key, spec.value, std::move(it->second)});
  }
  Simulator simulator(g);
  if (!any_key) return simulator.run(fixed);
  // Every domain is scored without report text; the worst one is then run again in full.
  std::optional<std::vector<FailedDomain>> worst;
  std::size_t worst_outages = 0, tried = 0;
  int worst_lost = 0;
  for (auto& [value, nodes] : domains_of(g, *any_key)) {
    auto trial = fixed;
    trial.push_back(FailedDomain{*any_key, value, std::move(nodes)});
    const auto [outages, lost] = simulator.score(trial);
    ++tried;
    if (!worst || outages > worst_outages || (outages == worst_outages && lost > worst_lost)) {
      worst_outages = outages;
      worst_lost = lost;
      worst = std::move(trial);
    }
  }
  Simulation result = simulator.run(*worst);
  result.tried = tried;
  return result;
}

}  // namespace faultline::graph
