// check_failure(): a per-resource bound per eligible class (can the survivors' free capacity hold
// what must go there at all?) and, when no bound proves a shortage, first-fit decreasing over
// the eligible surviving nodes. Bin packing is NP-hard: a found placement proves "fits", a bound
// proves "does not fit", and anything between is "may not fit".
#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "faultline/capacity/capacity.hpp"
#include "faultline/model/quantity.hpp"

namespace faultline::capacity {
namespace {

using Placement = placement::WorkloadPlacement;

struct Group {
  std::size_t demand = 0;  ///< index into Capacity::workloads
  int pods = 0;            ///< pods to place on the survivors
  int moving = 0;          ///< of them, displaced by the failure
  int placed = 0;
};

bool fits_in(const Amounts& free, const Amounts& request) {
  for (std::size_t r = 0; r < free.size(); ++r)
    if (request[r] > free[r]) return false;
  return true;
}

std::string label(const Placement& p) { return p.workload->meta.ref.display(); }

class Checker {
 public:
  Checker(const Capacity& cap, const std::vector<std::string>& failed_nodes)
      : cap_(cap), failed_(cap.nodes.size(), 0), free_(cap.nodes.size()) {
    for (const auto& name : failed_nodes)
      if (const int idx = cap.node_index(name); idx >= 0) failed_[static_cast<std::size_t>(idx)] = 1;
    for (std::size_t n = 0; n < cap.nodes.size(); ++n) {
      const auto& nc = cap.nodes[n];
      if (failed_[n] || !nc.known) continue;
      free_[n] = nc.allocatable;
      if (cap.usage == Usage::observed)
        for (std::size_t r = 0; r < nc.used.size(); ++r) free_[n][r] -= nc.used[r];
    }
  }

  FitReport run(const std::vector<std::pair<const Placement*, int>>& lost) {
    FitReport out;
    out.usage = describe(cap_.usage, cap_.bound_pods);
    if (cap_.usage == Usage::observed) collect_observed();
    else collect_planned(lost);
    for (const Group& g : groups_) {
      const auto& d = cap_.workloads[g.demand];
      if (g.moving > 0) out.moves.push_back(Move{d.placement, g.moving, 0, d.requests.known});
      out.pods_to_move += g.moving;
    }
    std::sort(out.moves.begin(), out.moves.end(), [](const Move& a, const Move& b) { return label(*a.placement) < label(*b.placement); });
    std::sort(not_recreated_.begin(), not_recreated_.end());
    out.not_recreated = std::move(not_recreated_);
    if (!std::any_of(cap_.nodes.begin(), cap_.nodes.end(), [&](const NodeCapacity& n) { return n.known; })) {
      out.verdict = Fit::unknown;
      out.rests_on = "no node states status.allocatable, so free capacity is unknown";
      return out;
    }
    bound(out);
    if (!out.shortages.empty()) {
      out.verdict = Fit::does_not_fit;
      out.rests_on = "a bound: the pods that must run on the surviving eligible nodes need more than those nodes have free";
      return out;
    }
    pack();
    out.packed = true;
    std::map<const Placement*, const Group*> by_placement;
    for (const Group& g : groups_) by_placement[cap_.workloads[g.demand].placement] = &g;
    int unplaced_known = 0;
    ResourceList short_by;
    for (auto& m : out.moves) {
      const Group& g = *by_placement.at(m.placement);
      m.placed = m.known ? std::max(0, g.placed - (g.pods - g.moving)) : 0;
      out.pods_placed += m.placed;
    }
    bool unknown_moving = false;
    for (const Group& g : groups_) {
      const auto& d = cap_.workloads[g.demand];
      if (!d.requests.known) {
        unknown_moving = unknown_moving || g.moving > 0;
        continue;
      }
      const int left = g.pods - g.placed;
      unplaced_known += left;
      for (std::size_t r = 0; r < cap_.resources.size(); ++r)
        if (left > 0 && d.request[r] > 0 && cap_.resources[r] != "pods") short_by[cap_.resources[r]] += d.request[r] * left;
    }
    if (unplaced_known > 0) {
      out.verdict = Fit::may_not_fit;
      out.rests_on = fmt::format("first-fit decreasing left {} pod{} unplaced and no bound proves a shortage (bin packing is "
                                 "NP-hard: another placement may exist)",
                                 unplaced_known, unplaced_known == 1 ? "" : "s");
      for (const auto& [name, amount] : short_by) out.shortages.push_back(Shortage{name, amount, 0, "requests of the pods left unplaced"});
    } else if (unknown_moving) {
      out.verdict = Fit::unknown;
      out.rests_on = "first-fit decreasing placed every pod with requests, but some pods that must move declare no requests";
    } else {
      out.verdict = Fit::fits;
      out.rests_on = fmt::format("a placement was found: first-fit decreasing placed every pod on the surviving eligible "
                                 "nodes{}", cap_.usage == Usage::planned ? " (the replicas that stay placed by it too)" : "");
    }
    return out;
  }

