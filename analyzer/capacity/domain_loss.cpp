// unrecoverable_losses(): for every single node and every single zone, per eligible class, what
// must go onto the class's surviving nodes against what they have free (the sum bound), whether
// one pod still finds a node with room, and whether a per-node cap leaves enough nodes. Planned
// usage puts every runnable replica on the survivors; observed usage moves the bound pods.
#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "faultline/capacity/capacity.hpp"
#include "faultline/model/quantity.hpp"

namespace faultline::capacity {
namespace {

constexpr std::size_t kListedPerKey = 3;

struct Failure {
  std::string why;
  bool gpu = false;
  std::size_t resource = 0;   ///< the short resource
  std::int64_t excess = 0;    ///< how much more must move than is free
};

/// The workloads a shortage is laid at: those whose own share alone exceeds the excess (without
/// them the rest would fit); when no single one does, all of them.
std::vector<std::size_t> responsible(const std::vector<std::pair<std::size_t, std::int64_t>>& shares, const Failure& f) {
  std::vector<std::size_t> out;
  for (const auto& [i, share] : shares)
    if (share >= f.excess) out.push_back(i);
  if (out.empty())
    for (const auto& [i, share] : shares) out.push_back(i);
  return out;
}

class LossFinder {
 public:
  explicit LossFinder(const Capacity& cap) : cap_(cap), free_(cap.nodes.size()) {
    for (std::size_t n = 0; n < cap.nodes.size(); ++n) {
      const auto& nc = cap.nodes[n];
      free_[n] = nc.allocatable;
      if (cap.usage == Usage::observed)
        for (std::size_t r = 0; r < free_[n].size(); ++r) free_[n][r] = std::max<std::int64_t>(0, free_[n][r] - nc.used[r]);
    }
    members_.resize(cap.classes.size());
    for (std::size_t i = 0; i < cap.workloads.size(); ++i) {
      const auto& d = cap.workloads[i];
      if (d.daemon || !d.recreated || !d.requests.known || d.placement->runnable() <= 0) continue;
      members_[static_cast<std::size_t>(d.eligible_class)].push_back(i);
    }
    reports_.resize(cap.workloads.size());
  }

  std::vector<LossReport> run() {
    for (const bool zone : {false, true}) {
      for (std::size_t c = 0; c < cap_.classes.size(); ++c)
        if (!members_[c].empty()) check_class(c, zone);
    }
    std::vector<LossReport> out;
    for (std::size_t i = 0; i < reports_.size(); ++i) {
      if (reports_[i].total == 0) continue;
      reports_[i].placement = cap_.workloads[i].placement;
      reports_[i].system = system_class(cap_, cap_.workloads[i].eligible_class);
      out.push_back(std::move(reports_[i]));
    }
    return out;
  }

 private:
  int domain_of(int node, bool zone) const { return zone ? cap_.nodes[static_cast<std::size_t>(node)].zone : node; }

  std::string domain_name(int domain, bool zone) const {
    return zone ? cap_.zones[static_cast<std::size_t>(domain)] : cap_.nodes[static_cast<std::size_t>(domain)].node->meta.ref.name;
  }

  void record(std::size_t workload, int domain, bool zone, const Failure& f) {
    auto& report = reports_[workload];
    ++report.total;
    const std::string key = zone ? inventory::kZone : inventory::kHostname;
    const auto listed = std::count_if(report.shortfalls.begin(), report.shortfalls.end(), [&](const DomainShortfall& s) { return s.key == key; });
    const std::string name = domain_name(domain, zone);
    const bool already = std::any_of(report.shortfalls.begin(), report.shortfalls.end(),
                                     [&](const DomainShortfall& s) { return s.key == key && s.domain == name; });
    if (already) {
      --report.total;
      return;
    }
    if (static_cast<std::size_t>(listed) < kListedPerKey) report.shortfalls.push_back(DomainShortfall{key, name, f.why, f.gpu});
  }

