#pragma once
/// A simulation's result for people, deterministic (the JSON form is written by the simulate command).
#include <ostream>

#include "faultline/graph/simulate.hpp"

namespace faultline::graph {

/// One line per affected workload, worst first, then the webhooks that stop answering and a verdict line.
void write_simulation_text(const SystemGraph& graph, const Simulation& sim, std::ostream& out);

}  // namespace faultline::graph