 private:
  void collect_observed() {
    for (std::size_t i = 0; i < cap_.workloads.size(); ++i) {
      const auto& d = cap_.workloads[i];
      const int moving = static_cast<int>(std::count_if(d.bound_nodes.begin(), d.bound_nodes.end(),
                                                        [&](int n) { return failed_[static_cast<std::size_t>(n)] != 0; }));
      if (moving == 0 || d.daemon) continue;  // a DaemonSet's pod goes with its node
      if (!d.recreated) {
        not_recreated_.push_back(label(*d.placement));
        continue;
      }
      groups_.push_back(Group{i, moving, moving, 0});
    }
  }

  void collect_planned(const std::vector<std::pair<const Placement*, int>>& lost) {
    std::unordered_map<const Placement*, int> lost_by(lost.begin(), lost.end());
    for (std::size_t i = 0; i < cap_.workloads.size(); ++i) {
      const auto& d = cap_.workloads[i];
      const auto it = lost_by.find(d.placement);
      const int moving = it == lost_by.end() ? 0 : it->second;
      if (d.daemon) {
        if (!d.requests.known) continue;
        for (const int n : cap_.classes[static_cast<std::size_t>(d.eligible_class)]) {
          auto& f = free_[static_cast<std::size_t>(n)];
          if (f.empty()) continue;
          for (std::size_t r = 0; r < f.size(); ++r) f[r] -= d.request[r];
        }
        continue;
      }
      if (!d.recreated && moving > 0) {
        not_recreated_.push_back(label(*d.placement));
        continue;
      }
      const int pods = d.placement->runnable();
      if (pods > 0) groups_.push_back(Group{i, pods, std::min(moving, pods), 0});
    }
  }

  // Per class: what its groups need against what its surviving nodes have free; one pod that no
  // single node can hold; more pods than surviving nodes allow under a per-node cap.
  void bound(FitReport& out) {
    std::map<int, Amounts> need;
    std::map<int, std::vector<const Group*>> members;
    for (const Group& g : groups_) {
      const auto& d = cap_.workloads[g.demand];
      if (!d.requests.known) continue;
      auto& n = need[d.eligible_class];
      n.resize(cap_.resources.size(), 0);
      for (std::size_t r = 0; r < n.size(); ++r) n[r] += d.request[r] * g.pods;
      members[d.eligible_class].push_back(&g);
    }
    for (const auto& [cls, amounts] : need) {
      const auto& nodes = cap_.classes[static_cast<std::size_t>(cls)];
      Amounts have(cap_.resources.size(), 0);
      int survivors = 0;
      bool unbounded = false;
      for (const int n : nodes) {
        const auto idx = static_cast<std::size_t>(n);
        if (failed_[idx]) continue;
        ++survivors;
        if (!cap_.nodes[idx].known) unbounded = true;
        else for (std::size_t r = 0; r < have.size(); ++r) have[r] += std::max<std::int64_t>(0, free_[idx][r]);
      }
      const auto& first = *cap_.workloads[members[cls].front()->demand].placement;
      const std::string scope = fmt::format("the {} surviving eligible node{} of {}{}", survivors, survivors == 1 ? "" : "s",
                                            label(first), members[cls].size() > 1 ? fmt::format(" and {} more", members[cls].size() - 1) : "");
      if (!unbounded) {
        for (std::size_t r = 0; r < have.size(); ++r)
          if (amounts[r] > have[r]) out.shortages.push_back(Shortage{cap_.resources[r], amounts[r], have[r], scope});
      }
      for (const Group* g : members[cls]) single_pod_bound(*g, nodes, survivors, unbounded, out);
    }
  }