  // Sum bound over one resource vector: the first resource where need exceeds what is left.
  std::optional<Failure> short_of(const Amounts& need, const Amounts& left) const {
    for (std::size_t r = 0; r < need.size(); ++r) {
      if (need[r] <= left[r]) continue;
      const std::string& name = cap_.resources[r];
      return Failure{fmt::format("{}: {} must move, {} free on the surviving eligible nodes", name, model::format_quantity(name, need[r]),
                                 model::format_quantity(name, left[r])),
                     is_gpu(name), r, need[r] - left[r]};
    }
    return std::nullopt;
  }

  void check_class(std::size_t c, bool zone) {
    const auto& nodes = cap_.classes[c];
    if (nodes.empty()) return;
    const std::size_t R = cap_.resources.size();
    Amounts total(R, 0);
    std::map<int, Amounts> in_domain;
    std::map<int, int> nodes_in;
    for (const int n : nodes) {
      if (!cap_.nodes[static_cast<std::size_t>(n)].known) return;  // unknown capacity: no bound holds
      for (std::size_t r = 0; r < R; ++r) total[r] += free_[static_cast<std::size_t>(n)][r];
      const int d = domain_of(n, zone);
      if (d < 0) continue;  // a node without a zone label is in no zone that can fail
      auto& sub = in_domain[d];
      sub.resize(R, 0);
      for (std::size_t r = 0; r < R; ++r) sub[r] += free_[static_cast<std::size_t>(n)][r];
      ++nodes_in[d];
    }
    const auto& members = members_[c];
    std::map<int, std::vector<std::size_t>> movers;  // observed: who has pods in each domain
    std::map<int, std::map<std::size_t, int>> moving;  // observed: domain → workload → pods there
    std::map<int, Amounts> need;
    if (cap_.usage == Usage::planned) {
      // Every runnable replica must be on the survivors whichever domain fails: one demand per class.
      Amounts everything(R, 0);
      for (const std::size_t i : members) {
        const auto& d = cap_.workloads[i];
        for (std::size_t r = 0; r < R; ++r) everything[r] += d.request[r] * d.placement->runnable();
      }
      if (short_of(everything, total)) return;  // short before any loss: not what a loss does
      for (const auto& [domain, sub] : in_domain) need[domain] = everything;
    } else {
      for (const std::size_t i : members) {
        const auto& d = cap_.workloads[i];
        for (const int n : d.bound_nodes) {
          const int domain = domain_of(n, zone);
          if (!in_domain.count(domain)) continue;
          auto& amounts = need[domain];
          amounts.resize(R, 0);
          for (std::size_t r = 0; r < R; ++r) amounts[r] += d.request[r];
          ++moving[domain][i];
          auto& who = movers[domain];
          if (who.empty() || who.back() != i) who.push_back(i);
        }
      }
    }
    std::map<std::size_t, std::vector<std::pair<std::size_t, std::int64_t>>> planned_shares;  // per short resource, once
    for (const auto& [domain, amounts] : need) {
      Amounts left(R, 0);
      const auto& sub = in_domain.at(domain);
      for (std::size_t r = 0; r < R; ++r) left[r] = total[r] - sub[r];
      const auto f = short_of(amounts, left);
      if (!f) continue;
      std::vector<std::pair<std::size_t, std::int64_t>> shares;
      if (cap_.usage == Usage::planned) {
        auto& all = planned_shares[f->resource];
        if (all.empty())
          for (const std::size_t i : members)
            all.emplace_back(i, cap_.workloads[i].request[f->resource] * cap_.workloads[i].placement->runnable());
        const auto big = std::count_if(all.begin(), all.end(), [&](const auto& share) { return share.second >= f->excess; });
        if (big == 0) {
          for (const auto& [i, share] : all) record(i, domain, zone, *f);
          continue;
        }
        for (const auto& share : all)
          if (share.second >= f->excess) shares.push_back(share);
      } else {
        for (const auto& [i, pods] : moving[domain]) shares.emplace_back(i, cap_.workloads[i].request[f->resource] * pods);
      }
      for (const std::size_t i : responsible(shares, *f)) record(i, domain, zone, *f);
    }
    single_pods(c, zone, movers);
    if (cap_.usage == Usage::planned) per_node_caps(c, zone, nodes_in);
  }

