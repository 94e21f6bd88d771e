#pragma once
/// Failure simulation: remove the nodes of some failure domains, apply the worst-case placement,
/// and propagate the loss along dependency edges.
#include <optional>
#include <string>
#include <vector>

#include "faultline/graph/system_graph.hpp"

namespace faultline::graph {

/// One `--fail KEY=VALUE` (or `--fail any-KEY`). KEY is node, zone, region, or any topology
/// key or node label; `any` tries every domain of that key.
struct FailureSpec {
  std::string key;    ///< as written: "zone", "node", "rack", "topology.kubernetes.io/zone"
  std::string value;  ///< empty when `any`
  bool any = false;
};

/// Parses "zone=eu-1a", "node=sys-1", "any-zone", "any-node"; nullopt with `error` set otherwise.
std::optional<FailureSpec> parse_failure(const std::string& text, std::string& error);

/// What a failure does to one workload.
enum class Impact {
  down,            ///< every schedulable replica is lost
  below_quorum,    ///< fewer than a majority left: a quorum-based workload stops serving
  via_dependency,  ///< its own replicas run but something it calls is down
  below_budget,    ///< still serving, but fewer replicas than its PDB's minimum
  degraded,        ///< lost some replicas, still serving
};
std::string_view to_string(Impact impact);
/// down, below_quorum and via_dependency take the workload out of service.
bool is_outage(Impact impact);

/// One affected workload.
struct Outcome {
  Vertex workload{};
  Impact impact = Impact::degraded;
  int replicas = 0;  ///< schedulable replicas before the failure
  int lost = 0;      ///< worst-case replicas lost
  std::string detail;          ///< "1 of 3 left, majority is 2", "PDB ns/x wants 2"
  std::optional<DependencyPath> path;  ///< for via_dependency: dependent first, failed workload last
};

/// The effect of one combination of failed domains.
struct Simulation {
  std::vector<std::string> failed;      ///< "zone=eu-1a", as resolved
  std::vector<std::string> failed_nodes;
  std::vector<Outcome> outcomes;        ///< worst impact first, then by name
  std::vector<std::string> webhooks_down;  ///< fail-closed webhooks whose Service lost every backend: admission blocked
  std::vector<std::string> webhooks_failing_open;  ///< failurePolicy Ignore ones: requests pass unchecked
  std::size_t tried = 1;                ///< domains tried for an any-KEY failure
  std::size_t outages() const;          ///< outcomes that take a workload out of service
};

/// Simulates the given failures; an `any` spec tries each domain of its key and keeps the
/// worst (most outages, then most replicas lost, then first by name). Unknown keys or values
/// and a missing inventory are reported in `error` (then the result is empty).
Simulation simulate(const SystemGraph& graph, const std::vector<FailureSpec>& failures, std::string& error);

}  // namespace faultline::graph
