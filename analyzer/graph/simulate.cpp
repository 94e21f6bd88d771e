// Failure simulation: worst-case replica loss per workload, then the outage cascade along
// dependency edges (a Service is down when every workload behind it is down).
#include <algorithm>
#include <map>
#include <set>
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

// Replicas lost and the resulting impact of one workload, before the cascade.
std::optional<Outcome> direct_impact(const SystemGraph& g, Vertex v, const std::vector<FailedDomain>& failed,
                                     const std::vector<int>& per_domain, int unique_nodes) {
  const auto& data = g[v];
  const auto& p = *data.placement;
  const int runnable = p.replicas - p.pending;
  if (runnable <= 0) return std::nullopt;
  const int per_node = level_max(p, inventory::kHostname, runnable);
  int by_domain = 0;
  for (std::size_t i = 0; i < failed.size(); ++i) {
    by_domain += std::min(level_max(p, failed[i].key, runnable), per_node * per_domain[i]);
  }
  const int lost = std::min({runnable, per_node * unique_nodes, by_domain});
  if (lost <= 0) return std::nullopt;
  Outcome out{v, Impact::degraded, runnable, lost, {}, std::nullopt};
  const int left = runnable - lost;
  std::string pdb;
  if (left == 0) {
    out.impact = Impact::down;
    out.detail = fmt::format("loses all {} replicas", runnable);
  } else if (!data.quorum.empty() && left < majority(p.replicas)) {
    out.impact = Impact::below_quorum;
    out.detail = fmt::format("{} of {} replicas left, a majority is {}", left, p.replicas, majority(p.replicas));
  } else if (const int minimum = budget_minimum(g.model(), *data.workload, p.replicas, pdb); left < minimum) {
    out.impact = Impact::below_budget;
    out.detail = fmt::format("{} of {} replicas left, {} wants {}", left, runnable, pdb, minimum);
  } else {
    out.detail = fmt::format("{} of {} replicas left", left, runnable);
  }
  return out;
}

// Propagates outages: a Service is down when all its backends are; its callers go down with it.
void cascade(const SystemGraph& g, std::map<Vertex, Outcome>& outcomes, std::vector<std::string>& webhooks) {
  const auto& graph = g.graph();
  std::vector<Vertex> work;
  for (const auto& [v, o] : outcomes) {
    if (is_outage(o.impact)) work.push_back(v);
  }
  std::unordered_map<Vertex, Vertex> parent;
  std::unordered_map<Vertex, int> down_backends;
  auto fail_caller = [&](Vertex caller, Vertex via) {
    auto it = outcomes.find(caller);
    if (it != outcomes.end() && is_outage(it->second.impact)) return;
    if (it == outcomes.end()) {
      const auto& p = *g[caller].placement;
      it = outcomes.emplace(caller, Outcome{caller, Impact::degraded, p.replicas - p.pending, 0, {}, std::nullopt}).first;
    }
    parent[caller] = via;
    DependencyPath path{{caller}};
    for (Vertex x = via;; x = parent.at(x)) {
      path.vertices.push_back(x);
      if (!parent.count(x)) break;
    }
    it->second.impact = Impact::via_dependency;
    it->second.detail = "something it calls is down";
    it->second.path = std::move(path);
    work.push_back(caller);
  };
  while (!work.empty()) {
    const Vertex v = work.back();
    work.pop_back();
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, graph))) {
      const Vertex from = boost::source(e, graph);
      const EdgeKind kind = graph[e].kind;
      if (kind == EdgeKind::calls) {
        fail_caller(from, v);
      } else if (kind == EdgeKind::selects && g[v].kind == VertexKind::workload) {
        int backends = 0;
        for (const auto out : boost::make_iterator_range(boost::out_edges(from, graph))) {
          backends += graph[out].kind == EdgeKind::selects ? 1 : 0;
        }
        if (++down_backends[from] == backends) {
          parent[from] = v;
          work.push_back(from);
        }
      } else if (kind == EdgeKind::backed_by) {
        webhooks.push_back(g[from].label);
      }
    }
  }
}

Simulation simulate_once(const SystemGraph& g, const std::vector<FailedDomain>& failed) {
  Simulation sim;
  std::set<Vertex> unique;
  std::unordered_map<Vertex, std::vector<int>> per_domain;
  for (std::size_t i = 0; i < failed.size(); ++i) {
    sim.failed.push_back(fmt::format("{}={}", failed[i].key, failed[i].value));
    for (const Vertex n : failed[i].nodes) {
      unique.insert(n);
      for (const auto e : boost::make_iterator_range(boost::in_edges(n, g.graph()))) {
        if (g.graph()[e].kind != EdgeKind::may_run_on) continue;
        auto& counts = per_domain[boost::source(e, g.graph())];
        counts.resize(failed.size());
        ++counts[i];
      }
    }
  }
  for (const Vertex n : unique) sim.failed_nodes.push_back(g[n].domain_value);
  std::sort(sim.failed_nodes.begin(), sim.failed_nodes.end());
  std::map<Vertex, Outcome> outcomes;
  for (const auto& [v, counts] : per_domain) {
    int nodes = 0;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g.graph()))) {
      nodes += g.graph()[e].kind == EdgeKind::may_run_on && unique.count(boost::target(e, g.graph())) ? 1 : 0;
    }
    if (auto o = direct_impact(g, v, failed, counts, nodes)) outcomes.emplace(v, std::move(*o));
  }
  cascade(g, outcomes, sim.webhooks_down);
  std::sort(sim.webhooks_down.begin(), sim.webhooks_down.end());
  for (auto& [v, o] : outcomes) sim.outcomes.push_back(std::move(o));
  std::sort(sim.outcomes.begin(), sim.outcomes.end(), [&](const Outcome& a, const Outcome& b) {
    if (a.impact != b.impact) return a.impact < b.impact;
    return g[a.workload].label < g[b.workload].label;
  });
  return sim;
}

int total_lost(const Simulation& s) {
  int lost = 0;
  for (const auto& o : s.outcomes) lost += o.lost;
  return lost;
}

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
  if (!any_key) return simulate_once(g, fixed);
  Simulation worst;
  std::size_t tried = 0;
  for (auto& [value, nodes] : domains_of(g, *any_key)) {
    auto trial = fixed;
    trial.push_back(FailedDomain{*any_key, value, std::move(nodes)});
    Simulation s = simulate_once(g, trial);
    ++tried;
    if (tried == 1 || s.outages() > worst.outages() ||
        (s.outages() == worst.outages() && total_lost(s) > total_lost(worst))) {
      worst = std::move(s);
    }
  }
  worst.tried = tried;
  return worst;
}

}  // namespace faultline::graph
