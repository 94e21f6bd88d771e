// Observed health: Pod status (Ready, waiting reasons, restarts, PodScheduled=False), the
// scheduler's FailedScheduling events, node conditions, and the images each pod runs. Every
// list is sorted so the same dump gives the same output.
#include "faultline/health/observed_health.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

namespace faultline::health {
namespace {

std::vector<std::string> node_conditions(const model::Node& n) {
  std::vector<std::string> problems;
  if (n.ready && !*n.ready) problems.push_back("NotReady");
  problems.insert(problems.end(), n.pressure.begin(), n.pressure.end());
  return problems;
}

std::string node_problem(const model::Node& n) { return fmt::format("{}", fmt::join(node_conditions(n), ", ")); }

// Problem nodes first (few), then one pass over the bound pods to count what runs on them.
std::vector<NodeProblem> node_problems(const inventory::Inventory& inventory, const placement::PlacementResult& placement) {
  std::vector<NodeProblem> out;
  std::unordered_map<std::string, std::size_t> index;
  for (const model::Node* n : inventory.nodes) {
    auto conditions = node_conditions(*n);
    if (conditions.empty()) continue;
    index.emplace(n->meta.ref.name, out.size());
    out.push_back(NodeProblem{n, std::move(conditions), 0, {}});
  }
  if (out.empty()) return out;
  for (const auto& p : placement.workloads) {
    if (!p.observed) continue;
    for (const model::Workload* pod : p.observed->pods) {
      const auto it = index.find(pod->pod.node_name);
      if (it == index.end()) continue;
      auto& problem = out[it->second];
      ++problem.pods;
      problem.workloads.push_back(p.workload->meta.ref.display());
    }
  }
  for (auto& problem : out) {
    std::sort(problem.workloads.begin(), problem.workloads.end());
    problem.workloads.erase(std::unique(problem.workloads.begin(), problem.workloads.end()), problem.workloads.end());
  }
  return out;
}

std::string images_of(const model::PodTemplate& pod) {
  std::vector<std::string> parts;
  for (const auto& c : pod.containers)
    if (!c.init) parts.push_back(c.name + "=" + c.image);
  std::sort(parts.begin(), parts.end());
  return fmt::format("{}", fmt::join(parts, ", "));
}

/// The last FailedScheduling message per pod ("ns/name"), in input order.
std::unordered_map<std::string, std::string> scheduling_events(const model::Model& model) {
  std::unordered_map<std::string, std::string> out;
  for (const auto& e : model.events)
    if (e.reason == "FailedScheduling") out[e.object_namespace + "/" + e.object_name] = e.message;
  return out;
}

std::string why_not_ready(const model::Workload& pod, const std::unordered_map<std::string, std::string>& events,
                          const inventory::Inventory& inventory) {
  std::vector<std::string> parts;
  const auto& s = pod.status;
  if (pod.phase == "Pending" || pod.pod.node_name.empty()) {
    const auto it = events.find(pod.meta.ref.ns + "/" + pod.meta.ref.name);
    if (it != events.end()) parts.push_back("Pending: " + it->second);
    else if (!s.trouble->unschedulable.empty()) parts.push_back("Pending: " + s.trouble->unschedulable);
    else parts.push_back(pod.phase.empty() ? "not scheduled" : pod.phase);
  }
  for (const auto& w : s.trouble->waiting) parts.push_back(w);
  if (s.restarts > 0) parts.push_back(fmt::format("{} restart{}", s.restarts, s.restarts == 1 ? "" : "s"));
  if (!pod.pod.node_name.empty())
    if (const model::Node* n = inventory.find(pod.pod.node_name))
      if (const auto problem = node_problem(*n); !problem.empty()) parts.push_back(fmt::format("node {}: {}", n->meta.ref.name, problem));
  if (parts.empty()) parts.push_back(s.ready ? "not Ready" : "no Ready condition");
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

ObservedHealth observe(const model::Model& model, const inventory::Inventory& inventory,
                       const placement::PlacementResult& placement) {
  ObservedHealth out;
  const auto events = scheduling_events(model);
  for (const auto& p : placement.workloads) {
    if (!p.observed || p.workload->kind == model::WorkloadKind::Pod) continue;
    out.dump = true;
    WorkloadHealth h;
    h.placement = &p;
    h.wanted = p.workload->kind == model::WorkloadKind::DaemonSet ? p.replicas : model.effective_replicas(*p.workload);
    for (const model::Workload* pod : p.observed->pods) {
      if (!pod->status.present) continue;
      ++h.pods;
      ++h.images[images_of(pod->pod)];
      if (pod->status.ready.value_or(false)) ++h.ready;
      else h.unhealthy.push_back(UnhealthyPod{pod->meta.ref.name, why_not_ready(*pod, events, inventory)});
    }
    if (h.pods == 0) continue;
    out.available = true;
    std::sort(h.unhealthy.begin(), h.unhealthy.end(), [](const UnhealthyPod& a, const UnhealthyPod& b) { return a.name < b.name; });
    out.workloads.push_back(std::move(h));
  }
  out.node_problems = node_problems(inventory, placement);
  return out;
}

void note_missing_status(const placement::PlacementResult& placement, Diagnostics& diagnostics) {
  const model::Workload* first = nullptr;
  for (const auto& p : placement.workloads) {
    if (!p.observed || p.workload->kind == model::WorkloadKind::Pod) continue;
    for (const model::Workload* pod : p.observed->pods) {
      if (pod->status.present) return;
      if (!first) first = pod;
    }
  }
  if (first)
    diagnostics.push_back(Diagnostic{Severity::info, first->meta.where,
                                     "the input holds Pods but none has a status: no observed health was available "
                                     "(Ready replicas, restarts and waiting reasons need `kubectl get pods -o yaml` with status)"});
}

}  // namespace faultline::health
