#pragma once
/// A finding: one availability problem of one object, with its evidence and its fix.
#include <deque>
#include <string>
#include <vector>

#include "faultline/common/location.hpp"
#include "faultline/common/severity.hpp"
#include "faultline/model/object.hpp"
#include "faultline/model/on_heap.hpp"

namespace faultline::rules {

/// A generic rule's finding that a specific rule's finding on the same object absorbed.
struct AlsoMatched {
  std::string rule;
  std::string subject;
  std::string fingerprint;  ///< the absorbed finding's own, so baselines written either way match
};

/// What the fix plan does about a finding (rule data `plan:`, placeholders filled).
struct PlanItems {
  std::vector<std::string> helm_sets;  ///< "key=value" pairs for `helm upgrade --set`
  std::vector<std::pair<std::string, std::string>> runaiconfig;  ///< "spec.a.b" → JSON value
  std::string node_label;  ///< "key=value" to put on candidate nodes
  std::string node_count;  ///< how many more nodes need node_label (a number once filled)
  std::string yaml;        ///< a manifest change for the object, as a YAML snippet
  bool empty() const { return helm_sets.empty() && runaiconfig.empty() && node_label.empty() && yaml.empty(); }
};

/// One finding, as every report format prints it.
struct Finding {
  std::string rule;
  std::string pack;
  Severity severity = Severity::warning;
  model::ObjectRef object;
  SourceLocation where;
  /// The other places the object was read, when it was read more than once (ObjectMeta::also_at).
  std::vector<SourceLocation> also_at;
  std::string expanded_from;  ///< custom resource the object was derived from, if any
  std::string message;
  std::string remediation;
  std::vector<std::string> evidence;
  /// What the finding is about beyond the object (a node, a volume, a PDB): part of the fingerprint.
  std::string subject;
  /// Workloads that depend on this object, transitively (filled by the graph stage for SPOFs).
  std::vector<std::string> blast_radius;
  bool suppressed = false;
  std::string suppression;  ///< "annotation: <reason>", "config: <reason>" or "baseline"
  /// Generic findings on the same object that this one supersedes (rule data `supersedes:`).
  std::vector<AlsoMatched> also_matched;
  /// A scope finding about too few nodes names them, sorted: workloads whose eligible nodes are
  /// exactly these have their placement findings folded under it (report::find_causes).
  std::vector<std::string> cause_nodes;
  /// Its part of the fix plan (report::build_fix_plan merges them per tool). Behind a pointer:
  /// most findings have none, and the items take a quarter of a finding's bytes.
  model::OnHeap<PlanItems> plan;

  /// Stable identity for baselines: rule + object identity + subject (no line numbers).
  std::string fingerprint() const;
};

/// A run's findings. A deque, not a vector: a finding is about 700 bytes and a cluster dump has
/// thousands, and a growing vector holds its old and its new buffer at once, at the run's peak.
using Findings = std::deque<Finding>;

/// The object a namespace-wide finding names: Namespace/<ns>.
model::ObjectRef namespace_scope(const std::string& ns);
/// The object a cluster-wide finding names: Cluster.
model::ObjectRef cluster_scope();
/// True for namespace_scope and cluster_scope refs.
bool is_scope(const model::ObjectRef& ref);

/// Sorts findings deterministically: severity (worst first), namespace, kind, name, rule, subject.
void sort_findings(Findings& findings);

}  // namespace faultline::rules
