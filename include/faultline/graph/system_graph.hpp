#pragma once
/// The system graph: workloads, Services, nodes, failure domains, budgets, autoscalers, webhooks
/// and custom resources as vertices of one Boost.Graph, with typed edges between them.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/properties.hpp>

#include "faultline/common/diagnostic.hpp"
#include "faultline/graph/declared.hpp"
#include "faultline/graph/spof.hpp"
#include "faultline/inventory/inventory.hpp"
#include "faultline/model/model.hpp"
#include "faultline/placement/placement.hpp"

namespace faultline::graph {

/// What a vertex stands for.
enum class VertexKind { workload, service, node, domain, pdb, hpa, webhook, custom_resource };
std::string_view to_string(VertexKind kind);

/// What an edge means; the arrow points from the dependent to what it needs or from the
/// container to what it contains. Where a workload may run is not an edge: the placement's
/// eligible node set, shared by every workload of one scheduling signature, answers it.
enum class EdgeKind {
  selects,        ///< Service → workload it selects
  in_domain,      ///< node → failure domain (zone, region, custom key)
  calls,          ///< workload → Service (or workload) it calls
  backed_by,      ///< webhook → Service that serves it
  governs,        ///< PDB or HPA → workload
  expands_to,     ///< custom resource → workload the operator creates
};
std::string_view to_string(EdgeKind kind);

/// True for the edges along which an outage travels (calls, selects, backed_by).
bool is_dependency(EdgeKind kind);

/// One vertex; exactly one of the object pointers is set, matching `kind` (none for domains).
struct VertexData {
  VertexKind kind = VertexKind::workload;
  std::string label;  ///< "Deployment/ns/name", "node/sys-1", "zone/eu-1a", "webhook/cfg/name"
  const model::ObjectMeta* meta = nullptr;
  const model::Workload* workload = nullptr;
  const placement::WorkloadPlacement* placement = nullptr;
  const model::Service* service = nullptr;
  const model::Node* node = nullptr;
  const model::WebhookConfiguration* webhook_config = nullptr;
  const model::Webhook* webhook = nullptr;
  std::string domain_key;    ///< for domains: the topology key
  std::string domain_value;  ///< for domains: the label value; for nodes: the node name
  SpofStatus spof;           ///< workloads, and Services that select one named pod
  int ready = -1;            ///< workloads of a cluster dump with Pod status: Ready pods; -1 otherwise
  std::string quorum;        ///< workloads only: why it needs a majority; empty when it does not
};

/// One edge, with the evidence that created it ("env DB_HOST=postgres:5432").
struct EdgeData {
  EdgeKind kind = EdgeKind::calls;
  std::vector<std::string> evidence;
  /// selects: only the pods the selector names (statefulset.kubernetes.io/pod-name, pod-index),
  /// so the Service may lose them while the workload still runs others.
  bool named_pods = false;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

/// A path along dependency edges, dependent first; `text()` renders it with arrows.
struct DependencyPath {
  std::vector<Vertex> vertices;
};

/// How many of the SPOFs a workload depends on are reported with a path.
inline constexpr std::size_t kNearestSpofs = 10;

/// The SPOFs one workload depends on, nearest first: bounded, so reports grow with the input.
struct SpofDependencies {
  std::vector<DependencyPath> nearest;  ///< fewest hops first, then by name; at most kNearestSpofs
  bool more = false;                    ///< it depends on more SPOFs than `nearest` lists
};

/// The graph plus lookups from model objects to vertices. Built once per analysis.
class SystemGraph {
 public:
  const Graph& graph() const { return *graph_; }
  const VertexData& operator[](Vertex v) const { return (*graph_)[v]; }
  std::size_t vertex_count() const { return boost::num_vertices(*graph_); }
  std::size_t edge_count() const { return boost::num_edges(*graph_); }

  std::optional<Vertex> find(const model::Workload& w) const;
  std::optional<Vertex> find(const model::Service& s) const;
  std::optional<Vertex> find_node(const std::string& name) const;
  /// Workload vertices in model order.
  const std::vector<Vertex>& workloads() const { return workloads_; }
  const std::vector<Vertex>& webhooks() const { return webhooks_; }
  const std::vector<Vertex>& services() const { return services_; }
  const std::vector<Vertex>& nodes() const { return nodes_; }
  const inventory::Inventory& inventory() const { return *inventory_; }
  const model::Model& model() const { return *model_; }

