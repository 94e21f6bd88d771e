#pragma once
// The colour class of a workload in pictures.
#include "faultline/graph/render.hpp"

namespace faultline::graph {

/// Colour class of a workload vertex.
enum class Shade { spof, node_only, best_effort, survives };

/// Reads the SPOF status and the placement's hostname and zone verdicts.
Shade shade_of(const VertexData& workload);

}  // namespace faultline::graph
