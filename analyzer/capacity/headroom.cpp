// headroom(): per node, the room it offers (allocatable minus what runs there, or minus the
// DaemonSet pods planned on it); per domain of each key, the sum of that room and of what must
// leave it. The headroom of losing a domain is then total room − the domain's room − what must
// move, so every key costs one pass over the nodes and the bound pods, never nodes × workloads.
#include "faultline/capacity/headroom.hpp"

#include <algorithm>
#include <map>

namespace faultline::capacity {
namespace {

/// Indices into Capacity::resources of cpu, memory and the GPU resources, in that order.
std::vector<std::size_t> reported(const Capacity& cap) {
  std::vector<std::size_t> out;
  for (const char* name : {"cpu", "memory"}) {
    const auto it = std::find(cap.resources.begin(), cap.resources.end(), name);
    if (it != cap.resources.end()) out.push_back(static_cast<std::size_t>(it - cap.resources.begin()));
  }
  for (std::size_t r = 0; r < cap.resources.size(); ++r)
    if (is_gpu(cap.resources[r])) out.push_back(r);
  return out;
}

bool moves_with_node(const WorkloadDemand& d) { return !d.daemon && d.recreated; }

class HeadroomFinder {
 public:
  HeadroomFinder(const Capacity& cap, const inventory::Inventory& inv)
      : cap_(cap), inv_(inv), picked_(reported(cap)), room_(cap.nodes.size(), Amounts(picked_.size(), 0)) {}

  Headroom run(const std::vector<std::string>& keys) {
    Headroom out;
    out.usage = cap_.usage;
    out.usage_note = describe(cap_.usage, cap_.bound_pods);
    for (const std::size_t r : picked_) out.resources.push_back(cap_.resources[r]);
    node_room(out);
    demand(out);
    Amounts total(picked_.size(), 0);
    for (const auto& room : room_) add(total, room, 1);
    for (std::size_t k = 0; k < picked_.size(); ++k)
      out.before_loss.push_back(ResourceHeadroom{out.resources[k], total[k] - (planned() ? planned_need_[k] : 0), {}});
    for (const auto& key : keys)
      if (auto loss = worst_loss(key, total, out.resources)) out.losses.push_back(std::move(*loss));
    return out;
  }

 private:
  bool planned() const { return cap_.usage == Usage::planned; }

  static void add(Amounts& into, const Amounts& what, std::int64_t times) {
    for (std::size_t k = 0; k < into.size(); ++k) into[k] += what[k] * times;
  }

  Amounts picked(const Amounts& full) const {
    Amounts out(picked_.size(), 0);
    for (std::size_t k = 0; k < picked_.size(); ++k) out[k] = full[picked_[k]];
    return out;
  }

  // Room a node offers to pods that move: none when it is unknown or takes no pods.
  void node_room(Headroom& out) {
    const std::vector<Amounts> daemons = planned_daemons();
    for (std::size_t n = 0; n < cap_.nodes.size(); ++n) {
      const auto& nc = cap_.nodes[n];
      if (!nc.known) {
        ++out.nodes_without_allocatable;
        continue;
      }
      if (!inventory::Inventory::usable(*nc.node)) {
        ++out.unusable_nodes;
        continue;
      }
      const Amounts alloc = picked(nc.allocatable);
      const Amounts used = planned() ? daemons[n] : picked(nc.used);
      // An overcommitted node offers nothing; it does not take room from the others.
      for (std::size_t k = 0; k < alloc.size(); ++k) room_[n][k] = std::max<std::int64_t>(0, alloc[k] - used[k]);
    }
  }

  // Planned: the DaemonSet pods each node holds, summed per eligible class first so the cost is
  // the nodes of each distinct class, not DaemonSets × nodes.
  std::vector<Amounts> planned_daemons() const {
    std::vector<Amounts> out(cap_.nodes.size(), Amounts(picked_.size(), 0));
    if (!planned()) return out;
    std::map<int, Amounts> per_class;
    for (const auto& d : cap_.workloads)
      if (d.daemon && d.requests.known) {
        auto& sum = per_class[d.eligible_class];
        sum.resize(picked_.size(), 0);
        add(sum, picked(d.request), 1);
      }
    for (const auto& [cls, sum] : per_class)
      for (const int n : cap_.classes[static_cast<std::size_t>(cls)]) add(out[static_cast<std::size_t>(n)], sum, 1);
    return out;
  }

  // Planned: every runnable replica must find room. Observed: what each node's pods would need.
  void demand(Headroom& out) {
    planned_need_.assign(picked_.size(), 0);
    leaving_.assign(cap_.nodes.size(), Amounts());
    for (const auto& d : cap_.workloads) {
      if (!moves_with_node(d) || d.placement->runnable() <= 0) continue;
      if (!d.requests.known) {
        ++out.unknown_requests;
        continue;
      }
      const Amounts request = picked(d.request);
      if (planned()) {
        add(planned_need_, request, d.placement->runnable());
        continue;
      }
      for (const int n : d.bound_nodes) {
        auto& leaving = leaving_[static_cast<std::size_t>(n)];
        leaving.resize(picked_.size(), 0);
        add(leaving, request, 1);
      }
    }
  }

  std::optional<KeyHeadroom> worst_loss(const std::string& key, const Amounts& total, const std::vector<std::string>& names) const {
    std::map<std::string, std::pair<Amounts, Amounts>> domains;  // domain → (room, leaving); name order
    for (std::size_t n = 0; n < cap_.nodes.size(); ++n) {
      const auto domain = inv_.domain_of(*cap_.nodes[n].node, key);
      if (!domain) continue;
      auto& [room, leaving] = domains[*domain];
      room.resize(picked_.size(), 0);
      leaving.resize(picked_.size(), 0);
      add(room, room_[n], 1);
      if (!leaving_.empty() && !leaving_[n].empty()) add(leaving, leaving_[n], 1);
    }
    if (domains.empty()) return std::nullopt;
    KeyHeadroom out{key, domains.size(), {}};
    for (std::size_t k = 0; k < picked_.size(); ++k) {
      ResourceHeadroom worst{names[k], 0, {}};
      for (const auto& [name, sums] : domains) {
        const std::int64_t need = planned() ? planned_need_[k] : sums.second[k];
        const std::int64_t left = total[k] - sums.first[k] - need;
        if (worst.worst_domain.empty() || left < worst.amount) worst = ResourceHeadroom{names[k], left, name};
      }
      out.resources.push_back(std::move(worst));
    }
    return out;
  }

  const Capacity& cap_;
  const inventory::Inventory& inv_;
  std::vector<std::size_t> picked_;  ///< indices into Capacity::resources
  std::vector<Amounts> room_;        ///< per node, over picked_
  Amounts planned_need_;             ///< planned: requests of every runnable replica
  std::vector<Amounts> leaving_;     ///< observed: per node, requests of its pods that move elsewhere
};

}  // namespace

std::optional<Headroom> headroom(const Capacity& capacity, const inventory::Inventory& inventory,
                                 const std::vector<std::string>& keys) {
  if (!capacity.any_allocatable()) return std::nullopt;
  return HeadroomFinder(capacity, inventory).run(keys);
}

}  // namespace faultline::capacity