  /// Workloads selected by Service `service`. A Service is down only when every one of them
  /// is: blast radius, SPOF dependencies and `simulate` all read this one count.
  std::size_t backend_count(Vertex service) const { return backends_[service]; }
  /// Workload vertices that go down when `v` alone does, excluding `v`, in display-name order:
  /// callers follow what they call, a Service follows only the loss of all its backends. One
  /// cascade per call, not kept (a SPOF in a long dependency cycle takes the whole cycle down,
  /// so all radii together can be far larger than the graph): it visits only what it reaches
  /// and the edges into that, and sorts by a rank computed once.
  std::vector<Vertex> blast_radius_vertices(Vertex v) const;
  /// The same as display names.
  std::vector<std::string> blast_radius(Vertex v) const;
  /// SPOF workloads `v` depends on, directly or transitively: the nearest kNearestSpofs with
  /// a shortest path each (from one multi-source search done when the graph is built). Through
  /// a Service only a SPOF that takes down every backend counts: a caller of a Service that
  /// also selects a well-spread workload does not depend on the SPOF behind it.
  SpofDependencies spof_dependencies(Vertex v) const;
  /// Sets of workloads that depend on each other in a cycle, each sorted, once per cycle.
  std::vector<std::vector<Vertex>> dependency_cycles() const;
  /// Strong component of `v` over dependency edges (every vertex has one).
  std::size_t component(Vertex v) const { return component_[v]; }
  /// "Deployment/ns/frontend → Service/ns/postgres → Deployment/ns/postgres (1 replica)".
  std::string describe(const DependencyPath& path) const;
  /// Problems found while building (a depends-on annotation naming nothing known, ...).
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  friend SystemGraph build_graph(const model::Model&, const inventory::Inventory&, const placement::PlacementResult&,
                                 const Declarations&);
  friend class GraphBuilder;
  /// Strong components, the condensation and the nearest SPOFs of every vertex (reachability.cpp).
  void index_dependencies();
  /// One SPOF reachable from a vertex: `via` is the next vertex on a shortest path to it.
  struct SpofLabel {
    Vertex spof;
    Vertex via;
    std::uint32_t hops;
  };
  // Held by pointer: Boost 1.74's adjacency_list cannot be moved, and must never be copied.
  std::unique_ptr<Graph> graph_ = std::make_unique<Graph>();
  const model::Model* model_ = nullptr;
  const inventory::Inventory* inventory_ = nullptr;
  std::unordered_map<const void*, Vertex> by_object_;
  std::unordered_map<std::string, Vertex> by_node_name_;
  std::vector<Vertex> workloads_, services_, webhooks_, nodes_;
  Diagnostics diagnostics_;
  std::vector<std::size_t> component_;                    // per vertex
  std::vector<std::vector<Vertex>> component_workloads_;  // per component
  std::vector<std::size_t> backends_;                     // per vertex: workloads a Service selects
  std::vector<std::vector<SpofLabel>> nearest_;           // per vertex, at most kNearestSpofs + 2
  std::vector<std::uint32_t> label_rank_;                 // per vertex: its place in label order
  // Scratch counts of a blast-radius cascade (reset after each): not thread-safe, one graph, one thread.
  mutable std::vector<std::size_t> down_backends_;
};

/// Builds the graph in time linear in objects plus edges. The model, inventory and placement
/// must outlive the graph (vertices point into them).
SystemGraph build_graph(const model::Model& model, const inventory::Inventory& inventory,
                        const placement::PlacementResult& placement, const Declarations& declarations);
/// The same, built in place on the heap (the analysis keeps it shared; never copied).
std::shared_ptr<const SystemGraph> make_graph(const model::Model& model, const inventory::Inventory& inventory,
                                              const placement::PlacementResult& placement,
                                              const Declarations& declarations);

}  // namespace faultline::graph
