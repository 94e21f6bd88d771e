#pragma once
// Findings about a SPOF workload, from any rule, carry its blast radius.
#include <vector>

#include "faultline/graph/system_graph.hpp"
#include "faultline/rules/finding.hpp"

namespace faultline::pipeline {

/// Sets Finding::blast_radius (workloads that depend on the object, transitively) on every
/// finding whose object is a workload the graph counts as a SPOF.
void attach_blast_radius(const graph::SystemGraph& graph, rules::Findings& findings);

}  // namespace faultline::pipeline
