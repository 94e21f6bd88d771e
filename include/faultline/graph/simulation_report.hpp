#pragma once
/// A simulation's result for people (text) and for programs (JSON), deterministic.
#include <ostream>

#include "faultline/graph/simulate.hpp"

namespace faultline::graph {

/// One line per affected workload, worst first, then the webhooks that stop answering and a verdict line.
void write_simulation_text(const SystemGraph& graph, const Simulation& sim, std::ostream& out);

/// {"failed": [...], "failed_nodes": [...], "tried": n, "outages": n, "outcomes": [...], "webhooks_down": [...]}.
void write_simulation_json(const SystemGraph& graph, const Simulation& sim, std::ostream& out);

}  // namespace faultline::graph