  void attribute(std::size_t i, const std::vector<std::pair<int, Failure>>& failures, bool zone) {
    std::size_t listed = 0;
    for (const auto& [domain, f] : failures) {
      if (listed++ == kListedPerKey) {
        reports_[i].total += failures.size() - kListedPerKey;
        return;
      }
      record(i, domain, zone, f);
    }
  }

  // One pod of each distinct request needs one surviving node with room: the domains holding
  // every eligible node that has room are the ones whose loss strands it.
  void single_pods(std::size_t c, bool zone, const std::map<int, std::vector<std::size_t>>& movers) {
    const auto& nodes = cap_.classes[c];
    std::map<Amounts, std::vector<std::size_t>> by_request;
    for (const std::size_t i : members_[c]) by_request[cap_.workloads[i].request].push_back(i);
    for (const auto& [request, who] : by_request) {
      std::map<int, int> per_domain;
      int count = 0;
      for (const int n : nodes) {
        const auto& f = free_[static_cast<std::size_t>(n)];
        bool ok = true;
        for (std::size_t r = 0; r < f.size() && ok; ++r) ok = request[r] <= f[r];
        if (!ok) continue;
        ++count;
        ++per_domain[domain_of(n, zone)];
      }
      if (count == 0 || per_domain.size() != 1 || per_domain.begin()->first < 0) continue;  // pending, or room elsewhere
      const int domain = per_domain.begin()->first;
      const auto& d = cap_.workloads[who.front()];
      const Failure f{fmt::format("no other eligible node has room for one pod ({})", describe(d.requests.amounts)),
                      std::any_of(d.requests.amounts.begin(), d.requests.amounts.end(), [](const auto& kv) { return is_gpu(kv.first); })};
      if (cap_.usage == Usage::planned) {
        for (const std::size_t i : who) record(i, domain, zone, f);
      } else if (const auto it = movers.find(domain); it != movers.end()) {
        for (const std::size_t i : it->second)
          if (cap_.workloads[i].request == request) record(i, domain, zone, f);
      }
    }
  }

  // A per-node cap (required anti-affinity, spread) needs ⌈pods / cap⌉ eligible nodes to survive.
  void per_node_caps(std::size_t c, bool zone, const std::map<int, int>& nodes_in) {
    const int class_nodes = static_cast<int>(cap_.classes[c].size());
    for (const std::size_t i : members_[c]) {
      const auto& d = cap_.workloads[i];
      if (d.per_node_cap == 0) continue;
      const int pods = d.placement->runnable();
      const int needed = (pods + d.per_node_cap - 1) / d.per_node_cap;
      if (needed > class_nodes) continue;  // pending already
      std::vector<std::pair<int, Failure>> failures;
      for (const auto& [domain, lost] : nodes_in) {
        if (needed <= class_nodes - lost) continue;
        failures.emplace_back(domain, Failure{fmt::format("{} pods, at most {} per node, need {} nodes; {} eligible nodes survive", pods,
                                                          d.per_node_cap, needed, class_nodes - lost), false});
      }
      attribute(i, failures, zone);
    }
  }

  const Capacity& cap_;
  std::vector<Amounts> free_;
  std::vector<std::vector<std::size_t>> members_;  ///< per class: workloads whose pods move with their node
  std::vector<LossReport> reports_;
};

}  // namespace

std::vector<LossReport> unrecoverable_losses(const Capacity& capacity) { return LossFinder(capacity).run(); }

}  // namespace faultline::capacity