  void single_pod_bound(const Group& g, const std::vector<int>& nodes, int survivors, bool unbounded, FitReport& out) {
    const auto& d = cap_.workloads[g.demand];
    if (d.per_node_cap > 0) {
      int staying = 0;
      if (cap_.usage == Usage::observed)
        for (const int n : d.bound_nodes) staying += failed_[static_cast<std::size_t>(n)] ? 0 : 1;
      const int total = g.pods + staying;
      if (total > d.per_node_cap * survivors)
        out.shortages.push_back(Shortage{"nodes", (total + d.per_node_cap - 1) / d.per_node_cap, survivors,
                                         fmt::format("{}: at most {} pod(s) per node (a hard rule)", label(*d.placement), d.per_node_cap)});
    }
    if (unbounded) return;
    const auto key = std::make_pair(d.eligible_class, d.request);
    auto it = single_fit_.find(key);
    if (it == single_fit_.end()) {
      const bool any = std::any_of(nodes.begin(), nodes.end(), [&](int n) {
        const auto idx = static_cast<std::size_t>(n);
        return !failed_[idx] && cap_.nodes[idx].known && fits_in(free_[idx], d.request);
      });
      it = single_fit_.emplace(key, any).first;
    }
    if (it->second) return;
    for (std::size_t r = 0; r < d.request.size(); ++r) {
      if (d.request[r] == 0) continue;
      std::int64_t best = 0;
      for (const int n : nodes) {
        const auto idx = static_cast<std::size_t>(n);
        if (!failed_[idx] && cap_.nodes[idx].known) best = std::max(best, free_[idx][r]);
      }
      if (d.request[r] > best)
        out.shortages.push_back(Shortage{cap_.resources[r], d.request[r], best,
                                         fmt::format("any one surviving eligible node, for one pod of {}", label(*d.placement))});
    }
  }

  // First-fit decreasing: pods by decreasing share of the cluster, each on the first surviving
  // eligible node (by name) with room whose per-node and per-zone caps allow it.
  void pack() {
    Amounts total(cap_.resources.size(), 1);
    for (std::size_t n = 0; n < cap_.nodes.size(); ++n)
      if (!free_[n].empty())
        for (std::size_t r = 0; r < total.size(); ++r) total[r] += std::max<std::int64_t>(0, free_[n][r]);
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
      const auto& d = cap_.workloads[groups_[gi].demand];
      if (!d.requests.known) continue;
      double size = 0;
      for (std::size_t r = 0; r < total.size(); ++r) size += static_cast<double>(d.request[r]) / static_cast<double>(total[r]);
      order.emplace_back(size, gi);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::unordered_map<std::uint64_t, int> per_node, per_zone;
    const auto slot = [](std::size_t gi, int where) { return (static_cast<std::uint64_t>(gi) << 32) | static_cast<std::uint32_t>(where); };
    for (const auto& [size, gi] : order) {
      Group& g = groups_[gi];
      const auto& d = cap_.workloads[g.demand];
      if (cap_.usage == Usage::observed)
        for (const int n : d.bound_nodes) {
          if (failed_[static_cast<std::size_t>(n)]) continue;
          ++per_node[slot(gi, n)];
          ++per_zone[slot(gi, cap_.nodes[static_cast<std::size_t>(n)].zone)];
        }
      const auto& nodes = cap_.classes[static_cast<std::size_t>(d.eligible_class)];
      std::size_t next = 0;  // nodes before it already refused an identical pod; free space only shrinks
      for (int k = 0; k < g.pods; ++k) {
        for (; next < nodes.size(); ++next) {
          const auto idx = static_cast<std::size_t>(nodes[next]);
          if (free_[idx].empty() || !fits_in(free_[idx], d.request)) continue;
          if (d.per_node_cap > 0 && per_node[slot(gi, nodes[next])] >= d.per_node_cap) continue;
          const int zone = cap_.nodes[idx].zone;
          if (d.per_zone_cap > 0 && zone >= 0 && per_zone[slot(gi, zone)] >= d.per_zone_cap) continue;
          for (std::size_t r = 0; r < d.request.size(); ++r) free_[idx][r] -= d.request[r];
          ++per_node[slot(gi, nodes[next])];
          if (zone >= 0) ++per_zone[slot(gi, zone)];
          ++g.placed;
          break;
        }
        if (next == nodes.size()) break;
      }
    }
  }

  const Capacity& cap_;
  std::vector<char> failed_;
  std::vector<Amounts> free_;  ///< empty for failed nodes and nodes without allocatable
  std::vector<Group> groups_;
  std::vector<std::string> not_recreated_;
  std::map<std::pair<int, Amounts>, bool> single_fit_;
};

}  // namespace

std::string_view to_string(Fit fit) {
  switch (fit) {
    case Fit::fits: return "fits";
    case Fit::does_not_fit: return "does not fit";
    case Fit::may_not_fit: return "may not fit";
    case Fit::unknown: return "capacity unknown";
  }
  return "capacity unknown";
}

FitReport check_failure(const Capacity& capacity, const std::vector<std::string>& failed_nodes,
                        const std::vector<std::pair<const placement::WorkloadPlacement*, int>>& lost) {
  return Checker(capacity, failed_nodes).run(lost);
}

}  // namespace faultline::capacity
